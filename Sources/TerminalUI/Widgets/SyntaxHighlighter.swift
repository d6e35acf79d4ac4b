/// Colours one line of text by its syntax. A hook rather than a parser: it sees one line at a time
/// (so it stays O(visible lines)) and its mistakes only ever cost colour, never text.
public struct SyntaxHighlighter: Sendable {
    public let highlight: @Sendable (String, Theme) -> [Span]

    public init(_ highlight: @escaping @Sendable (String, Theme) -> [Span]) { self.highlight = highlight }

    public static let plain = SyntaxHighlighter { line, theme in [Span(line, style: theme[.text])] }

    /// JSON as pretty-printed one value per line: keys, strings, numbers, literals, punctuation.
    public static let json = SyntaxHighlighter { line, theme in JSONLineHighlighter.spans(line, theme: theme) }

    /// An HTTP exchange: request line (method), status line, headers; a JSON body is coloured as JSON.
    public static let http = SyntaxHighlighter { line, theme in
        let base = theme[.text]
        let methods = ["GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD ", "OPTIONS "]
        if let method = methods.first(where: { line.hasPrefix($0) }) {
            return [Span(String(method.dropLast()), style: base.patched(with: theme[.httpMethod])),
                    Span(String(line.dropFirst(method.count - 1)), style: base)]
        }
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            let code = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            let role: ThemeRole = code >= 400 ? .httpStatusError : .httpStatus
            return [Span(line, style: base.patched(with: theme[role]))]
        }
        let trimmed = line.drop { $0 == " " }
        if trimmed.first == "{" || trimmed.first == "[" || trimmed.first == "\"" || trimmed.first == "}" || trimmed.first == "]" {
            return JSONLineHighlighter.spans(line, theme: theme)
        }
        if let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" "), colon != line.startIndex {
            return [Span(String(line[..<colon]), style: base.patched(with: theme[.httpHeader])),
                    Span(String(line[colon...]), style: base)]
        }
        return [Span(line, style: base)]
    }
}

/// A small tokenizer for one line of JSON, tolerant of anything (it only chooses colours).
enum JSONLineHighlighter {
    static func spans(_ line: String, theme: Theme) -> [Span] {
        let base = theme[.text]
        var spans: [Span] = []
        let chars = Array(line)
        var i = 0
        func add(_ text: String, _ role: ThemeRole?) {
            spans.append(Span(text, style: role.map { base.patched(with: theme[$0]) } ?? base))
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                var j = i + 1
                while j < chars.count && chars[j] != "\"" { j += chars[j] == "\\" ? 2 : 1 }
                j = min(j + 1, chars.count)
                let text = String(chars[i..<j])
                var k = j
                while k < chars.count && chars[k] == " " { k += 1 }
                add(text, k < chars.count && chars[k] == ":" ? .jsonKey : .jsonString)
                i = j
            } else if c == "-" || c.isNumber {
                var j = i + 1
                while j < chars.count && (chars[j].isNumber || ".eE+-".contains(chars[j])) { j += 1 }
                add(String(chars[i..<j]), .jsonNumber)
                i = j
            } else if c.isLetter {
                var j = i + 1
                while j < chars.count && chars[j].isLetter { j += 1 }
                add(String(chars[i..<j]), .jsonLiteral)
                i = j
            } else if "{}[]:,".contains(c) {
                add(String(c), .jsonPunctuation)
                i += 1
            } else {
                add(String(c), nil)
                i += 1
            }
        }
        return spans
    }
}
