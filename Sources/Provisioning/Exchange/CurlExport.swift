/// "Copy as curl": a shell command that reproduces a recorded request.
///
/// The token is never in it: the Authorization header reads `Bearer $TOKEN`, and form secrets read
/// `$CLIENT_SECRET`, so the command can be pasted into a ticket and run by someone who has their own.
public enum CurlExport {
    static let skippedHeaders: Set<String> = ["host", "content-length", "connection", "user-agent", "accept-encoding"]

    public static func command(_ request: RecordedRequest) -> String {
        var lines = ["curl -sS -i -X \(request.method) \(quoted(request.url))"]
        for h in request.headers where !skippedHeaders.contains(h.name.lowercased()) {
            if h.name.lowercased() == "authorization" {
                lines.append("-H \"Authorization: Bearer $TOKEN\"")
            } else {
                lines.append("-H \(quoted("\(h.name): \(h.value)"))")
            }
        }
        var command = lines.joined(separator: " \\\n  ")
        guard !request.body.isEmpty else { return command }
        var body = String(decoding: request.body, as: UTF8.self)
        if request.header("content-type")?.contains("x-www-form-urlencoded") == true {
            body = body.replacingOccurrences(of: "client_secret=\(Redactor.marker)", with: "client_secret=$CLIENT_SECRET")
            return command + " \\\n  --data-raw \"\(body.replacingOccurrences(of: "\"", with: "\\\""))\""
        }
        // A quoted here-document keeps the JSON byte for byte: no shell expansion inside.
        var fence = "SCIMTERM_BODY"
        while body.contains(fence) { fence += "_" }
        command += " \\\n  --data-binary @- <<'\(fence)'\n\(body)\n\(fence)"
        return command
    }

    /// Single-quoted for POSIX shells.
    static func quoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
