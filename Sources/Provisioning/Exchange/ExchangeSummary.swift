import Foundation

/// One exchange as the Activity list shows it: what was called, how it ended, how long it took and
/// how big it was, without headers or bodies.
///
/// What the recorder hands the UI loop for every exchange (a hundred bytes, whatever the payload);
/// the full exchange stays in the activity store until the operator selects it.
public struct ExchangeSummary: Sendable, Identifiable, Equatable {
    public var id: Int
    public var purpose: HTTPExchange.Purpose
    public var startedAt: Date
    public var method: String
    /// The URL's path, the list's name for a call of no known purpose.
    public var path: String
    /// The response's status; nil when none came (a transport failure, or still waiting).
    public var status: Int?
    /// A transport failure ended it (no response).
    public var failed: Bool
    public var durationMilliseconds: Double
    public var attempt: Int
    public var requestBytes: Int
    public var responseBytes: Int
    /// Graph's `request-id`, which the detail's title shows for a support case.
    public var requestId: String?

    public init(id: Int, purpose: HTTPExchange.Purpose, startedAt: Date, method: String, path: String, status: Int?,
                failed: Bool, durationMilliseconds: Double, attempt: Int, requestBytes: Int, responseBytes: Int,
                requestId: String?) {
        self.id = id
        self.purpose = purpose
        self.startedAt = startedAt
        self.method = method
        self.path = path
        self.status = status
        self.failed = failed
        self.durationMilliseconds = durationMilliseconds
        self.attempt = attempt
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
        self.requestId = requestId
    }

    public init(_ exchange: HTTPExchange) {
        self.init(id: exchange.id, purpose: exchange.purpose, startedAt: exchange.startedAt, method: exchange.request.method,
                  path: Self.path(of: exchange.request.url), status: exchange.response?.status, failed: exchange.failure != nil,
                  durationMilliseconds: exchange.durationMilliseconds, attempt: exchange.attempt,
                  requestBytes: exchange.request.body.count, responseBytes: exchange.response?.body.count ?? 0,
                  requestId: exchange.requestId)
    }

    static func path(of url: String) -> String { URLComponents(string: url)?.path ?? url }

    /// Whether the summary alone shows `query` (any case): its number and name, status and
    /// request-id. Each is part of the store's search text, so these are among the store's matches.
    public func matches(_ query: String) -> Bool {
        let needle = query.lowercased()
        guard !needle.isEmpty else { return true }
        var fields = ["#\(id) \(ExchangeSearchText.label(purpose))".lowercased(), method.lowercased(), path.lowercased()]
        if let status { fields.append("\(status) \(HTTPStatusText.text(status).lowercased())") }
        if let requestId { fields.append(requestId.lowercased()) }
        return fields.contains { $0.contains(needle) }
    }
}
