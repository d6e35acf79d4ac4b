import Foundation
import Provisioning
import TerminalUI

/// The Logs screen's pure update. Each entry point (`update`, `key`, `fetched`, `pollDue`, …) takes
/// the screen's state `inout`, the shared `ScreenContext` and `LogsInputs` (the connection, whether
/// the screen shows, the journal), and returns what the rest of the App must do as `ScreenEffect`s.
/// Inside, one run is this value: the state and the requests made so far, so that the steps (read,
/// follow, tick) call each other as plain methods. The reading helpers are in LogsReading.swift,
/// the clock's in LogsClock.swift, the follow's in LogsFollow.swift, the job's in LogsJob.swift.
struct LogsUpdate {
    var logs: LogsState
    let context: ScreenContext
    let inputs: LogsInputs
    var requests: [ScreenEffect] = []

    var clock: Date { context.clock }
    var connection: LogsConnection { inputs.connection }
    var layout: LogsLayout { LogsLayout(logs: logs, context: context) }

    mutating func say(_ message: StatusMessage) { requests.append(.message(message)) }
    mutating func run(_ effect: AppEffect) { requests.append(.run(effect)) }

    /// Runs `body` over `state`, moved in and out rather than copied (it holds up to 10,000 entries).
    static func with(_ state: inout LogsState, _ context: ScreenContext, _ inputs: LogsInputs,
                     _ body: (inout LogsUpdate) -> Void) -> [ScreenEffect] {
        var step = LogsUpdate(logs: LogsState(), context: context, inputs: inputs)
        swap(&step.logs, &state)
        body(&step)
        swap(&step.logs, &state)
        return step.requests
    }

    /// The screen's commands. Four change more than this screen and have entry points of their
    /// own, which the App's routing calls instead: `.jumpToUser` (the Users screen's selection,
    /// `jumpToUser` or `jumpToFailure`), `.forgetImport` (the users' statuses), `.job(.restart)`
    /// (the restart check) and `.resendFailed` (a send).
    static func update(_ state: inout LogsState, _ command: LogsCommand, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        with(&state, context, inputs) { $0.command(command) }
    }

    /// Keys on the Logs screen: the `/` prompt, while open, takes the text; otherwise not handled.
    static func key(_ state: inout LogsState, _ key: Key, _ context: ScreenContext, _ inputs: LogsInputs) -> (handled: Bool, [ScreenEffect]) {
        guard state.filterField != nil else { return (false, []) }
        return (true, with(&state, context, inputs) { $0.typeInFilter(key) })
    }

    /// The screen was opened (whatever switched to it).
    static func opened(_ state: inout LogsState, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        with(&state, context, inputs) { $0.screenOpened() }
    }

    /// The detail's top line when its end is in view (0 with no entry, or when it fits).
    static func detailLastTop(_ logs: LogsState, _ context: ScreenContext) -> Int {
        guard let entry = logs.selected else { return 0 }
        let area = LogsLayout(logs: logs, context: context).detailText
        return max(0, LogsDetail(entry: entry, width: area.width, zone: context.timeZone).lines().count - area.height)
    }

    private mutating func typeInFilter(_ key: Key) {
        guard let field = logs.filterField else { return }
        let viewport = layout.listRows
        switch key {
        case .enter:
            logs.filterField = nil
            let typed = field.text.trimmed
            logs.externalId = typed.isEmpty ? nil : typed
            logs.refilter(viewport: viewport)
            readLogsIfWidened()
        case .escape:
            logs.filterField = nil
            logs.externalId = nil
            logs.refilter(viewport: viewport)
            readLogsIfWidened()
        default:
            guard let edited = field.handling(key) else { return }
            logs.filterField = edited
            logs.refilter(viewport: viewport)
        }
    }

