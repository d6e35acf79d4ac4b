import Foundation
import Provisioning
import TerminalUI

/// The Activity pane: every request and response of the session, a list and the selected
/// exchange in full. It follows the newest exchange unless the operator moved away from it.
///
/// Only a window of summaries lives here (around the selection, and the newest for the pane under
/// other screens); the session's exchanges are in the activity store and are paged in as the list
/// scrolls (`ActivityWindow`). Bodies are held for the selected exchange only (and the few that
/// arrived whole), so a send of 100,000 users costs the same memory as one of 100.
public struct ActivityState: Equatable, Sendable {
    /// Exchanges kept around the selection.
    public static let window = 200
    /// The newest exchanges kept besides, for the pane under other screens.
    static let tail = 50
    /// Whole exchanges kept (the selected one, and the newest that arrived whole).
    static let wholeKept = 8

    /// The summaries in memory, by id (ids run 1...total: the recorder numbers them).
    public internal(set) var loaded: [Int: ExchangeSummary] = [:]
    /// Whole exchanges at hand, oldest first: the selected one's, read for its detail, and those
    /// that arrived whole (`exchangeRecorded`).
    var whole: [HTTPExchange] = []
    /// How many exchanges the session recorded, loaded or not.
    public internal(set) var total = 0
    /// The ids containing the search, in order; nil without a search.
    var matches: [Int]?
    public var list = ListState()
    /// Stays on the newest exchange as they arrive; off once the operator selects another.
    public var followsTail = true
    /// The selected exchange in full (request, response, timings), scrollable and searchable; its
    /// text is built off the loop for the selected exchange only, once per selection.
    public internal(set) var detail = TextPaneState(text: "")
    /// The detail's text as built (what "save exchange" writes), and the exchange it is of.
    var detailText = ""
    var detailID: Int?
    /// The search the detail's pane marks; another one is marked anew from `detailText`.
    var detailQuery = ""
    /// For an error response, the detail's line to keep in view (the body's first), and whether the
    /// detail still opens there: the first scroll of the operator's takes over (`ActivityDetailFit`).
    var detailErrorAnchor: Int?
    var detailOpensAtError = false
    /// The finished send whose full report the operator opened (r), by when it started; any other
    /// send shows folded to one line once it finishes.
    public var reportOpen: Date?
    /// The exchange whose detail the store is being asked for (one at a time).
    var detailAsked: Int?
    /// Where arrows go: the list, or the detail of the selected exchange.
    public var focusOnDetail = false
    public var searchField: TextFieldState?
    public private(set) var query = ""
    /// The query the store was asked (or answered) for; a different one is asked anew.
    var askedQuery: String?
    /// Ids in the window asked of the store and not loaded (not answered yet, or not there), so
    /// each is asked once while it stays in the window.
    var asked: Set<Int> = []
    /// The recorder has summaries waiting; the next settle takes them.
    var recordedWaiting = false
    /// The pane shown under every screen (F2); the Activity screen shows it full-size.
    public var split = false

    public init() {}

    /// The shown rows: every exchange, or those containing the search.
    public var rows: ActivityRows { ActivityRows(total: total, matches: matches) }

    /// The loaded summaries in id order (all of them while the session fits in the window).
    public var exchanges: [ExchangeSummary] { loaded.values.sorted { $0.id < $1.id } }

    /// Every exchange of the session, whole, when memory has them all (a session of a few): search
    /// and export need not ask the store.
    var wholeSession: [HTTPExchange]? {
        guard total > 0, whole.count == total else { return nil }
        let sorted = whole.sorted { $0.id < $1.id }
        return sorted.first?.id == 1 && sorted.last?.id == total ? sorted : nil
    }

    /// The store has not answered the search yet; the rows are those found in memory so far.
    public var isSearching: Bool { searchPending }
    private(set) var searchPending = false

    public var selectedID: Int? {
        guard list.selected >= 0, list.selected < rows.count else { return nil }
        return rows[list.selected]
    }

    public var selected: ExchangeSummary? { selectedID.flatMap { loaded[$0] } }

    /// The selected exchange whole, once read (curl, PowerShell and save need its headers and body).
    public var selectedExchange: HTTPExchange? { selectedID.flatMap(wholeExchange) }

    func wholeExchange(_ id: Int) -> HTTPExchange? { whole.last { $0.id == id } }

    /// Keeps a whole exchange at hand, dropping the oldest beyond `wholeKept`.
    mutating func keepWhole(_ exchange: HTTPExchange) {
        whole.removeAll { $0.id == exchange.id }
        whole.append(exchange)
        if whole.count > Self.wholeKept { whole.removeFirst(whole.count - Self.wholeKept) }
    }

    /// An exchange that arrived whole: its summary joins the list, the exchange is kept at hand.
    mutating func append(_ exchange: HTTPExchange, viewport: Int) {
        if exchange.id > total || wantedIDs().contains(exchange.id) { keepWhole(exchange) }
        append(ExchangeSummary(exchange), viewport: viewport)
    }

    /// Adds a summary as it is recorded; one already counted only fills its place if that is in the
    /// window. Ids may jump (the feed keeps only the newest): those between are paged in if wanted.
    mutating func append(_ summary: ExchangeSummary, viewport: Int) {
        guard summary.id > total else {
            if loaded[summary.id] == nil, wantedIDs().contains(summary.id) { loaded[summary.id] = summary }
            return
        }
        if summary.id > total + 1, matches != nil {
            // Some were never seen here: only the store can say whether they contain the search.
            searchPending = true
            askedQuery = nil
        }
        total = summary.id
        if matches != nil, summary.matches(query) { matches?.append(summary.id) }
        loaded[summary.id] = summary
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
    /// when the whole session is in memory, otherwise what the summaries show now and the store's
    /// answer when it comes (`ActivityWindow.requests`).
    mutating func search(_ newQuery: String, viewport: Int) {
        let keep = selectedID
        query = newQuery
        askedQuery = nil
        searchPending = false
        if newQuery.isEmpty {
            matches = nil
        } else if let all = wholeSession {
            matches = all.filter { ExchangeSearchText.matches($0, newQuery) }.map(\.id)
        } else {
            matches = exchanges.filter { $0.matches(newQuery) }.map(\.id)
            searchPending = true
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

    /// Keeps `id` selected if it still shows, else goes to the newest.
    private mutating func reselect(_ id: Int?, viewport: Int) {
        if let id, let row = rows.firstIndex(of: id) {
            list = ListState(selected: row).clamped(total: rows.count, viewport: viewport)
        } else {
            list = list.movedToBottom(total: rows.count, viewport: viewport)
        }
    }
}
