import Foundation
import SCIM

/// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): opens in browser devtools and the
/// tools Microsoft support uses. Built from recorded (already redacted) exchanges only.
public enum HARExport {
    public static func document(_ exchanges: [HTTPExchange], creatorVersion: String = "0.1.0") -> JSONValue {
        let entries: [JSONValue] = exchanges.map(entry)
        return ["log": .object([
            "version": "1.2",
            "creator": ["name": "scimterm", "version": .string(creatorVersion)],
            "entries": .array(entries),
        ])]
    }

    public static func bytes(_ exchanges: [HTTPExchange]) -> [UInt8] {
        JSONWriter.pretty.bytes(document(exchanges))
    }

    static func entry(_ e: HTTPExchange) -> JSONValue {
        var request: JSONObject = [
            "method": .string(e.request.method),
            "url": .string(e.request.url),
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": headers(e.request.headers),
            "queryString": .array(queryString(e.request.url)),
            "headersSize": -1,
            "bodySize": .number(JSONNumber(e.request.body.count)),
        ]
        if !e.request.body.isEmpty {
            request.append("postData", .object([
                "mimeType": .string(e.request.header("content-type") ?? "application/octet-stream"),
                "text": .string(String(decoding: e.request.body, as: UTF8.self)),
            ]))
        }
        let response = e.response
        var content: JSONObject = [
            "size": .number(JSONNumber(response?.body.count ?? 0)),
            "mimeType": .string(response?.header("content-type") ?? "x-unknown"),
        ]
        if let body = response?.body, !body.isEmpty { content.append("text", .string(String(decoding: body, as: UTF8.self))) }
        var responseObject: JSONObject = [
            "status": .number(JSONNumber(response?.status ?? 0)),
            "statusText": .string(response.map { HTTPStatusText.text($0.status) } ?? (e.failure ?? "no response")),
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": headers(response?.headers ?? []),
            "content": .object(content),
            "redirectURL": .string(response?.header("location") ?? ""),
            "headersSize": -1,
            "bodySize": .number(JSONNumber(response?.body.count ?? -1)),
        ]
        if let failure = e.failure { responseObject.append("_error", .string(failure)) }
        let ms = JSONNumber(e.durationMilliseconds.rounded()) ?? JSONNumber(0)
        return .object([
            "startedDateTime": .string(timestamp(e.startedAt)),
            "time": .number(ms),
            "request": .object(request),
            "response": .object(responseObject),
            "cache": [:],
            "timings": ["send": 0, "wait": .number(ms), "receive": 0],
            "_attempt": .number(JSONNumber(e.attempt)),
        ])
    }

    static func headers(_ hs: [HTTPHeader]) -> JSONValue {
        .array(hs.map { ["name": .string($0.name), "value": .string($0.value)] })
    }

    static func queryString(_ url: String) -> [JSONValue] {
        (URLComponents(string: url)?.queryItems ?? []).map { ["name": .string($0.name), "value": .string($0.value ?? "")] }
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}

public enum HTTPStatusText {
    public static func text(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 415: return "Unsupported Media Type"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
