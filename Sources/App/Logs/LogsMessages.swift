import Provisioning

/// The answer to a provisioning-logs read.
public enum LogsFetchResult: Equatable, Sendable {
    case entries([ProvisioningLog])
    case failed(String)
}

/// The answer to a job-status read.
public enum JobFetchResult: Equatable, Sendable {
    case status(JobStatus)
    case failed(String)
}
