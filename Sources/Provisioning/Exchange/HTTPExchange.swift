import Foundation

/// One HTTP request and what came back, as the Activity pane, HAR export and journal see it.
///
/// Built only through `Redactor`, so a secret never exists in a recorded exchange: every later view
/// (screen, HAR, curl, log file) can show it without thinking about leaks.
public struct HTTPExchange: Sendable, Identifiable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case token
        case bulkUpload(document: Int)
        case job
        case jobAction(String)
        case provisioningLogs
        case other
    }

    public var id: Int
    public var purpose: Purpose
    public var startedAt: Date
    public var request: RecordedRequest
    public var response: RecordedResponse?
    /// Transport failure (connection refused, reset, timeout, TLS) when there is no response.
    public var failure: String?
    /// Milliseconds from sending the request to the end of the response.
    public var durationMilliseconds: Double
    /// 0 for the first attempt, 1 for the first retry, …
    public var attempt: Int

    public init(id: Int, purpose: Purpose, startedAt: Date, request: RecordedRequest, response: RecordedResponse?,
                failure: String?, durationMilliseconds: Double, attempt: Int) {
        self.id = id
        self.purpose = purpose
        self.startedAt = startedAt
        self.request = request
        self.response = response
        self.failure = failure
        self.durationMilliseconds = durationMilliseconds
        self.attempt = attempt
    }

    /// Graph's `request-id`, the identifier a Microsoft support case asks for.
    public var requestId: String? { response?.header("request-id") }
    public var clientRequestId: String? { response?.header("client-request-id") ?? request.header("client-request-id") }
}

public struct HTTPHeader: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

public struct RecordedRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [HTTPHeader], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? { headers.value(named: name) }
}

public struct RecordedResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? { headers.value(named: name) }
}

extension [HTTPHeader] {
    /// A header's value by name, ignoring case as HTTP does.
    public func value(named name: String) -> String? {
        first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
