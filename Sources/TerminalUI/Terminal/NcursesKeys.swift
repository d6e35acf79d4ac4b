import CNcurses

/// Turns what `wget_wch` returns into `Key`s. Kept apart from the terminal so the mapping is plain
/// data that tests can check without a tty.
enum NcursesKeys {
    /// A key from a function-key code (`wget_wch` said KEY_CODE_YES).
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where scimterm_key_f(Int32(n)) == code { return .function(n) }
            return nil
        }
    }

    /// A key from a character code. ESC (27) is handled by the caller, which must look ahead.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// What ESC followed by `next` means: Alt with a character, or nothing special.
    static func afterEscape(_ next: Key) -> Key {
        switch next {
        case .character(let c): return .alt(c)
        case .enter: return .alt("\r")
        default: return next
        }
    }
}

/// Collects a bracketed paste (ESC [ 200 ~ … ESC [ 201 ~) so that a long paste reaches a field as
/// one piece of text instead of hundreds of keys, and pasted newlines never act as Enter.
struct PasteCollector {
    static let start = "\u{1B}[200~"
    static let end = "\u{1B}[201~"
    private(set) var text = ""

    /// Feeds one character; returns the pasted text when the end marker arrives.
    mutating func feed(_ character: Character) -> String? {
        text.append(character)
        guard text.hasSuffix(Self.end) else { return nil }
        let pasted = String(text.dropLast(Self.end.count))
        text = ""
        return pasted
    }
}
