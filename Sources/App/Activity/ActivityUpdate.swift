import Foundation
import Provisioning
import TerminalUI

/// What the Activity screen reads of the App besides the shared context.
public struct ActivitySurroundings: Equatable, Sendable {
    /// When the session's send started (nil: none yet): its progress is drawn above the list, in
    /// full while it runs or its report is open, else folded to one line.
    public var sendStarted: Date?
    public var sendRunning: Bool
    /// Where exports are proposed (nil: the temporary folder).
    public var exportDirectory: String?

    public init(send: SendProgress?, exportDirectory: String?) {
        sendStarted = send?.startedAt
        sendRunning = send?.isRunning == true
        self.exportDirectory = exportDirectory
    }

    /// A running send's box above the list, or none.
    public init(showsProgress: Bool, exportDirectory: String?) {
        sendStarted = showsProgress ? .distantPast : nil
        sendRunning = showsProgress
        self.exportDirectory = exportDirectory
    }

    func sendBox(reportOpen: Date?) -> SendBox {
        guard let sendStarted else { return .none }
        return sendRunning || reportOpen == sendStarted ? .full : .line
    }
}

/// The Activity screen's behaviour as pure functions of its own state: keys and commands in, the
/// state changed and what the App should do (a status line, a dialog, work for the runner) out.
enum ActivityUpdate {
    static func layout(_ state: ActivityState, _ context: ScreenContext, _ around: ActivitySurroundings) -> ActivityLayout {
        ActivityLayout(size: context.size, sendBox: around.sendBox(reportOpen: state.reportOpen),
                       detailFirst: state.detailTakesTheSpace(sendRunning: around.sendRunning))
    }

    /// A command of the Activity keymap. Cancelling a running send is the App's (it owns the send):
    /// `.cancelSend` arrives here only when none runs, and steps back out of the detail or search.
    static func update(_ state: inout ActivityState, _ command: ActivityCommand, _ context: ScreenContext,
                       _ around: ActivitySurroundings) -> [ScreenEffect] {
        let layout = layout(state, context, around)
        switch command {
        case .move(let move):
            if state.focusOnDetail {
                state.takeOverDetail(rows: layout.detailRows, columns: layout.detailColumns,
                                     atError: state.detailTakesTheSpace(sendRunning: around.sendRunning))
                _ = state.scrollDetail(move.keyAction, rows: layout.detailRows, columns: layout.detailColumns)
            } else {
                _ = state.move(move.keyAction, viewport: layout.listRows)
            }
        case .toggleDetail:
            state.focusOnDetail.toggle()
        case .toggleReport:
            // Disabled unless a send has finished (ActivityKeymap), so `sendStarted` is that send's.
            guard let started = around.sendStarted, !around.sendRunning else { return [] }
            state.reportOpen = state.reportOpen == started ? nil : started
        case .search:
            state.searchField = TextFieldState(state.query)
        case .cancelSend:
            if state.focusOnDetail {
                state.focusOnDetail = false
            } else if !state.query.isEmpty {
                state.search("", viewport: layout.listRows)
            }
        case .copyCurl:
            return copy(state, around, file: "curl", ext: "sh", what: "curl command") { CurlExport.command($0.request) }
        case .copyPowerShell:
            return copy(state, around, file: "powershell", ext: "ps1", what: "PowerShell commands") { PowerShellExport.command($0.request) }
        case .saveExchange:
            guard let id = state.selectedID else { return [.message(StatusMessage("no exchange selected"))] }
            return [.overlay(.dialog(DialogState(kind: .prompt(masked: false), title: "Save exchange #\(id)",
                                                 message: "Write the request and response (secrets removed) to:",
                                                 input: path(around, "exchange-\(id).txt")), .saveExchange(id)))]
        case .exportHAR:
            guard state.total > 0 else { return [.message(StatusMessage("nothing recorded yet"))] }
            let stamp = TimeText.fileStamp(context.clock, timeZone: context.timeZone)
            return [.overlay(.dialog(DialogState(kind: .prompt(masked: false), title: "Export HAR",
                                                 message: "Write all \(state.total) exchanges as HAR 1.2 (tokens and secrets are not in it) to:",
                                                 input: path(around, "scimterm-\(stamp).har")), .exportHAR))]
        }
        return []
    }

