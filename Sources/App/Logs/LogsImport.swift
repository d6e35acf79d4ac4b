import Foundation
import Provisioning
import TerminalUI

/// A provisioning-log download opened as a file (a customer's support bundle). Its entries are
/// what Entra did in the customer's tenant at the time, not what this connection reads now, so
/// they stay a set of their own: the Logs screen shows either them or the live entries, says
/// which, and a live read never slips into them.
public struct LogsImport: Equatable, Sendable {
    /// The file as it was named (the command line's or the Open dialog's path).
    public var path: String
    /// Newest first, each marked with the file.
    public var entries: [LogEntry]

    public init(path: String, logs: [ProvisioningLog]) {
        self.path = path
        let name = Self.name(of: path)
        entries = LogsState.newestFirst(logs.map { LogEntry($0, importedFrom: name) })
    }

    /// The file's name without its folder: what the screen calls the set.
    public var name: String { Self.name(of: path) }

    static func name(of path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// Opening a download, switching between it and the live logs, forgetting it, and what it says
/// about the workspace's users (their statuses, passed `inout`: they are the Users table's).
extension LogsUpdate {
    /// A download was read: its entries fill the screen as the imported set (replacing an earlier
    /// import), the users stay as they are, and each user it mentions shows its status. The App
    /// shows the Logs screen.
    static func importLogs(_ state: inout LogsState, _ entries: [ProvisioningLog], from path: String, _ context: ScreenContext,
                           _ inputs: LogsInputs, store: RecordStore, statuses: inout [Int: RecordSendStatus]) -> [ScreenEffect] {
        let download = LogsImport(path: path, logs: entries)
        state.imported = download
        state.showsImported = true
        state.filterField = nil
        state.externalId = nil
        state.failuresOnly = false
        state.uploadOnly = false
        // The download's entries are shown, not a summary of other ones: s sums them up when asked.
        state.summary.shown = false
        state.list = ListState()
        state.detailTop = 0
        state.refilter(viewport: LogsLayout(logs: state, context: context).listRows)
        let linked = applyImportedStatus(state, store: store, statuses: &statuses)
        let count = LogsText.count(entries.count, "log entry", plural: "log entries")
        let users = linked == 0 ? "no user of the workspace is in it" : "\(LogsText.count(linked, "user")) of the workspace linked by externalId"
        return [.message(entries.isEmpty
            ? StatusMessage("\(download.name) holds no log entries", .warning)
            : StatusMessage("imported \(count) from \(download.name) (not live; \(users)) · i live logs · x forget", .success))]
    }

    /// i: the imported set or the live logs; the live ones are read when shown (as when the screen opens).
    mutating func toggleImported() {
        guard let imported = logs.imported else {
            return say(StatusMessage("no imported log download: ctrl-o opens one (a JSON download or the portal's CSV)"))
        }
        logs.showsImported.toggle()
        logs.list = ListState()
        logs.detailTop = 0
        logs.refilter(viewport: layout.listRows)
        if logs.showsImported {
            say(StatusMessage("entries imported from \(imported.name) (not live) · i live logs · x forget"))
        } else {
            say(StatusMessage("live logs; the \(LogsText.count(imported.entries.count, "entry", plural: "entries")) imported from \(imported.name) stay apart (i shows them)"))
            screenOpened()
        }
    }

    /// x: the imported set is forgotten, and the users' statuses that came from it with it.
    static func forgetImport(_ state: inout LogsState, statuses: inout [Int: RecordSendStatus], _ context: ScreenContext,
                             _ inputs: LogsInputs) -> [ScreenEffect] {
        guard let imported = state.imported else { return [.message(StatusMessage("no imported log download to forget"))] }
        for (id, status) in statuses where status.isImported { statuses[id] = nil }
        return with(&state, context, inputs) { $0.forget(imported) }
    }

    private mutating func forget(_ imported: LogsImport) {
        let wasShown = logs.showsImported
        logs.imported = nil
        logs.showsImported = false
        logs.list = ListState()
        logs.detailTop = 0
        logs.refilter(viewport: layout.listRows)
        say(StatusMessage("forgot the entries imported from \(imported.name)"))
        if wasShown { screenOpened() }
    }

    /// r while the imported set is shown: the live logs are what a read brings, so they are shown
    /// (said in the status line), and the imported set waits behind i.
    mutating func leaveImportedForLiveRead() {
        guard logs.showsImported, let imported = logs.imported else { return }
        logs.showsImported = false
        logs.list = ListState()
        logs.detailTop = 0
        logs.refilter(viewport: layout.listRows)
        say(StatusMessage("reading the live logs; the entries imported from \(imported.name) stay apart (i shows them)"))
    }

    /// Each user of the workspace named in the imported set (by externalId, as `sourceIdentity.id`)
    /// takes the newest entry's outcome, marked imported; what this session learnt itself (a send,
    /// a live read) is not overwritten. Returns how many users were linked.
    @discardableResult
    static func applyImportedStatus(_ logs: LogsState, store: RecordStore, statuses: inout [Int: RecordSendStatus]) -> Int {
        guard let imported = logs.imported else { return 0 }
        var newest: [String: LogEntry] = [:]
        for entry in imported.entries where !entry.log.externalId.isEmpty && newest[entry.log.externalId] == nil {
            newest[entry.log.externalId] = entry
        }
        var linked = 0
        for record in store.entries {
            guard let externalId = record.record.externalId, let entry = newest[externalId] else { continue }
            linked += 1
            if let current = statuses[record.id], !current.isImported { continue }
            statuses[record.id] = .imported(action: LogsText.action(entry.log), reason: importedReason(entry.log), file: imported.name)
        }
        return linked
    }

    /// New users in the workspace: the imported set's statuses are linked to them afresh.
    static func relinkImportedStatus(_ logs: LogsState, store: RecordStore, statuses: inout [Int: RecordSendStatus]) {
        for (id, status) in statuses where status.isImported { statuses[id] = nil }
        applyImportedStatus(logs, store: store, statuses: &statuses)
    }

    static func importedReason(_ log: ProvisioningLog) -> String? {
        log.isFailure ? log.reason ?? log.errorCode ?? "Entra gave no reason" : nil
    }
}
