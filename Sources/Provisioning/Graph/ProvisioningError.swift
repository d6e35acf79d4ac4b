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
    /// The call that failed, so a 403 names that call's permission.
    public var purpose: HTTPExchange.Purpose?

    public static func parse(_ response: TransportResponse, purpose: HTTPExchange.Purpose? = nil) -> GraphFailure {
        let error = (try? JSONParser.parse(response.body))?.objectValue?["error"]?.objectValue
        let text = String(decoding: response.body.prefix(300), as: UTF8.self)
        return GraphFailure(status: response.status, code: error?["code"]?.stringValue ?? "HTTP\(response.status)",
                            message: error?["message"]?.stringValue ?? (text.isEmpty ? HTTPStatusText.text(response.status) : text),
                            requestId: response.header("request-id"), clientRequestId: response.header("client-request-id"),
                            purpose: purpose)
    }

    public var description: String {
        "\(status) \(code): \(message.visibleControlCharacters)" + (requestId.map { " (request-id \($0))" } ?? "") + hint
    }

    /// What to do about the usual failures.
    public var hint: String {
        switch status {
        case 400 where message.contains("Content-Type") || message.contains("Invalid Data Format"):
            return ". Check the payload with scimterm validate; Content-Type must be application/scim+json."
        case 403:
            let permission = purpose?.requiredPermission ?? "SynchronizationData-User.Upload"
            let call = purpose.map { " for \($0.activity)" } ?? ""
            return ". The app lacks the permission\(call): grant it \(permission) (application permission) with admin consent."
        case 401: return ". A freshly issued token was refused too: check that the endpoint's Graph host belongs to the sign-in cloud (--cloud)."
        case 404: return ". Check the service principal object id (not the appId) and the job id."
        default: return ""
        }
    }
}
