import Foundation
import Provisioning
import SCIM

/// An exchange in words: the list's short name for it, and the full text of the detail pane (what
/// "save exchange" writes). Everything here was redacted when recorded.
enum ExchangeText {
    /// "bulkUpload #3", "token", "job", "job/pause", "provisioning logs".
    static func what(_ exchange: HTTPExchange) -> String { what(ExchangeSummary(exchange)) }

    static func what(_ exchange: ExchangeSummary) -> String {
        switch exchange.purpose {
        case .token: return "token"
        case .bulkUpload(let document): return "bulkUpload #\(document + 1)"
        case .job: return "job status"
        case .jobAction(let action): return "job/\(action)"
        case .provisioningLogs: return "provisioning logs"
        case .other: return exchange.path
        }
    }

    static func status(_ exchange: ExchangeSummary) -> String {
        if let status = exchange.status { return String(status) }
        return exchange.failed ? "ERR" : "…"
    }

    static func time(_ date: Date, zone: TimeZone) -> String { TimeText.second(date, timeZone: zone) }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : String(format: "%.1f kB", Double(bytes) / 1024)
    }

    /// The request line, headers and body; the status, headers and body; the timings and the ids a
    /// Microsoft support case asks for. JSON bodies are pretty-printed.
    static func detail(_ exchange: HTTPExchange, zone: TimeZone) -> String {
        detailLines(exchange, zone: zone).lines.joined(separator: "\n")
    }

    /// The detail's lines, and for an error response (4xx, 5xx) the line that must stay in view
    /// when the detail opens: the response body's first line (the status line when it has none).
    /// The error is what the operator came to read; the request above it can be scrolled to.
    static func detailLines(_ exchange: HTTPExchange, zone: TimeZone) -> (lines: [String], errorAnchor: Int?) {
        var lines: [String] = []
        let retry = exchange.attempt > 0 ? " · retry \(exchange.attempt)" : ""
        lines.append("#\(exchange.id) \(what(exchange)) · \(time(exchange.startedAt, zone: zone)) · \(Int(exchange.durationMilliseconds.rounded())) ms\(retry)")
        if let id = exchange.requestId { lines.append("request-id: \(id)") }
        if let id = exchange.clientRequestId { lines.append("client-request-id: \(id)") }
        lines.append("")
        lines.append("\(exchange.request.method) \(exchange.request.url)")
        lines += exchange.request.headers.map { "\($0.name): \($0.value)" }
        lines += body(exchange.request.body)
        lines.append("")
        guard let response = exchange.response else {
            lines.append("no response: \(exchange.failure ?? "still waiting")")
            return (lines, nil)
        }
        let statusLine = lines.count
        lines.append("HTTP/1.1 \(response.status) \(HTTPStatusText.text(response.status))")
        lines += response.headers.map { "\($0.name): \($0.value)" }
        let bodyLines = body(response.body)
        // body() starts with the blank line that separates it from the headers.
        let anchor = bodyLines.count > 1 ? lines.count + 1 : statusLine
        lines += bodyLines
        return (lines, response.status >= 400 ? anchor : nil)
    }

    private static func body(_ bytes: [UInt8]) -> [String] {
        guard !bytes.isEmpty else { return [] }
        let text: String
        if let value = try? JSONParser.parse(bytes) {
            text = String(decoding: JSONWriter.pretty.bytes(value), as: UTF8.self)
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        // Split as the text pane splits (CR LF is one break), so the anchor's line number is the pane's.
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        return [""] + normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
