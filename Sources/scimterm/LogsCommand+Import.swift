import ArgumentParser
import Foundation
import Provisioning
import SCIM

/// `scimterm logs --import FILE`: a customer's log download shown as `logs` shows live entries,
/// offline. (LogsCommand.swift decodes the connection options only without `--import`.)
extension LogsCommand {
    /// Prints the download's entries (oldest first, like `logs`); exit 1 when one is a failure,
    /// 2 when the download cannot be read.
    func runImport(_ path: String) throws {
        if follow { throw ValidationError("--follow reads live logs; it cannot be used with --import") }
        let entries: [ProvisioningLog]
        do {
            entries = try ProvisioningLogImport.read(path: path)
        } catch {
            StandardError.write("scimterm: \(error)")
            throw ExitCode(2)
        }
        if summary {
            let last = try? SendJournal(path: journal ?? SendJournal.defaultPath).latest(endpoint: nil)
            return try printSummary(UploadReconciliation(send: summarised(last), entries: entries))
        }
        let shown = Self.oldestFirst(entries).filter { entry in
            (externalId == nil || entry.externalId == externalId) && (!failures || entry.isFailure)
        }
        switch format {
        case .table: shown.forEach { print(Self.row($0)) }
        case .json: print(JSONWriter.pretty.string(.array(shown.map(\.raw))))
        }
        if shown.contains(where: \.isFailure) { throw ExitCode(1) }
    }

    /// Downloads come newest first; entries without a readable date keep their place among equals.
    static func oldestFirst(_ entries: [ProvisioningLog]) -> [ProvisioningLog] {
        entries.enumerated().sorted { a, b in
            let (x, y) = (a.element.date ?? .distantPast, b.element.date ?? .distantPast)
            return x == y ? a.offset < b.offset : x < y
        }.map(\.element)
    }
}
