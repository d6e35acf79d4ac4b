import ArgumentParser
import Foundation
import TerminalUI

/// `scimterm ui-demo`: every TerminalUI widget on the real ncurses terminal, for eyeballing themes
/// and terminals and for the tmux end-to-end test. It knows nothing of SCIM on purpose.
struct UIDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui-demo",
        abstract: "Show the terminal UI widgets (Tab switches pages, ? shows keys, q quits).")

    @Option(help: "Theme name (default, light, high-contrast, solarized-dark, mono, or one of yours).")
    var theme: String?

    @Option(help: "Rows in the demo list, to feel the virtual list's speed.")
    var rows: Int = 1_000_000

    @Option(help: ArgumentHelp("File the save hook writes when a signal ends the demo.", visibility: .hidden))
    var saveFile: String?

    @Flag(help: ArgumentHelp("Let \"!\" crash the demo, to test that a crash restores the terminal.", visibility: .hidden))
    var crashKey = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal: NcursesTerminal
        do { terminal = try NcursesTerminal(environment: environment) } catch {
            throw ValidationError("\(error)")
        }
        defer { terminal.shutdown() }
        if let saveFile { installSaveHook(path: saveFile) }
        let selection = ThemeLoader.standard(environment: environment)
            .select(name: theme, environment: environment, depth: terminal.capabilities.colorDepth)
        var demo = UIDemo(rows: max(0, rows), theme: selection.theme)
        if let problem = selection.problems.first { demo.message = ("\(problem)", .error) }
        while true {
            var frame = terminal.makeFrame()
            let cursor = demo.render(into: &frame)
            terminal.flush(frame, cursor: cursor)
            guard let key = terminal.nextKey(timeoutMilliseconds: 120) else {
                demo.tick()
                continue
            }
            if crashKey && key == .character("!") { fatalError("crash requested with --crash-key") }
            guard let next = demo.handling(key, size: terminal.size) else { return }
            demo = next
        }
    }
}

