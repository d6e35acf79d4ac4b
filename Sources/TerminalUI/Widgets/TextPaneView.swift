/// Draws a `TextPaneState`: line numbers, syntax colours, search matches (the current one stronger),
/// wrapped or scrolled sideways. Only the lines on screen are coloured and measured.
public struct TextPaneView: Sendable {
    public var highlighter: SyntaxHighlighter

    public init(highlighter: SyntaxHighlighter = .plain) { self.highlighter = highlighter }

    private struct StyledCharacter {
        var character: Character
        var width: Int
        var style: Style
    }

    public func render(_ state: TextPaneState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.text])
        let gutter = state.lineNumbers ? String(state.lines.count).count + 1 : 0
        let textWidth = area.width - gutter
        guard textWidth > 0 else { return }
        var y = area.y
        var lineIndex = state.top
        while y < area.maxY && lineIndex < state.lines.count {
            let rows = visualRows(styled(lineIndex, state: state, theme: theme), state: state, width: textWidth)
            for (n, row) in rows.enumerated() where y < area.maxY {
                if gutter > 0 {
                    let label = n == 0 ? String(lineIndex + 1) : ""
                    let padded = String(repeating: " ", count: max(0, gutter - 1 - label.count)) + label
                    buffer.draw(padded, x: area.x, y: y, width: gutter - 1, style: theme[.text].patched(with: theme[.lineNumber]))
                }
                buffer.drawSpans(spans(row), x: area.x + gutter, y: y, width: textWidth, truncation: .clip)
                y += 1
            }
            lineIndex += 1
        }
    }

    private func styled(_ index: Int, state: TextPaneState, theme: Theme) -> [StyledCharacter] {
        var out: [StyledCharacter] = []
        for span in highlighter.highlight(state.lines[index], theme) {
            for c in span.text { out.append(StyledCharacter(character: c, width: DisplayWidth.of(c), style: span.style)) }
        }
        for (n, match) in state.matches.enumerated() where match.line == index {
            let role = theme[.searchMatch]
            let style = n == state.currentMatch ? role.adding([.bold, .underline]) : role
            for i in match.range where i < out.count { out[i].style = out[i].style.patched(with: style) }
        }
        return out
    }

    private func visualRows(_ line: [StyledCharacter], state: TextPaneState, width: Int) -> [[StyledCharacter]] {
        guard state.wrap else {
            var column = 0
            var row: [StyledCharacter] = []
            for c in line {
                if column >= state.left { row.append(c) } else if column + c.width > state.left {
                    // A wide character cut by the left edge shows as a blank.
                    row.append(StyledCharacter(character: " ", width: 1, style: c.style))
                }
                column += c.width
            }
            return [row]
        }
        var rows: [[StyledCharacter]] = [[]]
        var used = 0
        for c in line {
            if used + c.width > width && !(rows[rows.count - 1].isEmpty) {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append(c)
            used += c.width
        }
        return rows
    }

    private func spans(_ row: [StyledCharacter]) -> [Span] {
        var spans: [Span] = []
        for c in row {
            if let last = spans.last, last.style == c.style {
                spans[spans.count - 1].text.append(c.character)
            } else {
                spans.append(Span(String(c.character), style: c.style))
            }
        }
        return spans
    }
}
