import SCIM
import TerminalUI

/// How the Problems overlay divides the frame; update and view share it so paging matches what is drawn.
struct ProblemsLayout {
    var frame: Rect

    init(size: Size) {
        let width = max(20, size.width - 4)
        let height = max(8, size.height - 2)
        frame = Rect(x: (size.width - width) / 2, y: max(0, (size.height - height) / 2), width: width, height: height)
    }

    var inner: Rect { Rect(x: frame.x + 1, y: frame.y + 1, width: frame.width - 2, height: frame.height - 2) }
    /// The selected finding in full (message and fix, wrapped) under the list.
    var detailHeight: Int { inner.height >= 16 ? 5 : 3 }
    /// Column titles and the rows.
    var table: Rect { Rect(x: inner.x, y: inner.y, width: inner.width, height: max(2, inner.height - detailHeight - 1)) }
    var detail: Rect { Rect(x: inner.x, y: table.maxY + 1, width: inner.width, height: max(0, inner.maxY - table.maxY - 1)) }
    var viewport: Int { max(1, table.height - 1) }
}

extension AppState {
    /// `!`: the list of every finding, over whatever screen is showing.
    mutating func openProblems() {
        let problems = ProblemsState(findings: findings, store: store, diagnostics: diagnostics, from: screen)
        if problems.isEmpty {
            message = StatusMessage(validatedGeneration < 0 ? "still checking the users…" : "no problems found: the file and every user are clean",
                                    validatedGeneration < 0 ? .info : .success)
            return
        }
        overlay = .problems(problems)
    }

    /// Keys while the Problems list is open: moves, Enter jumps to the finding's user, Esc closes.
    mutating func problemsKey(_ key: Key, _ problems: ProblemsState) {
        var next = problems
        let viewport = ProblemsLayout(size: size).viewport
        if key == .escape || key == .character("!") || key == .character("q") {
            overlay = nil
            return
        }
        if key == .enter {
            overlay = nil
            if let ref = problems.selectedRef { jump(to: ref, from: problems.from) }
            return
        }
        guard let move = ListMove(key: key), let moved = next.list.handling(move, total: next.refs.count, viewport: viewport) else { return }
        next.list = moved
        overlay = .problems(next)
    }

    /// A user's finding selects the user (the form, when the list was opened there); a file's finding
    /// selects the Users screen's file row, since the Preview shows what scimterm builds, not the file.
    private mutating func jump(to ref: ProblemsState.Ref, from: Screen) {
        switch ref {
        case .file:
            screen = .users
            users.onFile = true
            message = StatusMessage("the file's own findings: the file row above the users (↑ from the first user)")
        case .user(let id, _):
            guard let position = store.index(ofID: id) else { return }
            users.onFile = false
            if !users.rows.contains(position) {
                users.filterField = nil
                users.filter("", store: store, viewport: usersViewport, severity: severityLookup())
            }
            users.reselect(id: id, store: store, viewport: usersViewport)
            if from == .form { openForm() } else { screen = .users }
        }
    }
}
