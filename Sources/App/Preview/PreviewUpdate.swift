import SCIM
import TerminalUI

/// The Preview screen's pure update: keys of the search line and commands over `PreviewState`
/// alone. What the rest of the App must do (a status line, a dialog, a switch of screen) comes
/// back as `ScreenEffect`s; the Preview never asks the runner for work.
enum PreviewUpdate {
    /// Rows of JSON the pane shows: what a page moves and a search scrolls by.
    static func viewport(_ context: ScreenContext) -> Int { PreviewLayout(size: context.size).pane.height }

    /// Keys while the search line is open (they all go to it); not handled when it is closed.
    static func key(_ state: inout PreviewState, _ key: Key, _ context: ScreenContext) -> (handled: Bool, [ScreenEffect]) {
        guard let field = state.searchField else { return (false, []) }
        switch key {
        case .escape: state.searchField = nil
        case .enter:
            state.searchField = nil
            state.pane = state.pane.searching(field.text, viewport: viewport(context))
            let count = state.pane.matches.count
            let line = count == 0 ? "\"\(field.text)\" not found in this document" : "\(count) match\(count == 1 ? "" : "es") (n / N)"
            return (true, [.message(StatusMessage(line, count == 0 ? .warning : .info))])
        default:
            if let edited = field.handling(key) { state.searchField = edited }
        }
        return (true, [])
    }

    /// `selected` is the user whose operation `jumpToUser` shows (the one open in the form, or else
    /// the one selected on Users); nil when there is none.
    /// `exportDirectory` is where "save as" proposes to write (scimterm's exports folder).
    /// `computedCount` is how many attributes the mapping computes (what the computed view scrolls over).
    static func update(_ state: inout PreviewState, _ command: PreviewCommand, _ context: ScreenContext,
                       selected: Int?, exportDirectory: String? = nil, computedCount: Int = 0) -> [ScreenEffect] {
        switch command {
        case .move(let move) where state.showsComputed:
            state.computedTop = scrolled(state.computedTop, move, count: computedCount, rows: computedRows(context))
        case .whatEntraWillSet:
            state.showsComputed.toggle()
            let line = state.showsComputed ? (selected == nil ? "no user selected: pick one on Users (2)" : "what Entra will set for the selected user (e shows the JSON)")
                                           : "the JSON again (e shows what Entra will set)"
            return [.message(StatusMessage(line, state.showsComputed && selected == nil ? .warning : .info))]
        case .checkWithEntra:
            state.showsComputed = true
            return [.checkWithEntra(recordID: selected)]
        case .move(let move):
            if let moved = state.pane.handling(move, viewport: viewport(context)) { state.pane = moved }
        case .search: state.searchField = TextFieldState(state.pane.query)
        case .nextDocument: state.show(state.index + 1)
        case .previousDocument: state.show(state.index - 1)
        case .jumpToUser:
            return [.switchTo(.preview)] + (selected.map { reveal(&state, recordID: $0, context) } ?? [])
        case .saveAs:
            return [.overlay(.dialog(DialogState(kind: .prompt(masked: false), title: "Save as",
                                                 message: "Write the \(state.documents.count) document(s), pretty, to:",
                                                 input: proposedPath(context, exportDirectory: exportDirectory)), .saveAs))]
        }
        return []
    }

    /// Attribute rows the computed view shows (the pane less its title line).
    static func computedRows(_ context: ScreenContext) -> Int { ComputedUserView.rows(in: PreviewLayout(size: context.size).pane) }

    /// The computed view's first row after a move, kept so the last page is full.
    static func scrolled(_ top: Int, _ move: ListMove, count: Int, rows: Int) -> Int {
        let last = max(0, count - rows)
        switch move {
        case .up, .left, .previousMatch: return max(0, min(top, last) - 1)
        case .down, .right, .nextMatch: return min(last, top + 1)
        case .pageUp: return max(0, min(top, last) - max(1, rows - 1))
        case .pageDown: return min(last, top + max(1, rows - 1))
        case .top: return 0
        case .bottom: return last
        }
    }

    /// A name that saves as it is: in the exports folder, stamped with the time so it never
    /// overwrites an earlier save.
    static func proposedPath(_ context: ScreenContext, exportDirectory: String?) -> String {
        let name = "preview-\(TimeText.fileStamp(context.clock, timeZone: context.timeZone)).json"
        return exportDirectory.map { $0 + "/" + name } ?? name
    }

    /// Scrolls to the operation of a user and says which it is; says nothing when the user is not
    /// in the documents.
    static func reveal(_ state: inout PreviewState, recordID: Int, _ context: ScreenContext) -> [ScreenEffect] {
        guard let found = state.reveal(recordID: recordID, viewport: viewport(context)) else { return [] }
        return [.message(StatusMessage("document \(found.document + 1), operation \(found.operation + 1) (bulkId \(found.bulkId))"))]
    }
}
