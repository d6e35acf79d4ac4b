import SCIM
import TerminalUI

/// The preview's share of the screen: a summary line, the JSON, and a line for the search field.
struct PreviewLayout {
    var body: Rect
    init(size: Size) { body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2)) }
    var header: Rect { Rect(x: body.x, y: body.y, width: body.width, height: 1) }
    var pane: Rect { Rect(x: body.x, y: body.y + 1, width: body.width, height: max(1, body.height - 2)) }
    var footer: Rect { Rect(x: body.x, y: body.maxY - 1, width: body.width, height: 1) }
}

extension AppState {
    var previewViewport: Int { PreviewLayout(size: size).pane.height }

    /// Builds the documents when the preview is shown after a change.
    mutating func ensurePreview() {
        if preview == nil { preview = PreviewState(store: store, builder: BulkRequestBuilder(batchSize: batchSize)) }
    }

    mutating func typeInSearch(_ key: Key, field: TextFieldState) {
        guard var current = preview else { return }
        switch key {
        case .escape: current.searchField = nil
        case .enter:
            current.searchField = nil
            current.pane = current.pane.searching(field.text, viewport: previewViewport)
            let count = current.pane.matches.count
            message = StatusMessage(count == 0 ? "\"\(field.text)\" not found in this document" : "\(count) match\(count == 1 ? "" : "es") (n / N)",
                                    count == 0 ? .warning : .info)
        default:
            if let edited = field.handling(key) { current.searchField = edited }
        }
        preview = current
    }

    mutating func previewCommand(_ command: PreviewCommand) {
        ensurePreview()
        guard var current = preview else { return }
        switch command {
        case .move(let move):
            guard let moved = current.pane.handling(move, viewport: previewViewport) else { return }
            current.pane = moved
        case .search: current.searchField = TextFieldState(current.pane.query)
        case .nextDocument: current.show(current.index + 1)
        case .previousDocument: current.show(current.index - 1)
        case .jumpToUser:
            jumpToSelectedUser()
            return
        case .saveAs:
            overlay = .dialog(DialogState(kind: .prompt(masked: false), title: "Save as",
                                          message: "Write the \(current.documents.count) document(s), pretty, to:",
                                          input: "scimterm-preview.json"), .saveAs)
        }
        preview = current
    }

    /// Shows the operation of the user being edited, or else the one selected on the Users screen.
    mutating func jumpToSelectedUser() {
        let target = (screen == .form ? form?.recordID : nil) ?? users.selectedID(store: store)
        ensurePreview()
        screen = .preview
        guard let target, var current = preview else { return }
        if let found = current.reveal(recordID: target, viewport: previewViewport) {
            message = StatusMessage("document \(found.document + 1), operation \(found.operation + 1) (bulkId \(found.bulkId))")
        }
        preview = current
    }
}
