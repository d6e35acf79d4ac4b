/// Draws a form: section headings, labels in one column, fields beside them, errors underneath;
/// scrolled so the focused field is on screen.
public struct FormView: Sendable {
    /// Columns for labels; nil sizes them to the longest label (capped at a third of the width).
    public var labelWidth: Int?

    public init(labelWidth: Int? = nil) { self.labelWidth = labelWidth }

    private enum Line {
        case section(String)
        case field(FormField, focused: Bool)
        case error(String)
        case blank
    }

    /// Returns where the cursor belongs (in the focused field).
    @discardableResult
    public func render(_ state: FormState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) -> Point? {
        guard !area.isEmpty else { return nil }
        buffer.fill(area, style: theme[.text])
        let (lines, focusedLine) = layout(state)
        let labels = labelWidth ?? min(area.width / 3, (state.fields.map { $0.label.displayWidth }.max() ?? 0) + 1)
        var top = 0
        if let focusedLine, focusedLine >= area.height {
            top = focusedLine - area.height + 2
        }
        var cursor: Point?
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let y = area.y + row
            switch line {
            case .section(let title):
                buffer.draw(title, x: area.x, y: y, width: area.width, style: theme[.text].patched(with: theme[.title]))
            case .field(let field, let focused):
                let labelStyle = theme[.text].patched(with: focused ? theme[.focus] : theme[.muted])
                buffer.draw(field.label, x: area.x, y: y, width: labels, style: labelStyle)
                let input = Rect(x: area.x + labels + 1, y: y, width: area.width - labels - 1, height: 1)
                let view = TextFieldView(masked: field.masked, focused: focused, placeholder: field.placeholder)
                if let point = view.render(field.input, into: &buffer, area: input, theme: theme) { cursor = point }
            case .error(let message):
                let x = area.x + labels + 1
                buffer.draw("! " + message, x: x, y: y, width: area.maxX - x, style: theme[.text].patched(with: theme[.error]))
            case .blank:
                break
            }
        }
        return cursor
    }

    private func layout(_ state: FormState) -> ([Line], Int?) {
        var lines: [Line] = []
        var focusedLine: Int?
        var fieldNumber = 0
        for item in state.items {
            switch item {
            case .section(let title):
                if !lines.isEmpty { lines.append(.blank) }
                lines.append(.section(title))
            case .field(let field):
                let focused = fieldNumber == state.focus
                if focused { focusedLine = lines.count }
                lines.append(.field(field, focused: focused))
                if let error = field.error { lines.append(.error(error)) }
                fieldNumber += 1
            }
        }
        return (lines, focusedLine)
    }
}
