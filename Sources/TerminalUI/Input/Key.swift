/// One input event from the keyboard (or a resize, which arrives through the same channel).
public enum Key: Hashable, Sendable {
    /// Printable text, including non-ASCII input such as "é" or "漢".
    case character(Character)
    /// Ctrl with a letter, stored lower-case (`ctrl-s` is `.ctrl("s")`).
    case ctrl(Character)
    /// Alt (Meta) with a character, as terminals send it: ESC followed by the character.
    case alt(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab, enter, backspace, delete, insert, escape
    /// F1–F12; supported, but never the only way to do something (unreliable over SSH).
    case function(Int)
    /// Text pasted in one go (bracketed paste), delivered whole so a field can take it at once.
    case paste(String)
    /// The terminal changed size; the next frame should be drawn at the new size.
    case resize

    /// True for keys that type text into a field.
    public var isText: Bool {
        switch self {
        case .character, .paste: return true
        default: return false
        }
    }
}

extension Key: CustomStringConvertible {
    /// The canonical spelling, the same one `Key(parsing:)` reads: "ctrl-s", "alt-x", "pgdn", "j".
    public var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .alt(let c): return "alt-\(c == " " ? "space" : String(c))"
        case .function(let n): return "f\(n)"
        case .paste: return "paste"
        default: return Self.names.first { $0.1 == self }?.0 ?? "?"
        }
    }

    /// Named keys and their spellings, the first of each being canonical.
    static let names: [(String, Key)] = [
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown),
        ("tab", .tab), ("shift-tab", .backTab), ("enter", .enter), ("backspace", .backspace),
        ("delete", .delete), ("insert", .insert), ("esc", .escape), ("resize", .resize),
    ]

    static let aliases: [String: Key] = [
        "pageup": .pageUp, "pagedown": .pageDown, "page-up": .pageUp, "page-down": .pageDown,
        "return": .enter, "ret": .enter, "escape": .escape, "del": .delete, "bs": .backspace,
        "backtab": .backTab, "s-tab": .backTab, "ins": .insert,
    ]
}

/// Why a key spelling was rejected, worded for a config file error.
public struct KeyParseError: Error, Equatable, CustomStringConvertible {
    public var spelling: String
    public var reason: String
    public var description: String { "invalid key \"\(spelling)\": \(reason)" }
}

extension Key {
    /// Reads a key as people write it in config files: "j", "G", "space", "ctrl-s", "C-s", "alt-x",
    /// "M-x", "pgdn", "shift-tab", "f5". Modifier names are case-insensitive; a lone letter is not.
    public init(parsing spelling: String) throws {
        let trimmed = spelling.trimmingSpaces
        guard !trimmed.isEmpty else { throw KeyParseError(spelling: spelling, reason: "empty") }
        if trimmed.count == 1, let c = trimmed.first {
            self = .character(c)
            return
        }
        let lower = trimmed.lowercased()
        if let named = Self.names.first(where: { $0.0 == lower })?.1 ?? Self.aliases[lower] {
            self = named
            return
        }
        if lower == "space" { self = .character(" "); return }
        if lower.first == "f", let n = Int(lower.dropFirst()) {
            guard (1...12).contains(n) else { throw KeyParseError(spelling: spelling, reason: "function keys go from f1 to f12") }
            self = .function(n)
            return
        }
        self = try Self.parseModified(trimmed, original: spelling)
    }

    private static func parseModified(_ text: String, original: String) throws -> Key {
        guard let dash = text.firstIndex(of: "-"), dash != text.startIndex else {
            throw KeyParseError(spelling: original, reason: "unknown key name")
        }
        let modifier = text[..<dash].lowercased()
        let rest = String(text[text.index(after: dash)...])
        let base: Character
        if rest.lowercased() == "space" { base = " " } else if rest.count == 1, let c = rest.first { base = c } else {
            throw KeyParseError(spelling: original, reason: "a modifier goes with a single character")
        }
        switch modifier {
        case "ctrl", "control", "c":
            let letter = Character(base.lowercased())
            guard letter.isASCII, letter.isLetter else {
                throw KeyParseError(spelling: original, reason: "ctrl goes with a letter a–z")
            }
            return ctrlKey(letter)
        case "alt", "meta", "m", "a":
            return .alt(base)
        case "shift", "s":
            guard base.isLetter else { throw KeyParseError(spelling: original, reason: "shift goes with a letter or tab") }
            return .character(Character(base.uppercased()))
        default:
            throw KeyParseError(spelling: original, reason: "unknown modifier \"\(modifier)\"")
        }
    }

    /// Ctrl-I, Ctrl-M and Ctrl-H are the same bytes as Tab, Enter and Backspace on a terminal, so they
    /// are spelt as those keys to keep a binding from silently never firing.
    static func ctrlKey(_ letter: Character) -> Key {
        switch letter {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        default: return .ctrl(letter)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
