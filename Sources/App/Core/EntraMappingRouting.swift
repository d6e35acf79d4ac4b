import Foundation

/// Where the App keeps the mapping "What Entra will set" computes with: the job's schema is read
/// after every successful connection test, unless a `--schema` file was given (the operator chose
/// to work from that file; a pull would silently replace it).
extension AppState {
    mutating func pullSchemaAfterConnect(_ outcome: ConnectionOutcome, generation: Int, effects: inout [AppEffect]) {
        guard case .connected = outcome, generation == connect.testGeneration, !entraMapping.isFromFile else { return }
        effects.append(.pullSchema(connect.request))
    }

    /// The pulled schema replaces the mapping with its read time; a failure keeps what was there
    /// and says why beside it, and never fails the connection.
    mutating func schemaPulled(_ pulled: SchemaPull, at: Date) {
        switch pulled {
        case .schema(let schema):
            entraMapping = EntraMapping(origin: .job(readAt: at), schema: schema)
        case .failed(let reason):
            entraMapping.pullProblem = reason
        }
    }
}
