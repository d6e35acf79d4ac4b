import Foundation
import Provisioning
import TerminalUI

extension AppState {
    mutating func logsKey(_ key: Key, effects: inout [AppEffect]) -> Bool { false }
    mutating func logsCommand(_ action: KeyAction, effects: inout [AppEffect]) -> Bool { false }
    mutating func logsFetched(_ result: LogsFetchResult, generation: Int, effects: inout [AppEffect]) {}
    mutating func logsPollDue(generation: Int, effects: inout [AppEffect]) {}
    mutating func jobFetched(_ result: JobFetchResult) {}
    mutating func jobActionFinished(_ action: JobAction, error: String?, effects: inout [AppEffect]) {}
    /// A send ended with accepted records: follow their provisioning logs.
    mutating func followUpload(sendId: String, externalIds: [String], since: Date, effects: inout [AppEffect]) {}
    /// The operator confirmed a job action in its dialog.
    mutating func confirmJobAction(_ action: JobAction, effects: inout [AppEffect]) {}
    /// From the Users screen: the Logs screen, filtered to this user.
    mutating func showLogs(externalId: String, effects: inout [AppEffect]) {}
}
