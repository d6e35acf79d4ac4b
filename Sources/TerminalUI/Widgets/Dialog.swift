/// What a modal dialog asks.
public enum DialogKind: Hashable, Sendable {
    /// A question with buttons (e.g. "Send" / "Cancel").
    case confirm
    /// A question with a one-line answer.
    case prompt(masked: Bool)
    /// A problem to acknowledge.
    case error
}

/// How a dialog ended.
public enum DialogResult: Hashable, Sendable {
    case button(Int)
    case submitted(String)
    case cancelled
}

/// A modal dialog as a value: its text, buttons, the chosen button and, for prompts, the input.
public struct DialogState: Equatable, Sendable {
    public var kind: DialogKind
    public var title: String
    public var message: String
    public var buttons: [String]
    public var selectedButton: Int
    public var input: TextFieldState

    public init(kind: DialogKind, title: String, message: String, buttons: [String]? = nil, selectedButton: Int = 0, input: String = "") {
        self.kind = kind
        self.title = title
        self.message = message
        switch kind {
        case .confirm: self.buttons = buttons ?? ["OK", "Cancel"]
        case .prompt: self.buttons = buttons ?? ["OK", "Cancel"]
        case .error: self.buttons = buttons ?? ["OK"]
        }
        self.selectedButton = min(max(0, selectedButton), max(0, self.buttons.count - 1))
        self.input = TextFieldState(input)
    }

    /// Applies a key: ←/→/Tab choose a button, Enter answers, Esc cancels, other keys edit a prompt.
    /// Returns the new state and, when the dialog is done, its result.
    public func handling(_ key: Key) -> (DialogState, DialogResult?) {
        var copy = self
        switch key {
        case .escape, .ctrl("c"): return (self, .cancelled)  // ctrl-c backs out as Esc does, never half-way
        case .enter:
            if case .prompt = kind, selectedButton == 0 { return (self, .submitted(input.text)) }
            if case .prompt = kind { return (self, .cancelled) }
            return (self, .button(selectedButton))
        case .tab, .right: copy.selectedButton = (selectedButton + 1) % max(1, buttons.count)
        case .backTab, .left:
            if case .prompt = kind, key == .left, let edited = input.handling(key) {
                copy.input = edited
            } else {
                copy.selectedButton = (selectedButton - 1 + buttons.count) % max(1, buttons.count)
            }
        default:
            // Typing goes to the field, so the focus goes back to it too: Enter then answers with what
            // was typed, never presses a button the text cursor was not on.
            if case .prompt = kind, let edited = input.handling(key) {
                copy.input = edited
                copy.selectedButton = 0
            }
        }
        return (copy, nil)
    }
}

/// Draws a dialog centred over whatever is beneath, boxed, with its message wrapped.
public struct DialogView: Sendable {
    public var width: Int
    public init(width: Int = 50) { self.width = width }

    /// Returns where the cursor belongs for a prompt.
    @discardableResult
    public func render(_ state: DialogState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) -> Point? {
        let inner = max(1, min(width, area.width) - 4)
        let lines = TextWrap.wrap(state.message, width: inner)
        let promptRows = state.kind == .prompt(masked: false) || state.kind == .prompt(masked: true) ? 2 : 0
        let buttonRows = Self.buttonRows(state.buttons, width: inner)
        let height = lines.count + promptRows + 3 + buttonRows.count
        let box = area.centered(width: inner + 4, height: height)
        guard box.width >= 3, box.height >= 3 else { return nil }
        let role: ThemeRole = state.kind == .error ? .error : .border
        let base = theme[.text].patched(with: theme[.dialog])
        buffer.fill(box, style: base)
        let content = buffer.box(box, title: state.title, style: base.patched(with: theme[role]), titleStyle: base.patched(with: theme[.title]))
        var y = content.y
        for line in lines where y < content.maxY {
            buffer.draw(line, x: content.x + 1, y: y, width: content.width - 2, style: base)
            y += 1
        }
        var cursor: Point?
        if case .prompt(let masked) = state.kind, y + 1 < content.maxY {
            let field = Rect(x: content.x + 1, y: y + 1, width: content.width - 2, height: 1)
            cursor = TextFieldView(masked: masked, focused: true).render(state.input, into: &buffer, area: field, theme: theme)
            y += 2
        }
        for (row, range) in buttonRows.enumerated() {
            drawButtons(state, range, into: &buffer, y: content.maxY - buttonRows.count + row, content: content, base: base, theme: theme)
        }
        return cursor
    }

    /// Buttons laid out in as many centred rows as the width needs, in order, so a dialog with
    /// many choices never cuts one off.
    static func buttonRows(_ buttons: [String], width: Int) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var start = 0
        var used = 0
        for (i, title) in buttons.enumerated() {
            let w = title.displayWidth + 4
            if i > start, used + 2 + w > width {
                rows.append(start..<i)
                start = i
                used = 0
            }
            used += (i > start ? 2 : 0) + w
        }
        rows.append(start..<buttons.count)
        return rows
    }

    private func drawButtons(_ state: DialogState, _ range: Range<Int>, into buffer: inout ScreenBuffer, y: Int, content: Rect, base: Style, theme: Theme) {
        var spans: [Span] = []
        for i in range {
            let title = state.buttons[i]
            if i > range.lowerBound { spans.append(Span("  ", style: base)) }
            let style = i == state.selectedButton ? base.patched(with: theme[.selection]) : base
            spans.append(Span("[ \(title) ]", style: style))
        }
        let total = spans.reduce(0) { $0 + $1.text.displayWidth }
        let x = content.x + max(0, (content.width - total) / 2)
        buffer.drawSpans(spans, x: x, y: y, width: content.maxX - x)
    }
}
