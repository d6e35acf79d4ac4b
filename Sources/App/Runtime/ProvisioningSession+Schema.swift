import Foundation
import Provisioning

extension ProvisioningSession {
    /// The job's schema for "What Entra will set", read on connect. A 403 is worded as the missing
    /// permission alone: the connection itself is fine, only the mapping stays Microsoft's default.
    func schema(_ request: ConnectionRequest) async -> SchemaPull {
        switch await client(for: request) {
        case .failure(let problem): return .failed(problem.headline)
        case .success(let client):
            do { return .schema(try await client.schema().schema) } catch {
                if case .graph(let failure) = error, failure.status == 403 { return .failed("needs Synchronization.Read.All") }
                return .failed(error.description)
            }
        }
    }
}
