/// Word wrapping by display columns, shared by the text pane, dialogs and the too-small message.
public enum TextWrap {
    /// Breaks `text` into lines of at most `width` columns, at spaces where possible and inside long
    /// words where not. Wide characters are never split.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), width: width))
        }
        return lines
    }

    private static func wrapParagraph(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let w = String(word).displayWidth
            let needed = lineWidth == 0 ? w : lineWidth + 1 + w
            if needed <= width {
                line += lineWidth == 0 && line.isEmpty ? String(word) : " " + word
                lineWidth = needed
                continue
            }
            if lineWidth > 0 || !line.isEmpty { lines.append(line) }
            line = ""
            lineWidth = 0
            let pieces = hardBreak(String(word), width: width)
            lines.append(contentsOf: pieces.dropLast())
            line = pieces.last ?? ""
            lineWidth = line.displayWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Splits a string into chunks of at most `width` columns regardless of spaces.
    public static func hardBreak(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if pieceWidth + w > width && !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += w
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    /// The longest prefix of `text` that fits in `width` columns, and the columns it takes.
    public static func prefix(_ text: String, width: Int) -> (String, Int) {
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return (out, used)
    }
}