    /// Keys while the search field is open (it takes the text); nil when the field is closed.
    static func key(_ state: inout ActivityState, _ key: Key, _ context: ScreenContext,
                    _ around: ActivitySurroundings) -> [ScreenEffect]? {
        guard let field = state.searchField else { return nil }
        let viewport = layout(state, context, around).listRows
        switch key {
        case .enter:
            state.searchField = nil
            return [.message(state.isSearching ? StatusMessage("searching every exchange for \"\(state.query)\"…") : count(state))]
        case .escape:
            state.searchField = nil
            state.search("", viewport: viewport)
        default:
            guard let edited = field.handling(key) else { return [] }
            state.searchField = edited
            state.search(edited.text, viewport: viewport)
        }
        return []
    }

    /// The runner's answers: pages, searches, the recorder's summaries, the selected detail.
    static func answered(_ state: inout ActivityState, _ result: ActivityResult, _ context: ScreenContext,
                         _ around: ActivitySurroundings) -> [ScreenEffect] {
        let viewport = layout(state, context, around).listRows
        switch result {
        case .pageLoaded(let page):
            state.pageLoaded(page)
        case .searched(let query, let ids, let upTo):
            guard query == state.query, state.isSearching else { return [] }
            state.searched(query, ids: ids, upTo: upTo, viewport: viewport)
            // The search was confirmed (Enter) before the store answered: the count belongs in the status line.
            if state.searchField == nil { return [.message(count(state))] }
        case .recordedWaiting:
            state.recordedWaiting = true
        case .recorded(let summaries):
            for summary in summaries { state.append(summary, viewport: viewport) }
        case .detailRead(let id, let read):
            state.detailRead(id: id, read)
        }
        return []
    }

    /// The export dialogs' answers. A session that fits in memory is written from it; a larger one
    /// streams from the store, and an exchange's detail is written as shown or read afresh.
    static func exportAnswered(_ state: ActivityState, _ purpose: DialogPurpose, path: String,
                               _ context: ScreenContext) -> [ScreenEffect] {
        switch purpose {
        case .exportHAR:
            if let all = state.wholeSession { return [.run(.writeFile(path: path, bytes: HARExport.bytes(all)))] }
            return [.run(.activity(.exportHAR(path: path)))]
        case .saveExchange(let id):
            if state.detailID == id, !state.detailText.isEmpty {
                return [.run(.writeFile(path: path, bytes: Array((state.detailText + "\n").utf8)))]
            }
            return [.run(.activity(.saveExchange(id: id, path: path, zone: context.timeZone)))]
        default:
            return []
        }
    }

    /// After every action: the window follows the selection and asks for what it lacks.
    static func settle(_ state: inout ActivityState, _ context: ScreenContext) -> [ScreenEffect] {
        state.settle(zone: context.timeZone).map { .run(.activity($0)) }
    }

    private static func count(_ state: ActivityState) -> StatusMessage {
        StatusMessage(state.rows.isEmpty ? "no exchange contains \"\(state.query)\"" : "\(state.rows.count) exchanges contain \"\(state.query)\"")
    }

    private static func copy(_ state: ActivityState, _ around: ActivitySurroundings, file: String, ext: String, what: String,
                             _ text: (HTTPExchange) -> String) -> [ScreenEffect] {
        guard let id = state.selectedID else { return [.message(StatusMessage("no exchange selected"))] }
        guard let exchange = state.selectedExchange else {
            return [.message(StatusMessage("exchange #\(id) is still being read; try again in a moment", .warning))]
        }
        return [.run(.copyToClipboard(text(exchange), what: "\(what) for #\(id)", fallbackPath: path(around, "\(file)-\(id).\(ext)")))]
    }

    private static func path(_ around: ActivitySurroundings, _ name: String) -> String {
        (around.exportDirectory ?? FileManager.default.temporaryDirectory.path) + "/" + name
    }
}
