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
/// about the workspace's users.
extension AppState {
    /// A download was read: its entries fill the Logs screen as the imported set (replacing an
    /// earlier import), the users stay as they are, and each user it mentions shows its status.
    mutating func importLogs(_ entries: [ProvisioningLog], from path: String) {
        let download = LogsImport(path: path, logs: entries)
        logs.imported = download
        logs.showsImported = true
        logs.filterField = nil
        logs.externalId = nil
        logs.failuresOnly = false
        logs.uploadOnly = false
        logs.list = ListState()
        logs.detailTop = 0
        screen = .logs
        logs.refilter(viewport: logsLayout.listRows)
        let linked = applyImportedStatus()
        let count = LogsText.count(entries.count, "log entry", plural: "log entries")
        let users = linked == 0 ? "no user of the workspace is in it" : "\(LogsText.count(linked, "user")) of the workspace linked by externalId"
        message = entries.isEmpty
            ? StatusMessage("\(download.name) holds no log entries", .warning)
            : StatusMessage("imported \(count) from \(download.name) (not live; \(users)) · i live logs · x forget", .success)
    }

    /// i: the imported set or the live logs; the live ones are read when shown (as when the screen opens).
    mutating func toggleImportedLogs(effects: inout [AppEffect]) {
        guard let imported = logs.imported else {
            message = StatusMessage("no imported log download: ctrl-o opens one (a JSON download or the portal's CSV)")
            return
        }
        logs.showsImported.toggle()
        logs.list = ListState()
        logs.detailTop = 0
        logs.refilter(viewport: logsLayout.listRows)
        if logs.showsImported {
            message = StatusMessage("entries imported from \(imported.name) (not live) · i live logs · x forget")
        } else {
            message = StatusMessage("live logs; the \(LogsText.count(imported.entries.count, "entry", plural: "entries")) imported from \(imported.name) stay apart (i shows them)")
            logsScreenOpened(effects: &effects)
        }
    }

    /// x: the imported set is forgotten, and the users' statuses that came from it with it.
    mutating func forgetImportedLogs(effects: inout [AppEffect]) {
        guard let imported = logs.imported else {
            message = StatusMessage("no imported log download to forget")
            return
        }
        let wasShown = logs.showsImported
        logs.imported = nil
        logs.showsImported = false
        logs.list = ListState()
        logs.detailTop = 0
        for (id, status) in sendStatus where status.isImported { sendStatus[id] = nil }
        logs.refilter(viewport: logsLayout.listRows)
        message = StatusMessage("forgot the entries imported from \(imported.name)")
        if wasShown { logsScreenOpened(effects: &effects) }
    }

    /// r while the imported set is shown: the live logs are what a read brings, so they are shown
    /// (said in the status line), and the imported set waits behind i.
    mutating func leaveImportedForLiveRead() {
        guard logs.showsImported, let imported = logs.imported else { return }
        logs.showsImported = false
        logs.list = ListState()
        logs.detailTop = 0
        logs.refilter(viewport: logsLayout.listRows)
        message = StatusMessage("reading the live logs; the entries imported from \(imported.name) stay apart (i shows them)")
    }

    /// Each user of the workspace named in the imported set (by externalId, as `sourceIdentity.id`)
    /// takes the newest entry's outcome, marked imported; what this session learnt itself (a send,
    /// a live read) is not overwritten. Returns how many users were linked.
    @discardableResult
    mutating func applyImportedStatus() -> Int {
        guard let imported = logs.imported else { return 0 }
        var newest: [String: LogEntry] = [:]
        for entry in imported.entries where !entry.log.externalId.isEmpty && newest[entry.log.externalId] == nil {
            newest[entry.log.externalId] = entry
        }
        var linked = 0
        for record in store.entries {
            guard let externalId = record.record.externalId, let entry = newest[externalId] else { continue }
            linked += 1
            if let current = sendStatus[record.id], !current.isImported { continue }
            sendStatus[record.id] = .imported(action: LogsText.action(entry.log), reason: Self.importedReason(entry.log), file: imported.name)
        }
        return linked
    }

    /// New users in the workspace: the imported set's statuses are linked to them afresh.
    mutating func relinkImportedStatus() {
        for (id, status) in sendStatus where status.isImported { sendStatus[id] = nil }
        applyImportedStatus()
    }

    static func importedReason(_ log: ProvisioningLog) -> String? {
        log.isFailure ? log.reason ?? log.errorCode ?? "Entra gave no reason" : nil
    }
}
