import SCIM
import TerminalUI

/// What the Users view shows of each user besides their record: findings and their counts, the
/// opened file's own findings, and what the last send made of them.
struct UsersFacts {
    var diagnostics: [Int: [Diagnostic]] = [:]
    var counts = DiagnosticCounts()
    var findings = ImportFindings()
    var sendStatus: [Int: RecordSendStatus] = [:]
    /// Added or changed since the workspace was opened: "changed", and a send's status is stale.
    var unsent: Set<Int> = []
    /// False until the first whole-set validation answers: the panel says "checking…", not "clean".
    var validated = true
    /// "mapping: job schema read 3 min ago" when users are also checked against the job's mapping.
    var mappingLabel: String?

    var lookup: UsersLookup { UsersLookup(diagnostics: diagnostics, fileRow: !findings.isEmpty, sendStatus: sendStatus, unsent: unsent) }
}

extension AppState {
    /// The Users update's view of the rest of the App.
    var usersLookup: UsersLookup { UsersLookup(diagnostics: diagnostics, fileRow: !findings.isEmpty, sendStatus: sendStatus, unsent: unsent) }

    /// The Users view's inputs besides its state and the store.
    var usersFacts: UsersFacts {
        UsersFacts(diagnostics: diagnostics, counts: diagnosticCounts, findings: findings, sendStatus: sendStatus,
                   unsent: unsent, validated: validatedGeneration >= 0, mappingLabel: mappingFindingsLabel)
    }
}
