import Foundation
import Mapping
import SCIM

extension ProvisioningEndpoint {
    /// `…/jobs/{jobId}/schema/parseExpression`.
    public var parseExpressionURL: String { schemaURL + "/parseExpression" }
}

extension GraphClient {
    /// Graph's application permissions for parseExpression (its permission table): least
    /// privileged first. The emulator also takes Synchronization.Read.All (docs/EMULATOR.md).
    public static let parseExpressionPermission = "Application.ReadWrite.OwnedBy (or Synchronization.ReadWrite.All)"

    /// `POST …/jobs/{jobId}/schema/parseExpression`: what the job would compute from one expression
    /// for one test object. A parse or evaluation failure is a 200 that says so; only the call
    /// failing throws. Recorded like every other call: Activity lists it as `job/parseExpression`
    /// (a POST on the job's schema, with the permission Graph lists for writing it).
    public func parseExpression(_ request: ParseExpressionRequest) async throws(ProvisioningError) -> ParseExpressionResult {
        let response = try await require(method: "POST", url: settings.endpoint.parseExpressionURL,
                                         body: JSONWriter.compact.bytes(request.body), contentType: "application/json",
                                         purpose: .jobAction("parseExpression"))
        guard let json = try? JSONParser.parse(response.body), let result = ParseExpressionResult(json: json) else {
            throw .graph(GraphFailure(status: response.status, code: "UnexpectedBody",
                                      message: "the parseExpression answer is not a parseExpressionResponse"))
        }
        return result
    }
}

extension GraphClient {
    /// "Check with Entra": each asked item's parseExpression, one call after another (a user has a
    /// couple of dozen mappings; one at a time stays well inside Graph's rate). A failed call marks
    /// only its own mapping unanswered; a refusal every call would meet (no permission, no sign-in,
    /// no answer at all) marks the rest with it instead of making each call fail in turn.
    public func check(_ items: [ExpressionCheck.Item]) async -> [ExpressionCheck.Reply] {
        var replies: [ExpressionCheck.Reply] = []
        var stop: String?
        for item in items {
            if let unasked = ExpressionCheck.unasked(item) {
                replies.append(unasked)
                continue
            }
            guard let question = item.request, stop == nil else {
                replies.append(.failed(stop ?? "not asked"))
                continue
            }
            do { replies.append(.answered(try await parseExpression(question))) } catch {
                let reason = Self.checkFailure(error)
                replies.append(.failed(reason.text))
                if reason.stopsTheRest { stop = reason.text }
            }
        }
        return replies
    }

    /// A failed parseExpression call in words; a 403 names Graph's permission for this call.
    static func checkFailure(_ error: ProvisioningError) -> (text: String, stopsTheRest: Bool) {
        switch error {
        case .graph(let failure) where failure.status == 403:
            return ("parseExpression needs \(parseExpressionPermission)", true)
        case .graph(let failure) where failure.status == 401 || failure.status == 404:
            return (failure.description, true)
        case .graph(let failure):
            return (failure.description, false)
        case .token, .credential, .transport:
            return (error.description, true)
        }
    }
}
