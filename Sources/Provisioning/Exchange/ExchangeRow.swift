import Foundation
import GRDB

/// How one exchange lies in the activity store: its parts in columns, headers as JSON text, bodies
/// as blobs (exactly the recorded bytes, so a HAR from the store equals one from memory), and the
/// lowercased text that search reads.
enum ExchangeRow {
    static let columns = """
        id, purpose, started, method, url, requestHeaders, requestBody, status, responseHeaders, responseBody, \
        failure, duration, attempt
        """

    /// What a summary reads: the bodies' lengths, not the bodies.
    static let summaryColumns = """
        id, purpose, started, method, url, status, responseHeaders, failure, duration, attempt, \
        length(requestBody) AS requestBytes, length(responseBody) AS responseBytes
        """

    /// The arguments of an INSERT of `columns` plus the session and the search text.
    static func arguments(_ e: HTTPExchange, session: String) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            session, e.id, purposeCode(e.purpose), e.startedAt.timeIntervalSince1970, e.request.method, e.request.url,
            headersText(e.request.headers), Data(e.request.body), e.response?.status,
            e.response.map { headersText($0.headers) }, e.response.map { Data($0.body) },
            e.failure, e.durationMilliseconds, e.attempt, ExchangeSearchText.text(e),
        ]
        return StatementArguments(values)
    }

    static func exchange(_ row: Row) -> HTTPExchange {
        let status: Int? = row["status"]
        let response = status.map { status in
            RecordedResponse(status: status, headers: headers(row["responseHeaders"]), body: bytes(row["responseBody"]))
        }
        return HTTPExchange(
            id: row["id"], purpose: purpose(row["purpose"]), startedAt: Date(timeIntervalSince1970: row["started"]),
            request: RecordedRequest(method: row["method"], url: row["url"], headers: headers(row["requestHeaders"]),
                                     body: bytes(row["requestBody"])),
            response: response, failure: row["failure"], durationMilliseconds: row["duration"], attempt: row["attempt"])
    }

    static func summary(_ row: Row) -> ExchangeSummary {
        let url: String = row["url"]
        let responseBytes: Int? = row["responseBytes"]
        let failure: String? = row["failure"]
        return ExchangeSummary(
            id: row["id"], purpose: purpose(row["purpose"]), startedAt: Date(timeIntervalSince1970: row["started"]),
            method: row["method"], path: ExchangeSummary.path(of: url), status: row["status"], failed: failure != nil,
            durationMilliseconds: row["duration"], attempt: row["attempt"], requestBytes: row["requestBytes"],
            responseBytes: responseBytes ?? 0, requestId: headers(row["responseHeaders"]).value(named: "request-id"))
    }

    static func purposeCode(_ purpose: HTTPExchange.Purpose) -> String {
        switch purpose {
        case .token: return "token"
        case .bulkUpload(let document): return "bulkUpload:\(document)"
        case .job: return "job"
        case .jobAction(let action): return "jobAction:\(action)"
        case .provisioningLogs: return "provisioningLogs"
        case .other: return "other"
        }
    }

    static func purpose(_ code: String?) -> HTTPExchange.Purpose {
        guard let code else { return .other }
        if code.hasPrefix("bulkUpload:"), let document = Int(code.dropFirst("bulkUpload:".count)) { return .bulkUpload(document: document) }
        if code.hasPrefix("jobAction:") { return .jobAction(String(code.dropFirst("jobAction:".count))) }
        switch code {
        case "token": return .token
        case "job": return .job
        case "provisioningLogs": return .provisioningLogs
        default: return .other
        }
    }

    private static func headersText(_ headers: [HTTPHeader]) -> String {
        (try? JSONEncoder().encode(headers)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    private static func headers(_ text: String?) -> [HTTPHeader] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([HTTPHeader].self, from: Data(text.utf8))) ?? []
    }

    private static func bytes(_ data: Data?) -> [UInt8] { data.map { [UInt8]($0) } ?? [] }
}

/// The text an Activity search looks in: the request line, headers and body, the status, headers
/// and body, the failure and the ids, lowercased once so a search is a plain substring test.
///
/// Bodies are read as sent (compact JSON), not pretty-printed: a store of 2,000 large exchanges is
/// searched by SQLite's `instr` without rebuilding any text.
public enum ExchangeSearchText {
    public static func text(_ e: HTTPExchange) -> String {
        var parts = ["#\(e.id) \(label(e.purpose))", "\(e.request.method) \(e.request.url)"]
        parts += e.request.headers.map { "\($0.name): \($0.value)" }
        parts.append(String(decoding: e.request.body, as: UTF8.self))
        if let response = e.response {
            parts.append("HTTP/1.1 \(response.status) \(HTTPStatusText.text(response.status))")
            parts += response.headers.map { "\($0.name): \($0.value)" }
            parts.append(String(decoding: response.body, as: UTF8.self))
        }
        if let failure = e.failure { parts.append(failure) }
        return parts.joined(separator: "\n").lowercased()
    }

    /// The list's name for the call, as the detail's first line shows it ("bulkUpload #3").
    static func label(_ purpose: HTTPExchange.Purpose) -> String {
        switch purpose {
        case .token: return "token"
        case .bulkUpload(let document): return "bulkUpload #\(document + 1)"
        case .job: return "job status"
        case .jobAction(let action): return "job/\(action)"
        case .provisioningLogs: return "provisioning logs"
        case .other: return ""
        }
    }

    /// Whether `e` contains `query` (any case): the same test the store's search makes.
    public static func matches(_ e: HTTPExchange, _ query: String) -> Bool {
        query.isEmpty || text(e).contains(query.lowercased())
    }
}
