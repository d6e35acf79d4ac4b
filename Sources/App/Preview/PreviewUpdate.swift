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
    static func update(_ state: inout PreviewState, _ command: PreviewCommand, _ context: ScreenContext,
                       selected: Int?, exportDirectory: String? = nil) -> [ScreenEffect] {
        switch command {
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
