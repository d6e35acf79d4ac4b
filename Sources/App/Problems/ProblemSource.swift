import SCIM

/// What the Problems list reads its rows from: the file's findings, each user's diagnostics, and
/// the users (for their names). The list holds references into these, so a row is built only
/// when drawn and says so when its finding went away since the list opened.
struct ProblemSource {
    var findings: ImportFindings
    var diagnostics: [Int: [Diagnostic]]
    var store: RecordStore
    /// "mapping: job schema read 3 min ago": where the `schema.*` findings come from; nil when none are made.
    var mappingLabel: String? = nil
    /// The check behind the label: `x` is offered only for an attribute its schema does not declare.
    var mappingCheck: MappingCheck? = nil

    /// The row for a reference; nil when the finding went away since the list opened.
    func row(_ ref: ProblemsState.Ref) -> ProblemRow? {
        switch ref {
        case .file(let i):
            guard i < findings.file.count else { return nil }
            let d = findings.file[i]
            return ProblemRow(diagnostic: d, place: d.position?.description ?? "", owner: "file")
        case .user(let id, let i):
            guard let found = diagnostics[id], i < found.count, let record = store.entry(id: id)?.record else { return nil }
            let d = found[i]
            // Ids are the import's positions + 1 for the users a file brought (see RecordStore.init).
            let place = d.position ?? findings.position(of: d, importIndex: id - 1)
            let name = [record.userName, record.externalId].compactMap { $0 }.first { !$0.isEmpty } ?? "user \(id)"
            return ProblemRow(diagnostic: d, place: place?.description ?? "", owner: name)
        }
    }

    /// Whether `x` can add the finding's attribute to the schema: an unread one the schema lacks.
    func extendable(_ d: Diagnostic) -> Bool {
        guard d.rule == MappingCheck.unreadRule, let name = MappingCheck.attributeName(d.path) else { return false }
        return mappingCheck.map { !$0.isDeclared(name) } ?? false
    }

    /// Every finding as references, or nil when there is none.
    func problems(from screen: Screen) -> ProblemsState? {
        let problems = ProblemsState(findings: findings, store: store, diagnostics: diagnostics, from: screen)
        return problems.isEmpty ? nil : problems
    }
}

extension AppState {
    var problemSource: ProblemSource {
        ProblemSource(findings: findings, diagnostics: diagnostics, store: store, mappingLabel: mappingFindingsLabel, mappingCheck: mappingCheck)
    }

    /// The row for a reference; nil when the finding went away since the list opened.
    func problemRow(_ ref: ProblemsState.Ref) -> ProblemRow? { problemSource.row(ref) }
}
