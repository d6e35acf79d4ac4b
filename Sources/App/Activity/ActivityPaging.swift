import Foundation
import Provisioning

/// The Activity pane's side of the store: after every action the window is settled (paged in,
/// searched), and the store's answers come back here.
extension AppState {
    mutating func settleActivity(effects: inout [AppEffect]) {
        effects += activity.settle(viewport: activityLayout.listRows, zone: timeZone).map(AppEffect.activity)
    }

    mutating func activityAnswered(_ result: ActivityResult) {
        switch result {
        case .pageLoaded(let page):
            activity.pageLoaded(page)
        case .searched(let query, let ids, let upTo):
            guard query == activity.query, activity.isSearching else { return }
            activity.searched(query, ids: ids, upTo: upTo, viewport: activityLayout.listRows)
            // The search was confirmed (Enter) before the store answered: the count belongs in the status line.
            if activity.searchField == nil {
                message = StatusMessage(activity.rows.isEmpty ? "no exchange contains \"\(query)\"" : "\(activity.rows.count) exchanges contain \"\(query)\"")
            }
        }
    }
}
