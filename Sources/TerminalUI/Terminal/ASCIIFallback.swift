/// What a cell shows when the screen cannot encode its character (see `TerminalLocale`).
///
/// The toolkit's and the app's own marks (separators, bullets, arrows, box lines) become their
/// ASCII look-alikes; any other character, a name's letter above all, becomes "?" repeated over its
/// width, never a look-alike: "Zoë" shown as "Zoe" would be a different value.
public enum ASCIIFallback {
    static let marks: [Character: Character] = [
        "·": ".", "…": ".", "•": "*", "●": "*", "○": "o", "◆": "*", "◇": "o", "⚠": "!", "✓": "+", "✔": "+",
        "✗": "x", "✘": "x", "←": "<", "→": ">", "↑": "^", "↓": "v", "▲": "^", "▼": "v", "▶": ">", "◀": "<",
        "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "╭": "+", "╮": "+", "╯": "+", "╰": "+", "—": "-", "–": "-",
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "█": "#", "░": ".", "▒": ":", "▓": "#", "⠋": "|", "⠙": "/",
        "⠹": "-", "⠸": "\\", "⠼": "|", "⠴": "/", "⠦": "-", "⠧": "\\", "⠇": "|", "⠏": "/",
    ]

    /// The ASCII text for a cell of `width` columns holding `grapheme`.
    public static func text(_ grapheme: String, width: Int) -> String {
        if grapheme.unicodeScalars.allSatisfy(\.isASCII) { return grapheme }
        if width == 1, grapheme.count == 1, let first = grapheme.first, let mark = marks[first] { return String(mark) }
        return String(repeating: "?", count: max(1, width))
    }
}
