import SCIM

/// What a screen's pure update asks of the App beyond its own state. A screen never reaches into
/// `AppState`: it returns these, and `AppState.apply(_:effects:)` carries them out in order.
public enum ScreenEffect: Equatable, Sendable {
    /// Work for the runner (network, files), as every `AppEffect`.
    case run(AppEffect)
    /// A line for the status bar; nil clears it.
    case message(StatusMessage?)
    /// Opens (or, with nil, closes) the help, the palette, a dialog or the problems list.
    case overlay(Overlay?)
    case switchTo(Screen)
    /// The workspace changed: autosave and revalidation follow once edits settle.
    case workspaceChanged
    /// Users were added, removed or restored: the header's counts are recounted, the preview is
    /// rebuilt when next shown, and the workspace changed.
    case recordsChanged
    /// Another screen opened on the Users screen's selected user (the form, the preview, the logs).
    case follow(UserLink)
    /// A screen edited one record of the workspace (the user form): store it with its fresh
    /// diagnostics, mark it unsent, drop the stale preview; autosave follows as for `workspaceChanged`.
    case recordEdited(id: Int, record: UserRecord, diagnostics: [Diagnostic])
    /// Ask Entra's parseExpression about this user's mappings ("check with Entra"; nil: no user).
    case checkWithEntra(recordID: Int?)
}

extension AppState {
    /// Carries out a screen's requests; the one place a screen's update touches the rest of the App.
    mutating func apply(_ requests: [ScreenEffect], effects: inout [AppEffect]) {
        for request in requests {
            switch request {
            case .run(let effect): effects.append(effect)
            case .message(let text): message = text
            case .overlay(let next): overlay = next
            case .switchTo(let target): switchTo(target)
            case .workspaceChanged: markChanged(effects: &effects)
            case .recordsChanged:
                recountDiagnostics()
                preview = nil
                markChanged(effects: &effects)
            case .follow(let link): follow(link, effects: &effects)
            case .recordEdited(let id, let record, let found): recordEdited(id: id, record: record, diagnostics: found, effects: &effects)
            case .checkWithEntra(let id): startEntraCheck(recordID: id, effects: &effects)
            }
        }
    }
}
