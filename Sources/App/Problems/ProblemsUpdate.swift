import SCIM
import TerminalUI

/// The Problems overlay's update: pure over the list's state. Enter's jump selects a user on the
/// Users screen, which is the list's whole purpose, so the Users state comes `inout` (a request
/// for it would only move the same lines into `AppState`).
enum ProblemsUpdate {
    /// `!`: the list of every finding over whatever screen is showing, or a line saying why there is none.
    static func open(from screen: Screen, source: ProblemSource, validated: Bool) -> [ScreenEffect] {
        if let problems = source.problems(from: screen) { return [.overlay(.problems(problems))] }
        return [.message(validated ? StatusMessage("no problems found: the file and every user are clean", .success)
                                   : StatusMessage("still checking the users…", .info))]
    }

    /// Keys while the list is open: moves, Enter jumps to the finding's user, Esc (or ! or q) closes.
    static func key(_ state: inout ProblemsState, _ key: Key, _ context: ScreenContext,
                    users: inout UsersState, store: RecordStore, lookup: UsersLookup) -> [ScreenEffect] {
        if key == .escape || key == .ctrl("c") || key == .character("!") || key == .character("q") { return [.overlay(nil)] }
        if key == .enter {
            guard let ref = state.selectedRef else { return [.overlay(nil)] }
            return [.overlay(nil)] + jump(to: ref, from: state.from, context, users: &users, store: store, lookup: lookup)
        }
        let viewport = ProblemsLayout(size: context.size).viewport
        guard let move = ListMove(key: key), let moved = state.list.handling(move, total: state.refs.count, viewport: viewport) else { return [] }
        state.list = moved
        return []
    }

    /// A user's finding selects the user (the form, when the list was opened there); a file's finding
    /// selects the Users screen's file row, since the Preview shows what scimterm builds, not the file.
    private static func jump(to ref: ProblemsState.Ref, from: Screen, _ context: ScreenContext,
                             users: inout UsersState, store: RecordStore, lookup: UsersLookup) -> [ScreenEffect] {
        switch ref {
        case .file:
            users.onFile = true
            return [.switchTo(.users), .message(StatusMessage("the file's own findings: the file row above the users (↑ from the first user)"))]
        case .user(let id, _):
            guard users.reveal(id: id, store: store, viewport: lookup.viewport(context), severity: lookup.severityLookup) else { return [] }
            return [from == .form ? .follow(.form) : .switchTo(.users)]
        }
    }
}

/// The App's side of the Problems overlay: the list lives in `overlay`, its rows come from the
/// findings, the diagnostics and the store.
extension AppState {
    mutating func openProblems(effects: inout [AppEffect]) {
        apply(ProblemsUpdate.open(from: screen, source: problemSource, validated: validatedGeneration >= 0), effects: &effects)
    }

    mutating func problemsKey(_ key: Key, _ problems: ProblemsState, effects: inout [AppEffect]) {
        // x "add to the job's schema" leaves the list for its confirmation (or says why not, list kept).
        if key == .character("x") {
            if let ref = problems.selectedRef, let row = problemRow(ref) { offerSchemaExtend(row.diagnostic, effects: &effects) }
            return
        }
        var next = problems
        let requests = ProblemsUpdate.key(&next, key, context, users: &users, store: store, lookup: usersLookup)
        overlay = .problems(next)
        apply(requests, effects: &effects)
    }
}
