/// The text and cursor of a one-line input field, with the editing keys people expect from a shell.
///
/// The cursor counts characters (grapheme clusters), not bytes or columns, so "é" and "漢" move as one.
public struct TextFieldState: Equatable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        characters = Array(Self.singleLine(text))
        self.cursor = min(max(0, cursor ?? characters.count), characters.count)
    }

    public var text: String { String(characters) }

    /// Inserts typed or pasted text at the cursor. Newlines and tabs become spaces and other control
    /// characters are dropped, because a field holds one line.
    public func inserting(_ text: String) -> TextFieldState {
        var copy = self
        let clean = Array(Self.singleLine(text))
        copy.characters.insert(contentsOf: clean, at: cursor)
        copy.cursor += clean.count
        return copy
    }

    public func deletingBackward() -> TextFieldState {
        guard cursor > 0 else { return self }
        var copy = self
        copy.characters.remove(at: cursor - 1)
        copy.cursor -= 1
        return copy
    }

    public func deletingForward() -> TextFieldState {
        guard cursor < characters.count else { return self }
        var copy = self
        copy.characters.remove(at: cursor)
        return copy
    }

    public func moving(to position: Int) -> TextFieldState {
        var copy = self
        copy.cursor = min(max(0, position), characters.count)
        return copy
    }

    /// Start of the previous word: skip spaces left, then the word.
    public func wordStartBefore() -> Int {
        var i = cursor
        while i > 0 && Self.isSeparator(characters[i - 1]) { i -= 1 }
        while i > 0 && !Self.isSeparator(characters[i - 1]) { i -= 1 }
        return i
    }

    /// End of the next word: skip spaces right, then the word.
    public func wordEndAfter() -> Int {
        var i = cursor
        while i < characters.count && Self.isSeparator(characters[i]) { i += 1 }
        while i < characters.count && !Self.isSeparator(characters[i]) { i += 1 }
        return i
    }

    public func deletingWordBackward() -> TextFieldState {
        let start = wordStartBefore()
        var copy = self
        copy.characters.removeSubrange(start..<cursor)
        copy.cursor = start
        return copy
    }

    public func deletingToEnd() -> TextFieldState {
        var copy = self
        copy.characters.removeSubrange(cursor...)
        return copy
    }

    public func deletingToStart() -> TextFieldState {
        var copy = self
        copy.characters.removeSubrange(..<cursor)
        copy.cursor = 0
        return copy
    }

    /// Applies an editing key; nil when the key is not an editing key, so the caller can use it
    /// (Tab to move focus, Enter to submit).
    public func handling(_ key: Key) -> TextFieldState? {
        switch key {
        case .character(let c): return inserting(String(c))
        case .paste(let text): return inserting(text)
        case .backspace, .ctrl("h"): return deletingBackward()
        case .delete, .ctrl("d"): return deletingForward()
        case .left, .ctrl("b"): return moving(to: cursor - 1)
        case .right, .ctrl("f"): return moving(to: cursor + 1)
        case .home, .ctrl("a"): return moving(to: 0)
        case .end, .ctrl("e"): return moving(to: characters.count)
        case .alt("b"): return moving(to: wordStartBefore())
        case .alt("f"): return moving(to: wordEndAfter())
        case .ctrl("w"), .alt("\u{7F}"): return deletingWordBackward()
        case .ctrl("k"): return deletingToEnd()
        case .ctrl("u"): return deletingToStart()
        default: return nil
        }
    }

    private static func isSeparator(_ c: Character) -> Bool {
        c.isWhitespace || (c.isPunctuation && c != "_" && c != "-")
    }

    private static func singleLine(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\t" { out.append(" "); continue }
            if let a = c.asciiValue, a < 0x20 || a == 0x7F { continue }
            out.append(c)
        }
        return out
    }
}