    private mutating func command(_ command: LogsCommand) {
        switch command {
        case .move(let move) where logs.summary.shown:
            moveInSummary(move)
        case .move(let move):
            guard let moved = logs.list.handling(move, total: logs.rows.count, viewport: layout.listRows) else { return }
            if moved.selected != logs.list.selected { logs.detailTop = 0 }
            logs.list = moved
        case .failures:
            logs.failuresOnly.toggle()
            filtersChanged()
        case .upload:
            guard let upload = logs.upload else {
                return say(StatusMessage("no upload to follow yet: after a send (F5) this shows only its users"))
            }
            logs.uploadOnly.toggle()
            filtersChanged()
            if logs.uploadOnly { say(StatusMessage("only the \(LogsText.count(upload.count, "user")) of the last upload")) }
        case .user:
            logs.filterField = TextFieldState(logs.externalId ?? "")
        case .window:
            logs.window = logs.window.next
            slideWindow()
            filtersChanged()
            say(StatusMessage("time window: \(logs.window.title)"))
        case .clear where logs.summary.shown:
            toggleSummary()
        case .clear:
            guard logs.failuresOnly || logs.uploadOnly || logs.externalId != nil else {
                return say(StatusMessage("no filter to clear (t changes the time window)"))
            }
            logs.failuresOnly = false
            logs.uploadOnly = false
            logs.externalId = nil
            filtersChanged()
        case .refresh:
            leaveImportedForLiveRead()
            readLogs()
            readJob()
        case .imported: toggleImported()
        case .summary: toggleSummary()
        case .detailDown: scrollDetail(by: 1)
        case .detailUp: scrollDetail(by: -1)
        case .job(.restart), .forgetImport, .jumpToUser, .resendFailed:
            // Routed to their own entry points by the App (see `update`); nothing of this screen alone.
            break
        case .job(let action): askJobAction(action)
        }
    }

    private mutating func filtersChanged() {
        logs.refilter(viewport: layout.listRows)
        readLogsIfWidened()
    }

    /// Half a detail page per key: long enough to get through four steps quickly.
    private mutating func scrollDetail(by pages: Int) {
        let step = max(1, layout.detailText.height / 2)
        logs.detailTop = min(max(0, logs.detailTop + pages * step), Self.detailLastTop(logs, context))
    }

    /// Enter: the entry's user selected in the Users table (the filter cleared if it hides them).
    /// The selection is the Users screen's, so its state comes `inout`, as the Problems list's jump
    /// takes it: a request naming the user would only move these lines into `AppState`.
    static func jumpToUser(_ logs: LogsState, users: inout UsersState, store: RecordStore, lookup: UsersLookup,
                           _ context: ScreenContext) -> [ScreenEffect] {
        guard let entry = logs.selected else { return [.message(StatusMessage("no entry selected"))] }
        let what = "\(LogsText.action(entry.log)) \(entry.log.status) in the log entry"
        return reveal(externalId: entry.log.externalId, what: what, users: &users, store: store, lookup: lookup, context)
    }

    /// The user with `externalId` selected in the Users table, and the screen switched to it.
    static func reveal(externalId: String, what: String, users: inout UsersState, store: RecordStore, lookup: UsersLookup,
                       _ context: ScreenContext) -> [ScreenEffect] {
        guard !externalId.isEmpty, let found = store.entries.first(where: { $0.record.externalId == externalId }),
            users.reveal(id: found.id, store: store, viewport: lookup.viewport(context), severity: lookup.severityLookup)
        else {
            return [.message(StatusMessage("no user in the workspace has externalId \(externalId.isEmpty ? "(empty)" : externalId)", .warning))]
        }
        return [.switchTo(.users),
                .message(StatusMessage("\(externalId) (\(found.record.userName ?? "")): \(what); l shows their logs again"))]
    }

    /// From the Users screen: the screen filtered to this user, read at once.
    static func showUser(_ state: inout LogsState, externalId: String, _ context: ScreenContext, _ inputs: LogsInputs) -> [ScreenEffect] {
        with(&state, context, inputs) { step in
            step.logs.filterField = nil
            step.logs.externalId = externalId
            step.logs.failuresOnly = false
            step.logs.uploadOnly = false
            step.logs.list.selected = 0
            step.logs.refilter(viewport: step.layout.listRows)
            step.readLogs()
            if step.logs.job == nil && !step.logs.jobReading { step.readJob() }
            if inputs.connection.missing == nil {
                step.say(StatusMessage("provisioning logs of externalId \(externalId) (\(step.logs.window.title); t widens)"))
            }
        }
    }
}
