import Foundation
import SCIM

/// A token endpoint failure turned into a sentence and a fix (ENTRA.md §1's codes).
public struct TokenFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var code: Int?
    public var error: String
    /// Microsoft's own message (`AADSTS7000215: …`): the description's first line, without the
    /// Trace ID / Correlation ID / Timestamp lines that follow it.
    public var serverMessage: String
    public var explanation: String
    public var fix: String
    public var correlationId: String?
    /// What Microsoft support asks for beside the correlation id.
    public var traceId: String?
    /// Entra's own time of the failure (`2024-05-01 10:11:12Z`), as it wrote it.
    public var timestamp: String?

    public var description: String {
        let prefix = code.map { "AADSTS\($0): " } ?? ""
        return "\(prefix)\(explanation) \(fix)"
    }

    /// Reads Entra's error JSON; anything else (a proxy's HTML page) is reported as it is.
    public static func parse(status: Int, body: [UInt8]) -> TokenFailure {
        guard let o = try? JSONParser.parse(body).objectValue else {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            return TokenFailure(status: status, code: nil, error: "http_\(status)", serverMessage: text,
                                explanation: "The token endpoint answered \(status) without an Entra error body.",
                                fix: "Check --authority and any proxy between you and the sign-in service.", correlationId: nil)
        }
        let code = o["error_codes"]?.arrayValue?.first?.numberValue?.intValue
        let description = Description(o["error_description"]?.stringValue ?? "")
        let (explanation, fix) = explain(code)
        var failure = TokenFailure(status: status, code: code, error: o["error"]?.stringValue ?? "", serverMessage: description.message,
                                   explanation: explanation ?? description.message, fix: fix,
                                   correlationId: o["correlation_id"]?.stringValue ?? description.correlationId)
        failure.traceId = o["trace_id"]?.stringValue ?? description.traceId
        failure.timestamp = o["timestamp"]?.stringValue ?? description.timestamp
        return failure
    }

    /// Entra's `error_description`: a message line, then `Trace ID: …`, `Correlation ID: …` and
    /// `Timestamp: …` lines joined with CR LF (ENTRA.md §1). Lone LFs (a proxy that rewrote the
    /// body) and the one-line form some tools log (`… Trace ID: …` after a space) read the same.
    struct Description: Equatable {
        var message: String
        var traceId: String?
        var correlationId: String?
        var timestamp: String?

        init(_ text: String) {
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(whereSeparator: { $0 == "\n" || $0 == "\r" })
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var rest = lines.dropFirst().map { $0 }
            var first = lines.first ?? ""
            // One line: cut it where the labelled fields begin.
            if let cut = first.range(of: " Trace ID: ") {
                rest = Self.unfold(String(first[cut.lowerBound...])) + rest
                first = String(first[..<cut.lowerBound])
            }
            message = first
            for line in rest {
                if let v = Self.value(line, "Trace ID:") { traceId = v }
                if let v = Self.value(line, "Correlation ID:") { correlationId = v }
                if let v = Self.value(line, "Timestamp:") { timestamp = v }
            }
        }

        private static func value(_ line: String, _ label: String) -> String? {
            guard line.hasPrefix(label) else { return nil }
            let v = line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : v
        }

        /// `Trace ID: a Correlation ID: b Timestamp: c` into one line per label.
        private static func unfold(_ s: String) -> [String] {
            var text = s
            for label in ["Correlation ID:", "Timestamp:"] {
                text = text.replacingOccurrences(of: " \(label)", with: "\n\(label)")
            }
            return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    static func explain(_ code: Int?) -> (String?, String) {
        switch code {
        case 7000215: return ("The client secret is wrong.", "Copy the secret's Value (not its Secret ID) from the app registration's Certificates & secrets page.")
        case 7000222: return ("The client secret has expired.", "Create a new secret on the app registration and use it.")
        case 7000218: return ("No client secret or certificate assertion was sent.", "Provide a secret (SCIMTERM_CLIENT_SECRET, a file, or the prompt) or a certificate.")
        case 700016: return ("The app (client id) does not exist in this tenant.", "Check the client id, and that the tenant is the one the app is registered or consented in.")
        case 90002: return ("The tenant was not found.", "Check the tenant id or domain, and the cloud: a US Gov or China tenant is not found in the global cloud.")
        case 90038: return ("The tenant lives in another national cloud.", "Choose the tenant's cloud (--cloud usgov, dod or china).")
        case 700027, 50012: return ("The certificate assertion's signature was rejected.", "Upload this certificate (public part) to the app registration, and sign with its private key.")
        case 700024: return ("The certificate assertion is expired or not yet valid.", "Check this machine's clock.")
        case 700023: return ("The assertion's audience is not this tenant's token endpoint.", "Use the same tenant and cloud for the token URL and the assertion.")
        case 700021: return ("The assertion's issuer does not match the client id.", "Sign the assertion with iss and sub equal to the client id.")
        case 70011, 700022: return ("The requested scope is invalid.", "Client credentials need the scope https://<graph host>/.default of the tenant's cloud.")
        case 901002: return ("The request sent 'resource=', which the v2.0 token endpoint does not accept.",
                              "Send scope=https://<graph host>/.default instead of resource= (resource= belongs to the older /oauth2/token endpoint).")
        case 7000112: return ("The application is disabled.", "Enable the app in Enterprise applications → Properties.")
        case 90055: return ("The tenant is throttled by the sign-in service.", "Wait a few minutes; tokens are cached, so this should be rare.")
        default: return (nil, "See the error description and correlation id for Microsoft support.")
        }
    }
}
