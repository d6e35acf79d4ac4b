import Foundation
import Provisioning
import TerminalUI

/// Where the App hands the Activity screen its keys, commands and answers: routing only, the
/// behaviour is `ActivityUpdate`'s over `activity`, and its requests come back through `apply`.
extension AppState {
    var activitySurroundings: ActivitySurroundings { ActivitySurroundings(send: send, exportDirectory: exportDirectory) }

    var activityLayout: ActivityLayout { ActivityUpdate.layout(activity, context, activitySurroundings) }

    /// An exchange that arrived whole (tests, and callers without the recorder's feed).
    mutating func recordExchange(_ exchange: HTTPExchange) {
        activity.append(exchange, viewport: activityLayout.listRows)
    }

    /// Keys on the Activity screen: the search field while it is open takes the text.
    mutating func activityKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        guard let requests = ActivityUpdate.key(&activity, key, context, activitySurroundings) else { return false }
        apply(requests, effects: &effects)
        return true
    }

    mutating func activityCommand(_ command: ActivityCommand, effects: inout [AppEffect]) {
        // The send is the App's: Esc cancels it when one runs, and only otherwise reaches the screen.
        if command == .cancelSend, cancelSend(effects: &effects) { return }
        apply(ActivityUpdate.update(&activity, command, context, activitySurroundings), effects: &effects)
    }

    mutating func activityAnswered(_ result: ActivityResult, effects: inout [AppEffect]) {
        apply(ActivityUpdate.answered(&activity, result, context, activitySurroundings), effects: &effects)
    }

    /// The answers of the export dialogs.
    mutating func exportAnswered(_ purpose: DialogPurpose, path: String, effects: inout [AppEffect]) {
        apply(ActivityUpdate.exportAnswered(activity, purpose, path: path, context), effects: &effects)
    }

    /// After every action the window is settled (paged in, searched, the detail read).
    mutating func settleActivity(effects: inout [AppEffect]) {
        apply(ActivityUpdate.settle(&activity, context), effects: &effects)
    }
}
