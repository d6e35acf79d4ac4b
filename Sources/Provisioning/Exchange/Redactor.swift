import Foundation

/// Removes secrets from requests and responses at the moment they are recorded.
///
/// Tokens keep their first characters (`Bearer eyJ0…[redacted]`) so two exchanges can still be told
/// apart by eye; secrets and assertions are replaced entirely.
public enum Redactor {
    public static let marker = "[redacted]"

    /// JSON fields whose values are secrets. `code` is not one: in Graph bodies it is an error code or a
    /// job's `status.code`, exactly what a support case needs to read.
    static let secretFields: Set<String> = ["client_secret", "client_assertion", "access_token", "refresh_token",
                                            "id_token", "password", "assertion"]
    /// Form and query fields whose values are secrets: there `code` is an OAuth authorization code.
    static let formSecretFields: Set<String> = secretFields.union(["code"])
    /// Headers whose values are secrets.
    static let secretHeaders: Set<String> = ["authorization", "cookie", "set-cookie", "proxy-authorization", "x-ms-token"]

    public static func request(method: String, url: String, headers: [HTTPHeader], body: [UInt8]) -> RecordedRequest {
        RecordedRequest(method: method, url: redactURL(url), headers: headers.map(redact), body: redactBody(body, contentType: headers))
    }

    public static func response(status: Int, headers: [HTTPHeader], body: [UInt8]) -> RecordedResponse {
        RecordedResponse(status: status, headers: headers.map(redact), body: redactBody(body, contentType: headers))
    }

    static func redact(_ header: HTTPHeader) -> HTTPHeader {
        guard secretHeaders.contains(header.name.lowercased()) else { return header }
        let parts = header.value.split(separator: " ", maxSplits: 1)
        if parts.count == 2, ["bearer", "basic"].contains(parts[0].lowercased()) {
            return HTTPHeader(header.name, "\(parts[0]) \(shortened(String(parts[1])))")
        }
        return HTTPHeader(header.name, marker)
    }

    /// `eyJ0eXAi…` becomes `eyJ0…[redacted]`: enough to recognise, too little to use.
    public static func shortened(_ secret: String) -> String {
        secret.count <= 8 ? marker : String(secret.prefix(4)) + "…" + marker
    }

    static func redactURL(_ url: String) -> String {
        guard var components = URLComponents(string: url), let items = components.queryItems, !items.isEmpty else { return url }
        components.queryItems = items.map { item in
            formSecretFields.contains(item.name.lowercased()) ? URLQueryItem(name: item.name, value: marker) : item
        }
        return components.string ?? url
    }

    static func redactBody(_ body: [UInt8], contentType headers: [HTTPHeader]) -> [UInt8] {
        guard !body.isEmpty else { return body }
        let type = headers.first { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? ""
        if type.contains("x-www-form-urlencoded") { return Array(redactForm(String(decoding: body, as: UTF8.self)).utf8) }
        if type.contains("json") { return redactJSONFields(body) }
        return body
    }

    static func redactForm(_ form: String) -> String {
        form.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, formSecretFields.contains(kv[0].lowercased()) else { return String(pair) }
            return "\(kv[0])=\(marker)"
        }.joined(separator: "&")
    }

    /// Replaces `"access_token": "…"` and friends in a JSON body without reformatting the rest, so
    /// what is shown is still the bytes that travelled, minus the secrets.
    static func redactJSONFields(_ body: [UInt8]) -> [UInt8] {
        // A cheap byte scan first: a 50-user payload rarely holds any of these, and the regex is not cheap.
        let lowered = body.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let present = secretFields.filter { contains(lowered, Array("\"\($0)\"".utf8)) }
        guard !present.isEmpty else { return body }
        var text = String(decoding: body, as: UTF8.self)
        for field in present {
            let pattern = "(\"\(field)\"\\s*:\\s*\")([^\"\\\\]|\\\\.)*(\")"
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            text = regex.stringByReplacingMatches(in: text, range: range, withTemplate: "$1\(marker)$3")
        }
        return Array(text.utf8)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
