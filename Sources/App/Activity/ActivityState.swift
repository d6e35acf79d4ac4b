import Foundation
import Provisioning
import TerminalUI

/// The Activity pane: every request and response of the session, a list and the selected
/// exchange in full. It follows the newest exchange unless the operator moved away from it.
///
/// Only a window of exchanges lives here (around the selection, and the newest for the pane under
/// other screens); the session's others are in the activity store and are paged in as the list
/// scrolls (`ActivityWindow`), so a send of 100,000 users costs the same memory as one of 100.
public struct ActivityState: Equatable, Sendable {
    /// Exchanges kept around the selection.
    public static let window = 200
    /// The newest exchanges kept besides, for the pane under other screens.
    static let tail = 50

    /// The exchanges in memory, by id (ids run 1...total: the recorder numbers them).
    public internal(set) var loaded: [Int: HTTPExchange] = [:]
    /// How many exchanges the session recorded, loaded or not.
    public internal(set) var total = 0
    /// The ids containing the search, in order; nil without a search.
    var matches: [Int]?
    public var list = ListState()
    /// Stays on the newest exchange as they arrive; off once the operator selects another.
    public var followsTail = true
    /// The selected exchange in full (request, response, timings), scrollable and searchable; its
    /// text is built for the selected exchange only, once per selection.
    public internal(set) var detail = TextPaneState(text: "")
    var detailID: Int?
    /// Where arrows go: the list, or the detail of the selected exchange.
    public var focusOnDetail = false
    public var searchField: TextFieldState?
    public private(set) var query = ""
    /// The query the store was asked (or answered) for; a different one is asked anew.
    var askedQuery: String?
    /// Ids in the window asked of the store and not loaded (not answered yet, or not there), so
    /// each is asked once while it stays in the window.
    var asked: Set<Int> = []
    /// The pane shown under every screen (F2); the Activity screen shows it full-size.
    public var split = false

    public init() {}

    /// The shown rows: every exchange, or those containing the search.
    public var rows: ActivityRows { ActivityRows(total: total, matches: matches) }

    /// The loaded exchanges in id order (all of them while the session fits in the window).
    public var exchanges: [HTTPExchange] { loaded.values.sorted { $0.id < $1.id } }

    /// Every exchange of the session is in memory: search and export need not ask the store.
    public var isComplete: Bool { loaded.count == total }

    /// The store has not answered the search yet; the rows are those found in memory so far.
    public var isSearching: Bool { searchPending }
    private(set) var searchPending = false

    public var selectedID: Int? {
        guard list.selected >= 0, list.selected < rows.count else { return nil }
        return rows[list.selected]
    }

    public var selected: HTTPExchange? { selectedID.flatMap { loaded[$0] } }

    /// Adds an exchange as it is recorded; one already counted (posted twice at start-up) only
    /// fills its place if that is in the window.
    mutating func append(_ exchange: HTTPExchange, viewport: Int) {
        guard exchange.id > total else {
            if loaded[exchange.id] == nil, wantedIDs().contains(exchange.id) { loaded[exchange.id] = exchange }
            return
        }
        total = exchange.id
        if matches != nil, ExchangeSearchText.matches(exchange, query) { matches?.append(exchange.id) }
        loaded[exchange.id] = exchange
        if followsTail { list = list.movedToBottom(total: rows.count, viewport: viewport) }
    }

    /// Moves the selection; reaching the newest exchange turns following back on.
    mutating func move(_ action: KeyAction, viewport: Int) -> Bool {
        guard let moved = list.handling(action, total: rows.count, viewport: viewport) else { return false }
        list = moved
        followsTail = list.selected >= rows.count - 1
        return true
    }

    mutating func scrollDetail(_ action: KeyAction, viewport: Int) -> Bool {
        guard let scrolled = detail.handling(action, viewport: viewport) else { return false }
        detail = scrolled
        return true
    }

    /// Shows only the exchanges whose text (request, response, ids) contains the query: at once
    /// when the whole session is in memory, otherwise what memory holds now and the store's answer
    /// when it comes (`ActivityWindow.requests`).
    mutating func search(_ newQuery: String, viewport: Int) {
        let keep = selectedID
        query = newQuery
        askedQuery = nil
        searchPending = false
        if newQuery.isEmpty {
            matches = nil
        } else {
            matches = exchanges.filter { ExchangeSearchText.matches($0, newQuery) }.map(\.id)
            searchPending = !isComplete
        }
        reselect(keep, viewport: viewport)
    }

    /// The store's answer to a search: its ids, and those recorded since that contain the query.
    mutating func searched(_ answered: String, ids: [Int], upTo: Int, viewport: Int) {
        guard answered == query, searchPending else { return }
        let keep = selectedID
        matches = ids + (matches ?? []).filter { $0 > upTo }
        searchPending = false
        reselect(keep, viewport: viewport)
    }

    /// Keeps `id` selected if it still shows, else goes to the newest; the detail is rebuilt.
    private mutating func reselect(_ id: Int?, viewport: Int) {
        if let id, let row = rows.firstIndex(of: id) {
            list = ListState(selected: row).clamped(total: rows.count, viewport: viewport)
        } else {
            list = list.movedToBottom(total: rows.count, viewport: viewport)
        }
        detailID = nil
    }
}

/// The rows of the Activity list as exchange ids, without making an array of every id.
public struct ActivityRows: RandomAccessCollection, Equatable, Sendable {
    let total: Int
    let matches: [Int]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { matches?.count ?? total }
    public subscript(position: Int) -> Int { matches?[position] ?? position + 1 }

    /// The row of `id`: ids are in order, so a binary search.
    public func firstIndex(of id: Int) -> Int? {
        guard let matches else { return id >= 1 && id <= total ? id - 1 : nil }
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < matches.count && matches[low] == id ? low : nil
    }
}
