/// HTTPS_PROXY / NO_PROXY as curl reads them: AsyncHTTPClient does not, so we do.
public struct ProxySettings: Sendable, Equatable {
    public var host: String
    public var port: Int

    /// The proxy for `targetHost`, or nil when none applies (unset, NO_PROXY match, or loopback).
    public static func from(environment env: [String: String], targetHost: String) -> ProxySettings? {
        let raw = env["HTTPS_PROXY"] ?? env["https_proxy"] ?? env["ALL_PROXY"] ?? env["all_proxy"]
        guard let raw, !raw.isEmpty else { return nil }
        let target = targetHost.lowercased()
        if ["127.0.0.1", "localhost", "::1"].contains(target) { return nil }
        let noProxy = (env["NO_PROXY"] ?? env["no_proxy"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        for entry in noProxy where !entry.isEmpty {
            if entry == "*" { return nil }
            let suffix = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if target == suffix || target.hasSuffix("." + suffix) { return nil }
        }
        var rest = Substring(raw)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        rest = rest.prefix { $0 != "/" }
        let parts = rest.split(separator: ":")
        guard let host = parts.first, !host.isEmpty else { return nil }
        let port = parts.count > 1 ? Int(parts[1]) ?? 8080 : 8080
        return ProxySettings(host: String(host), port: port)
    }
}
