import Foundation
import Mapping
import Provisioning

extension ProvisioningSession {
    /// "Check with Entra": each item's parseExpression on this connection's client (its calls show
    /// in Activity like every other); without a client every asked item is unanswered, saying why.
    func checkExpressions(_ request: ConnectionRequest, _ items: [ExpressionCheck.Item]) async -> [ExpressionCheck.Reply] {
        switch await client(for: request) {
        case .failure(let problem): return items.map { ExpressionCheck.unasked($0) ?? .failed(problem.headline) }
        case .success(let client): return await client.check(items)
        }
    }
}
