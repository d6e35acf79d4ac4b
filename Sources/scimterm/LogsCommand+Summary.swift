import App
import ArgumentParser
import Foundation
import Provisioning
import SCIM

/// `logs --summary`: the reconciliation of the journal's last send with the provisioning logs.
extension LogsCommand {
    /// The send to reconcile; exit 2 when the journal has none.
    func summarised(_ last: SendJournal.StoredSend?) throws -> SendJournal.StoredSend {
        guard let last else {
            StandardError.write("scimterm: --summary reconciles the last send in the journal (\(journal ?? SendJournal.defaultPath)), "
                + "and it has none to this endpoint")
            throw ExitCode(2)
        }
        return last
    }

    /// Prints the table or the JSON; exit 1 when a user failed.
    func printSummary(_ reconciliation: UploadReconciliation) throws {
        switch format {
        case .table:
            reconciliation.tableLines { TimeText.minute($0, timeZone: .current) }.forEach { print($0) }
        case .json:
            let iso = ISO8601DateFormatter()
            print(JSONWriter.pretty.string(reconciliation.json { iso.string(from: $0) }))
        }
        if reconciliation.hasFailures { throw ExitCode(1) }
    }
}
