import Foundation
import Provisioning
import TerminalUI

/// The Logs screen: provisioning log entries for the job, their filters, polling, and the job panel.
public struct LogsState: Equatable, Sendable {
    public init() {}
}
