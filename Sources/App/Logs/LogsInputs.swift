import Provisioning

/// What the Logs screen reads of the connection: whether it is complete, the request its reads
/// carry, and the job it names. Built from `ConnectState` by the App's routing, so the screen's
/// update and view never see the Connect screen's state.
struct LogsConnection: Equatable, Sendable {
    /// What is missing before anything can be read, worded as the thing to do; nil when ready.
    var missing: String?
    var request: ConnectionRequest
    /// The job id of the endpoint, when it parses.
    var jobId: String?

    init(missing: String?, request: ConnectionRequest, jobId: String?) {
        self.missing = missing
        self.request = request
        self.jobId = jobId
    }

    init(_ connect: ConnectState) {
        self.init(missing: connect.missing, request: connect.request, jobId: (try? connect.parsedEndpoint?.get())?.jobId)
    }
}

/// Everything the Logs screen's update reads besides its own state and the `ScreenContext`.
struct LogsInputs: Equatable, Sendable {
    var connection: LogsConnection
    /// The Logs screen is the one showing: only then does its clock tick and does opening it read.
    var shown: Bool
    /// The send journal, read for what a job restart would discard; nil in tests without files.
    var journalPath: String?
    /// The endpoint whose newest journaled send the summary reconciles when no upload is followed;
    /// nil takes any endpoint's (the sandbox's port changes from run to run).
    var summaryEndpoint: String?

    init(connection: LogsConnection, shown: Bool, journalPath: String? = nil, summaryEndpoint: String? = nil) {
        self.connection = connection
        self.shown = shown
        self.journalPath = journalPath
        self.summaryEndpoint = summaryEndpoint
    }
}

extension AppState {
    /// The Logs screen's inputs, read from the connection and the App as they are now.
    var logsInputs: LogsInputs {
        LogsInputs(connection: LogsConnection(connect), shown: screen == .logs, journalPath: journalPath,
                   summaryEndpoint: sandbox ? nil : (try? connect.parsedEndpoint?.get())?.bulkUploadURL)
    }
}
