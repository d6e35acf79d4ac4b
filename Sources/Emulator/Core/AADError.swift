import Foundation
import SCIM

/// Token endpoint failures in the shape Microsoft's identity platform uses (ENTRA.md §1).
///
/// The codes and the first sentence of each description are Microsoft's; where a code's exact text is
/// not public, the sentence is ours and says so in EMULATOR.md.
struct AADError: Error, Sendable {
    var status: Int
    var error: String
    var code: Int
    var description: String

    static func unsupportedGrantType(_ grant: String) -> AADError {
        AADError(status: 400, error: "unsupported_grant_type", code: 70003,
                 description: "The app requested an unsupported grant type '\(grant)'.")
    }
    static func tenantNotFound(_ tenant: String) -> AADError {
        AADError(status: 400, error: "invalid_request", code: 90002, description: tenantNotFoundMessage(tenant))
    }
    static func appNotFound(_ clientId: String, tenant: String) -> AADError {
        AADError(status: 400, error: "unauthorized_client", code: 700016,
                 description: "Application with identifier '\(clientId)' was not found in the directory '\(tenant)'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")
    }
    static let missingCredential = AADError(status: 401, error: "invalid_client", code: 7000218,
        description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
    static func invalidSecret(_ clientId: String) -> AADError {
        AADError(status: 401, error: "invalid_client", code: 7000215,
                 description: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '\(clientId)'.")
    }
    static func expiredSecret(_ clientId: String) -> AADError {
        AADError(status: 401, error: "invalid_client", code: 7000222,
                 description: "The provided client secret keys for app '\(clientId)' are expired. Visit the Azure portal to create new keys for your app.")
    }
    static func invalidScope(_ scope: String) -> AADError {
        AADError(status: 400, error: "invalid_scope", code: 70011,
                 description: "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' ('\(scope)') is not valid. The scope https://graph.microsoft.com/.default is expected for client credentials.")
    }
    static func audienceMismatch() -> AADError {
        AADError(status: 401, error: "invalid_client", code: 700023,
                 description: "Client assertion audience claim does not match Realm issuer.")
    }
    static func badSignature(_ reason: String) -> AADError {
        AADError(status: 401, error: "invalid_client", code: 700027,
                 description: "Client assertion contains an invalid signature. [Reason - \(reason)]")
    }
    static func assertionTime() -> AADError {
        AADError(status: 401, error: "invalid_client", code: 700024,
                 description: "Client assertion is not within its valid time range.")
    }
    static func assertionMalformed(_ why: String) -> AADError {
        AADError(status: 400, error: "invalid_request", code: 50027, description: "JWT token is invalid or malformed: \(why).")
    }
    static func issuerMismatch() -> AADError {
        AADError(status: 401, error: "invalid_client", code: 700021,
                 description: "Client assertion application identifier doesn't match 'client_id' parameter (iss and sub must both be the client id).")
    }
    static func appDisabled(_ clientId: String) -> AADError {
        AADError(status: 400, error: "unauthorized_client", code: 7000112, description: "Application '\(clientId)' is disabled.")
    }

    /// Signing with an in-memory key fails only when memory does; Entra's generic sign-in failure.
    static let serverError = AADError(status: 500, error: "server_error", code: 50000,
        description: "There was an error issuing a token or an issue with our sign-in service.")
    static let resourceNotSupported = AADError(status: 400, error: "invalid_request", code: 901002,
        description: "The 'resource' request parameter is not supported.")

    /// What the discovery and keys endpoints answer for a tenant that does not exist (note the error
    /// string: `invalid_tenant`, where the token endpoint says `invalid_request`).
    static func invalidTenant(_ tenant: String) -> AADError {
        AADError(status: 400, error: "invalid_tenant", code: 90002, description: tenantNotFoundMessage(tenant))
    }

    /// AADSTS90002's wording, the same on the token, discovery and keys endpoints.
    static func tenantNotFoundMessage(_ tenant: String) -> String {
        "Tenant '\(tenant)' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant."
    }

    /// The body Entra writes: the description's lines are joined with CR LF (ENTRA.md §1), and the
    /// correlation id echoes the client's `client-request-id` when it sent one, as Entra's does.
    func response(now: Date, clientRequestId: String? = nil) -> EmulatorResponse {
        let trace = UUID().uuidString.lowercased()
        let correlation = clientRequestId.flatMap { UUID(uuidString: $0) }?.uuidString.lowercased() ?? UUID().uuidString.lowercased()
        let stamp = AADError.timestamp(now)
        let full = ["AADSTS\(code): \(description)", "Trace ID: \(trace)", "Correlation ID: \(correlation)", "Timestamp: \(stamp)"]
            .joined(separator: "\r\n")
        let body: JSONValue = [
            "error": .string(error),
            "error_description": .string(full),
            "error_codes": [.number(JSONNumber(code))],
            "timestamp": .string(stamp),
            "trace_id": .string(trace),
            "correlation_id": .string(correlation),
            "error_uri": .string("https://login.microsoftonline.com/error?code=\(code)"),
        ]
        return .json(status, body)
    }

    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss'Z'"
        return f.string(from: date)
    }
}
