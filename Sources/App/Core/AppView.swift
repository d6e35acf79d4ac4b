import TerminalUI

extension TUI {
    /// Below this the screens cannot be laid out; the toolkit's message says so instead.
    public static let minimumSize = Size(width: 64, height: 16)

    /// Draws the whole frame from the state; returns where the text cursor belongs.
    @discardableResult
    public static func render(_ state: AppState, into frame: inout ScreenBuffer) -> Point? {
        let theme = state.theme
        if TooSmall.guardMinimum(&frame, minimum: minimumSize, style: theme[.text]) { return nil }
        frame.fill(frame.bounds, style: theme[.background])
        drawTop(state, into: &frame)
        var cursor: Point?
        if state.activity.split && state.screen != .activity && frame.size.height >= 20 {
            return renderSplit(state, into: &frame)
        }
        switch state.screen {
        case .connect:
            let body = Rect(x: 1, y: 2, width: frame.size.width - 2, height: frame.size.height - 3)
            cursor = ConnectView(state: state.connect, context: state.context).render(into: &frame, area: body)
        case .users: cursor = UsersView(state: state.users, context: state.context, store: state.store, facts: state.usersFacts).render(into: &frame)
        case .form: cursor = UserFormView(form: state.form, context: state.context, mapping: state.entraMapping).render(into: &frame)
        case .preview: cursor = PreviewView(preview: state.preview, context: state.context,
                                                   selectedRecord: state.computedRecord, mapping: state.entraMapping).render(into: &frame)
        case .activity: cursor = ActivityView(state: state.activity, context: state.context, send: state.send).render(into: &frame)
        case .logs: cursor = LogsView(logs: state.logs, context: state.context, connection: LogsConnection(state.connect)).render(into: &frame)
        }
        let bottom = Rect(x: 0, y: frame.size.height - 1, width: frame.size.width, height: 1)
        let hints = state.hintBindings
        StatusLine(mode: state.screen.title.uppercased(), hints: hints,
                   message: state.message.map { ($0.text, $0.level) }, pinned: AppState.pinnedHints(hints)).render(into: &frame, area: bottom, theme: theme)
        return state.overlay == nil ? cursor : renderOverlay(state, into: &frame)
    }

    /// The help, the palette or a dialog, over the whole frame; returns the cursor they need.
    private static func renderOverlay(_ state: AppState, into frame: inout ScreenBuffer) -> Point? {
        let theme = state.theme
        switch state.overlay {
        case .help(let scroll)?:
            HelpOverlay(keymap: state.helpKeymap, title: state.helpTitle)
                .render(into: &frame, area: frame.bounds, theme: theme, scroll: scroll)
            return nil
        case .palette(let palette)?:
            return PaletteView(state: palette, app: state, theme: theme).render(into: &frame, area: frame.bounds)
        case .dialog(let dialog, _)?:
            return DialogView(width: min(86, max(60, frame.size.width - 8))).render(dialog, into: &frame, area: frame.bounds, theme: theme)
        case .problems(let problems)?:
            ProblemsView(problems: problems, context: state.context, source: state.problemSource).render(into: &frame, area: frame.bounds)
            return nil
        case nil:
            return nil
        }
    }

    /// The current screen drawn at a smaller height, with the Activity pane under it (F2).
    private static func renderSplit(_ state: AppState, into frame: inout ScreenBuffer) -> Point? {
        let paneHeight = max(5, frame.size.height / 3)
        var upper = state
        upper.activity.split = false
        upper.overlay = nil
        upper.size = Size(width: frame.size.width, height: frame.size.height - paneHeight)
        var top = ScreenBuffer(size: upper.size, glyphs: frame.glyphs)
        let cursor = render(upper, into: &top)
        // The upper screen's own status line gives way to the pane; the real one stays at the bottom.
        frame.copyRows(0..<(upper.size.height - 1), of: top, to: 0)
        let pane = Rect(x: 0, y: upper.size.height - 1, width: frame.size.width, height: paneHeight)
        ActivityView(state: state.activity, context: state.context, send: state.send).renderPane(into: &frame, area: pane)
        let bottom = Rect(x: 0, y: frame.size.height - 1, width: frame.size.width, height: 1)
        let hints = state.hintBindings
        StatusLine(mode: state.screen.title.uppercased(), hints: hints,
                   message: state.message.map { ($0.text, $0.level) }, pinned: AppState.pinnedHints(hints)).render(into: &frame, area: bottom, theme: state.theme)
        if state.overlay != nil {
            // Overlays belong to the whole frame, not the upper part.
            return renderOverlay(state, into: &frame)
        }
        return cursor.flatMap { $0.y < upper.size.height - 1 ? $0 : nil }
    }

    /// Tabs on the left; on the right the badge (SANDBOX, a profile's label), the job state, and
    /// whether the workspace is saved.
    private static func drawTop(_ state: AppState, into frame: inout ScreenBuffer) {
        let theme = state.theme
        let top = Rect(x: 0, y: 0, width: frame.size.width, height: 1)
        var right: [Span] = []
        if let job = state.logs.job?.code ?? state.connect.jobState {
            right.append(Span("job \(job)", style: theme[.text].patched(with: theme[job == "Active" ? .success : .warning])))
            right.append(Span(" ", style: theme[.text]))
        }
        if state.workspacePath != nil {
            let saved = state.savedGeneration == state.changeGeneration
            right.append(Span(saved ? "saved" : "unsaved", style: theme[.text].patched(with: theme[.muted])))
            right.append(Span(" ", style: theme[.text]))
        }
        if let badge = state.headerBadge {
            right.append(Span(" \(badge.label) ", style: theme[.text].patched(with: theme[badge.role]).adding([.reverse, .bold])))
        }
        let rightWidth = right.reduce(0) { $0 + $1.text.displayWidth }
        let tabs = Rect(x: 0, y: 0, width: max(0, top.width - rightWidth - 1), height: 1)
        TabBar(titles: Screen.allCases.map(\.title), selected: state.screen.rawValue).render(into: &frame, area: tabs, theme: theme)
        frame.drawSpans(right, x: top.maxX - rightWidth, y: 0, width: rightWidth)
    }
}
