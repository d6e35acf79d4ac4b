import Foundation
import Provisioning

/// The answer to a provisioning-logs read, with the time it arrived when the runner gave it (the
/// screen says how old what it shows is; it never asks the system clock itself).
public enum LogsFetchResult: Equatable, Sendable {
    case entries([ProvisioningLog], at: Date? = nil)
    case failed(String, at: Date? = nil)

    public var at: Date? {
        switch self {
        case .entries(_, let at), .failed(_, let at): return at
        }
    }

    /// The same answer stamped with the time it arrived.
    public func arrived(_ time: Date) -> LogsFetchResult {
        switch self {
        case .entries(let logs, _): return .entries(logs, at: time)
        case .failed(let reason, _): return .failed(reason, at: time)
        }
    }
}

/// The answer to a job-status read.
public enum JobFetchResult: Equatable, Sendable {
    case status(JobStatus)
    case failed(String)
}
