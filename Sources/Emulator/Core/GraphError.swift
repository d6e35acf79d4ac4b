import Foundation
import SCIM

/// Graph's error body (`{"error":{"code","message","innerError":{…}}}`) with its correlation ids.
struct GraphError: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    var headers: [(String, String)] = []

    static let invalidDataFormat = GraphError(status: 400, code: "BadRequest", message: "Invalid Data Format")
    static func badRequest(_ message: String) -> GraphError { GraphError(status: 400, code: "BadRequest", message: message) }
    static let unsupportedMediaType = GraphError(status: 400, code: "BadRequest",
        message: "Invalid Data Format: the request Content-Type must be application/scim+json")
    static let tokenEmpty = GraphError(status: 401, code: "InvalidAuthenticationToken", message: "Access token is empty.")
    static let tokenExpired = GraphError(status: 401, code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid.")
    static let tokenInvalid = GraphError(status: 401, code: "InvalidAuthenticationToken", message: "IDX14100: JWT is not well formed.")
    static let tokenOtherTenant = GraphError(status: 401, code: "InvalidAuthenticationToken",
        message: "Access token validation failure. Invalid audience or the token was issued for another tenant.")
    /// Microsoft does not document the exact code for a missing upload permission; Graph's usual one.
    static func forbidden(_ permission: String) -> GraphError {
        GraphError(status: 403, code: "Authorization_RequestDenied",
                   message: "Insufficient privileges to complete the operation. The application needs the '\(permission)' application permission.")
    }
    /// Graph's name for an oversized body; the limit itself is ours (see EmulatorConfig.maxBodyBytes).
    static func requestTooLarge(limit: Int) -> GraphError {
        GraphError(status: 413, code: "RequestEntityTooLarge", message: "The request body is larger than \(limit) bytes.")
    }
    static func notFound(_ what: String) -> GraphError { GraphError(status: 404, code: "ResourceNotFound", message: what) }
    static func throttled(retryAfter: Int?) -> GraphError {
        GraphError(status: 429, code: "TooManyRequests", message: "Too many requests. Please retry later.",
                   headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }
    /// The daily quota's window: 24 hours.
    static let dailyQuotaWindow: TimeInterval = 86_400
    /// Microsoft documents the quota and the 429 but not the body: the wording is ours, and clients
    /// (scimterm's own) recognise it by its "Daily quota exceeded" prefix.
    static func dailyQuotaExceeded(calls: Int, limit: Int, retryAfter: Int) -> GraphError {
        GraphError(status: 429, code: "TooManyRequests",
                   message: "Daily quota exceeded: this tenant has made \(calls) bulkUpload calls in the last 24 hours (limit \(limit)); "
                       + "calls are accepted again as the oldest leave the 24-hour window.",
                   headers: [("Retry-After", String(retryAfter))])
    }
    static let bucketFull = GraphError(status: 500, code: "InternalServerError",
        message: "The bucket that stores the ingested data is full, please wait for the synchronization service to process the ingested data and retry this request.")
    static let injectedInternal = GraphError(status: 500, code: "InternalServerError", message: "An internal server error occurred (injected fault).")
    static let injectedUnavailable = GraphError(status: 503, code: "ServiceUnavailable", message: "The service is temporarily unavailable (injected fault).")
    static let methodNotAllowed = GraphError(status: 405, code: "Request_BadRequest", message: "The requested method is not supported on this resource.")

    func response(requestId: String, clientRequestId: String, now: Date) -> EmulatorResponse {
        let body: JSONValue = ["error": .object([
            "code": .string(code),
            "message": .string(message),
            "innerError": .object([
                "date": .string(GraphError.isoDate(now)),
                "request-id": .string(requestId),
                "client-request-id": .string(clientRequestId),
            ]),
        ])]
        return .json(status, body, headers: headers + [("request-id", requestId), ("client-request-id", clientRequestId)])
    }

    static func isoDate(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
