import SCIM

/// Everything that can go wrong talking to Entra, each worded for the operator.
public enum ProvisioningError: Error, Sendable, CustomStringConvertible {
    case token(TokenFailure)
    case transport(TransportError)
    case graph(GraphFailure)
    case credential(String)

    public var description: String {
        switch self {
        case .token(let f): return "sign-in failed: \(f)"
        case .transport(let e): return "network: \(e)"
        case .graph(let f): return f.description
        case .credential(let m): return "credential: \(m)"
        }
    }
}

/// A Graph error answer (`{"error":{"code","message","innerError"}}`) with its correlation ids.
public struct GraphFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    public var requestId: String?
    public var clientRequestId: String?

    public static func parse(_ response: TransportResponse) -> GraphFailure {
        let error = (try? JSONParser.parse(response.body))?.objectValue?["error"]?.objectValue
        let text = String(decoding: response.body.prefix(300), as: UTF8.self)
        return GraphFailure(status: response.status, code: error?["code"]?.stringValue ?? "HTTP\(response.status)",
                            message: error?["message"]?.stringValue ?? (text.isEmpty ? HTTPStatusText.text(response.status) : text),
                            requestId: response.header("request-id"), clientRequestId: response.header("client-request-id"))
    }

    public var description: String {
        "\(status) \(code): \(message.visibleControlCharacters)" + (requestId.map { " (request-id \($0))" } ?? "") + hint
    }

    /// What to do about the usual failures.
    public var hint: String {
        switch status {
        case 400 where message.contains("Content-Type") || message.contains("Invalid Data Format"):
            return ". Check the payload with scimterm validate; Content-Type must be application/scim+json."
        case 403: return ". Grant the app SynchronizationData-User.Upload (application permission) and admin consent."
        case 404: return ". Check the service principal object id (not the appId) and the job id."
        default: return ""
        }
    }
}
