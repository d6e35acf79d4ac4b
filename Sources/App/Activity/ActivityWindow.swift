import Foundation
import Provisioning
import TerminalUI

/// What the Activity pane asks of the activity store; the runner answers with an `ActivityResult`.
public enum ActivityRequest: Sendable, Equatable {
    /// The exchanges with these ids (rows scrolled into the window).
    case page(ids: [Int])
    /// The ids of every exchange of the session containing the text.
    case search(String)
    /// The whole session as HAR, streamed from the store to `path` (answered by `.fileWritten`).
    case exportHAR(path: String)
}

/// The store's answers.
public enum ActivityResult: Sendable {
    case pageLoaded([HTTPExchange])
    case searched(query: String, ids: [Int], upTo: Int)
}

/// The window kept in memory and what to ask the store for, worked out from the state after every
/// action rather than by each action: whatever moved the selection (a key, a search, a new
/// exchange), the window follows.
extension ActivityState {
    /// The rows kept in memory: `window` rows around the selection, and the last `tail` rows.
    func wantedRows() -> [Range<Int>] {
        let count = rows.count
        let lower = max(0, min(list.selected - Self.window / 2, count - Self.window))
        let around = lower..<min(count, lower + Self.window)
        let end = max(0, count - Self.tail)..<count
        return end.lowerBound <= around.upperBound ? [around.lowerBound..<count] : [around, end]
    }

    func wantedIDs() -> Set<Int> {
        var ids = Set<Int>()
        for range in wantedRows() { for row in range { ids.insert(rows[row]) } }
        return ids
    }

    /// Drops what left the window, builds the selected exchange's detail if it changed, and says
    /// what to ask the store: the window's missing exchanges, and a search memory cannot answer.
    mutating func settle(viewport: Int, zone: TimeZone) -> [ActivityRequest] {
        let wanted = wantedIDs()
        if loaded.count > wanted.count { loaded = loaded.filter { wanted.contains($0.key) } }
        asked.formIntersection(wanted)
        refreshDetail(zone: zone)
        var requests: [ActivityRequest] = []
        if isSearching, askedQuery != query {
            askedQuery = query
            requests.append(.search(query))
        }
        let missing = wanted.filter { loaded[$0] == nil && !asked.contains($0) }.sorted()
        if !missing.isEmpty {
            asked.formUnion(missing)
            requests.append(.page(ids: missing))
        }
        return requests
    }

    /// A page from the store: what is still wanted is kept. An id it did not have stays asked
    /// (shown as a placeholder) until it leaves the window, rather than being asked again and again.
    mutating func pageLoaded(_ page: [HTTPExchange]) {
        let wanted = wantedIDs()
        for exchange in page where wanted.contains(exchange.id) && exchange.id <= total { loaded[exchange.id] = exchange }
    }

    /// The detail follows the selection, keeping its scroll while the same exchange stays selected;
    /// an exchange still being paged in shows once it arrives.
    private mutating func refreshDetail(zone: TimeZone) {
        guard let id = selectedID, let exchange = loaded[id] else {
            if detailID != nil || selectedID == nil { detail = TextPaneState(text: "") }
            detailID = nil
            return
        }
        guard id != detailID else { return }
        detailID = id
        detail = TextPaneState(text: ExchangeText.detail(exchange, zone: zone))
        if !query.isEmpty { detail = detail.searching(query, viewport: 1) }
    }
}
