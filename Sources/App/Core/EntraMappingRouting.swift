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
    mutating func schemaPulled(_ pulled: SchemaPull, at: Date, effects: inout [AppEffect]) {
        switch pulled {
        case .schema(let schema):
            entraMapping = EntraMapping(origin: .job(readAt: at), schema: schema)
            mappingChanged(effects: &effects)
        case .failed(let reason):
            entraMapping.pullProblem = reason
        }
    }

    /// Every user is checked against the new mapping: the open form at once (one user), the rest
    /// in the validation effect (100,000 users never block the loop). Until it answers, the old
    /// findings stay; an answer checked against the old mapping is dropped (`mapping.origin`).
    mutating func mappingChanged(effects: inout [AppEffect]) {
        let check = mappingCheck
        form?.setMapping(check)
        effects.append(validateEffect)
    }
}