/// Proves the save hook runs on SIGTERM/SIGHUP/crash: it runs inside a signal handler, so it uses
/// only open/write/close on memory prepared in advance.
private func installSaveHook(path: String) {
    nonisolated(unsafe) let cPath = strdup(path)
    nonisolated(unsafe) let note = strdup("saved\n")
    TerminalSignals.setSaveHook {
        guard let cPath, let note else { return }
        let fd = open(cPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        _ = write(fd, note, strlen(note))
        _ = close(fd)
    }
}

/// The demo's whole state as a value; `handling` is its update function, `render` its view.
struct UIDemo {
    static let pages = ["List", "Form", "Text", "Dialogs"]
    static let minimum = Size(width: 60, height: 16)
    let rows: Int
    let theme: Theme
    var keymap = Keymap.standard
    var page = 0
    var list = ListState()
    var filtering: TextFieldState?
    var form = FormState([
        .section("Connection"),
        .field(FormField(id: "tenant", label: "Tenant ID", placeholder: "contoso.onmicrosoft.com")),
        .field(FormField(id: "client", label: "Client ID", placeholder: "00000000-0000-0000-0000-000000000000")),
        .field(FormField(id: "secret", label: "Secret", masked: true, error: "required")),
        .section("Display"),
        .field(FormField(id: "name", label: "Name", text: "Zoë 漢字 😀")),
    ])
    var pane = TextPaneState(text: UIDemo.sampleText, lineNumbers: true)
    var searching: TextFieldState?
    var dialog: DialogState?
    var showHelp = false
    var spinner = Spinner()
    var progress = 0
    var message: (text: String, level: MessageLevel)?

    init(rows: Int, theme: Theme) {
        self.rows = rows
        self.theme = theme
    }

    mutating func tick() {
        spinner = spinner.advanced()
        progress = (progress + 1) % 101
    }

    func rowText(_ index: Int) -> String { "user\(index)@example.com" }

    /// Returns nil to quit.
    func handling(_ key: Key, size: Size) -> UIDemo? {
        var next = self
        let viewport = max(1, size.height - 5)
        if key == .ctrl("c") { return nil }
        if key == .resize { return next }
        if showHelp { next.showHelp = false; return next }
        if let dialog {
            let (updated, result) = dialog.handling(key)
            next.dialog = result == nil ? updated : nil
            if let result { next.message = ("dialog: \(result)", .info) }
            return next
        }
        if let field = filtering { return next.editingFilter(field, key, viewport: viewport) }
        if let field = searching { return next.editingSearch(field, key, viewport: viewport) }
        switch key {
        case .tab: next.page = (page + 1) % Self.pages.count; return next
        case .backTab: next.page = (page + Self.pages.count - 1) % Self.pages.count; return next
        default: break
        }
        if page == 1, let edited = form.handling(key) { next.form = edited; return next }
        let action = keymap.action(for: key)
        if action == "quit" { return nil }
        if action == "help" { next.showHelp = true; return next }
        switch page {
        case 0:
            if action == "search" { next.filtering = TextFieldState(list.filter.query); return next }
            if let action, let moved = list.handling(action, total: rows, viewport: viewport) { next.list = moved }
        case 2:
            if action == "search" { next.searching = TextFieldState(pane.query); return next }
            if key == .character("w") { next.pane.wrap.toggle() }
            if key == .character("L") { next.pane.lineNumbers.toggle() }
            if let action, let moved = pane.handling(action, viewport: viewport) { next.pane = moved }
        case 3:
            switch key {
            case .character("c"), .enter: next.dialog = DialogState(kind: .confirm, title: "Send", message: "Send 3 users to Entra?", buttons: ["Send", "Cancel"])
            case .character("p"): next.dialog = DialogState(kind: .prompt(masked: true), title: "Secret", message: "Client secret for contoso:")
            case .character("e"): next.dialog = DialogState(kind: .error, title: "Error", message: "The token request failed: AADSTS7000215 invalid client secret.")
            default: break
            }
        default: break
        }
        return next
    }

    private func editingFilter(_ field: TextFieldState, _ key: Key, viewport: Int) -> UIDemo {
        var next = self
        if key == .enter || key == .escape { next.filtering = nil; return next }
        guard let edited = field.handling(key) else { return next }
        next.filtering = edited
        next.list = list.filtering(edited.text, total: rows, viewport: viewport) { rowText($0) }
        return next
    }

    private func editingSearch(_ field: TextFieldState, _ key: Key, viewport: Int) -> UIDemo {
        var next = self
        if key == .escape { next.searching = nil; return next }
        if key == .enter { next.searching = nil; next.pane = pane.searching(field.text, viewport: viewport); return next }
        if let edited = field.handling(key) { next.searching = edited }
        return next
    }

    func render(into frame: inout ScreenBuffer) -> Point? {
        if TooSmall.guardMinimum(&frame, minimum: Self.minimum, style: theme[.text]) { return nil }
        frame.fill(frame.bounds, style: theme[.background])
        let (top, rest) = frame.bounds.splitTop(1)
        let (body, bottom) = rest.splitBottom(1)
        TabBar(titles: Self.pages, selected: page).render(into: &frame, area: top, theme: theme)
        let content = frame.box(body, title: Self.pages[page], style: theme[.text].patched(with: theme[.border]), titleStyle: theme[.text].patched(with: theme[.title]))
        var cursor = renderPage(into: &frame, area: content)
        if let field = filtering ?? searching {
            let (_, line) = content.splitBottom(1)
            frame.draw("/", x: line.x, y: line.y, width: 1, style: theme[.text].patched(with: theme[.accent]))
            cursor = TextFieldView().render(field, into: &frame, area: Rect(x: line.x + 1, y: line.y, width: line.width - 1, height: 1), theme: theme)
        }
        if let dialog { cursor = DialogView().render(dialog, into: &frame, area: frame.bounds, theme: theme) }
        if showHelp { HelpOverlay(keymap: keymap).render(into: &frame, area: frame.bounds, theme: theme) }
        let hints = ["down", "search", "help", "quit"].compactMap { keymap.binding(for: KeyAction($0)) }
        StatusLine(mode: Self.pages[page].uppercased(), hints: hints, message: message).render(into: &frame, area: bottom, theme: theme)
        return showHelp ? nil : cursor
    }

    private func renderPage(into frame: inout ScreenBuffer, area: Rect) -> Point? {
        switch page {
        case 0:
            let table = TableView(columns: [TableColumn("#", width: .fixed(8), alignment: .right), TableColumn("User")], showMarks: true)
            let viewport = table.viewportHeight(for: area)
            table.render(into: &frame, area: area, state: list.clamped(total: rows, viewport: viewport), total: rows, theme: theme) { row, column in
                column == 0 ? String(row) : rowText(row)
            }
            return nil
        case 1:
            return FormView().render(form, into: &frame, area: area, theme: theme)
        case 2:
            TextPaneView(highlighter: .http).render(pane, into: &frame, area: area, theme: theme)
            return nil
        default:
            frame.draw("c: confirm   p: prompt   e: error", x: area.x + 1, y: area.y + 1, width: area.width - 2, style: theme[.text])
            spinner.render(label: "working…", into: &frame, at: Point(x: area.x + 1, y: area.y + 3), width: area.width - 2, theme: theme)
            ProgressBar(completed: progress, total: 100).render(into: &frame, area: Rect(x: area.x + 1, y: area.y + 5, width: min(40, area.width - 2), height: 1), theme: theme)
            frame.draw("CJK 漢字テスト, emoji 😀👩‍💻🇫🇷, escape \u{1B}[31m, bidi \u{202E}abc", x: area.x + 1, y: area.y + 7, width: area.width - 2, style: theme[.text])
            return nil
        }
    }

    static let sampleText = """
        POST /scim/bulkUpload HTTP/1.1
        Content-Type: application/scim+json

        {
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
          "Operations": [
            {
              "method": "POST",
              "bulkId": "701984",
              "data": { "userName": "zoe@contoso.com", "active": true, "displayName": "Zoë 漢字" }
            }
          ]
        }

        HTTP/1.1 202 Accepted
        HTTP/1.1 429 Too Many Requests
        """
}
