/// Another screen opened on the Users screen's selected user: a link the Users update (or the
/// Problems list) asks for, which the other screen's own code follows.
public enum UserLink: Equatable, Sendable {
    /// The user form on the selection (kept, undo and all, when it is already on that user).
    case form
    /// The preview, at the selection's operation.
    case preview
    /// The provisioning logs, filtered to this externalId.
    case logs(externalId: String)
}

extension AppState {
    /// Runs after the selection is set, so the other screen reads the user it is meant to.
    mutating func follow(_ link: UserLink, effects: inout [AppEffect]) {
        switch link {
        case .form: openForm()
        case .preview: jumpToSelectedUser()
        case .logs(let externalId): showLogs(externalId: externalId, effects: &effects)
        }
    }
}
