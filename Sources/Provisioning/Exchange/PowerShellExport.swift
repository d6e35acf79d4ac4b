/// "Copy as PowerShell": the recorded request as the two commands Windows admins reach for, since many
/// of them drive inbound provisioning from CSV2SCIM and Graph PowerShell rather than a POSIX shell.
///
/// - `Invoke-MgGraphRequest`, which takes its token from `Connect-MgGraph`;
/// - `Invoke-RestMethod`, with `Authorization = "Bearer $token"`: the real token is never in the text.
///
/// Bodies are PowerShell single-quoted strings, where nothing expands and the only escape is a doubled
/// quote. PowerShell also treats the typographic quotes U+2018–U+201B as single quotes, so those are
/// doubled too; a name like `O’Brien` would otherwise end the string early.
public enum PowerShellExport {
    static let singleQuotes: Set<Character> = ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"]

    /// Both forms, each under a comment saying what it needs first.
    public static func command(_ request: RecordedRequest) -> String {
        [
            "# Graph PowerShell: Connect-MgGraph -Scopes 'SynchronizationData-User.Upload' first",
            graphCommand(request),
            "",
            "# Any PowerShell: set $token to an access token first",
            restMethodCommand(request),
        ].joined(separator: "\n")
    }

    public static func graphCommand(_ request: RecordedRequest) -> String {
        var parts = ["Invoke-MgGraphRequest -Method \(request.method.uppercased()) -Uri \(literal(request.url))"]
        parts += bodyParts(request, bytes: false)
        return parts.joined(separator: " `\n  ")
    }

    public static func restMethodCommand(_ request: RecordedRequest) -> String {
        var parts = ["Invoke-RestMethod -Method \(titleCased(request.method)) -Uri \(literal(request.url))"]
        if request.header("authorization") != nil {
            parts.append("-Headers @{Authorization = \"Bearer $token\"}")
        }
        // Windows PowerShell 5.1 sends a string body as ISO-8859-1 unless told a charset; bytes go as they are.
        parts += bodyParts(request, bytes: true)
        return parts.joined(separator: " `\n  ")
    }

    /// A single-quoted PowerShell string holding `s` exactly.
    public static func literal(_ s: String) -> String {
        var out = "'"
        for c in s {
            out.append(c)
            if singleQuotes.contains(c) { out.append(c) }
        }
        return out + "'"
    }

    static func bodyParts(_ request: RecordedRequest, bytes: Bool) -> [String] {
        guard !request.body.isEmpty else { return [] }
        let type = request.header("content-type") ?? "application/scim+json"
        let text = String(decoding: request.body, as: UTF8.self)
        var body = literal(text)
        if type.lowercased().contains("x-www-form-urlencoded") {
            // The recorded secret is gone; splice in a variable the reader sets, as curl's $CLIENT_SECRET.
            body = "(" + body.replacingOccurrences(of: "client_secret=\(Redactor.marker)",
                                                   with: "client_secret=' + $clientSecret + '") + ")"
        }
        if bytes, text.unicodeScalars.contains(where: { !$0.isASCII }) {
            body = "([System.Text.Encoding]::UTF8.GetBytes(\(body)))"
        }
        return ["-ContentType \(literal(type))", "-Body \(body)"]
    }

    static func titleCased(_ method: String) -> String {
        method.prefix(1).uppercased() + method.dropFirst().lowercased()
    }
}
