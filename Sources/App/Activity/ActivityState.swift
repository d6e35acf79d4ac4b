import Foundation
import Provisioning
import TerminalUI

/// The Activity pane: every request and response of the session, a list and the selected
/// exchange in full. It follows the newest exchange unless the operator moved away from it.
public struct ActivityState: Equatable, Sendable {
    public private(set) var exchanges: [HTTPExchange] = []
    /// Positions in `exchanges` shown in the list (all, or those matching the search).
    public private(set) var rows: [Int] = []
    public var list = ListState()
    /// Stays on the newest exchange as they arrive; off once the operator selects another.
    public var followsTail = true
    /// The selected exchange in full (request, response, timings), scrollable and searchable.
    public private(set) var detail = TextPaneState(text: "")
    private var detailID: Int?
    /// Where arrows go: the list, or the detail of the selected exchange.
    public var focusOnDetail = false
    public var searchField: TextFieldState?
    public private(set) var query = ""
    /// The pane shown under every screen (F2); the Activity screen shows it full-size.
    public var split = false

    public init() {}

    /// Adds an exchange in id order; one already there (posted twice at start-up) is ignored.
    mutating func append(_ exchange: HTTPExchange, viewport: Int) {
        if let last = exchanges.last, exchange.id <= last.id {
            guard !exchanges.contains(where: { $0.id == exchange.id }) else { return }
            let at = exchanges.firstIndex { $0.id > exchange.id } ?? exchanges.count
            exchanges.insert(exchange, at: at)
            refreshRows(viewport: viewport)
            return
        }
        exchanges.append(exchange)
        if query.isEmpty || ExchangeText.matches(exchange, query) { rows.append(exchanges.count - 1) }
        if followsTail { list = list.movedToBottom(total: rows.count, viewport: viewport) }
        refreshDetail()
    }

    public var selected: HTTPExchange? {
        guard list.selected >= 0, list.selected < rows.count else { return nil }
        return exchanges[rows[list.selected]]
    }

    /// Moves the selection; reaching the newest exchange turns following back on.
    mutating func move(_ action: KeyAction, viewport: Int) -> Bool {
        guard let moved = list.handling(action, total: rows.count, viewport: viewport) else { return false }
        list = moved
        followsTail = list.selected >= rows.count - 1
        refreshDetail()
        return true
    }

    mutating func scrollDetail(_ action: KeyAction, viewport: Int) -> Bool {
        guard let scrolled = detail.handling(action, viewport: viewport) else { return false }
        detail = scrolled
        return true
    }

    /// Shows only the exchanges whose text (request, response, ids) contains the query.
    mutating func search(_ newQuery: String, viewport: Int) {
        let keep = selected?.id
        query = newQuery
        refreshRows(viewport: viewport)
        if let keep, let row = rows.firstIndex(where: { exchanges[$0].id == keep }) {
            list = ListState(selected: row).clamped(total: rows.count, viewport: viewport)
        } else {
            list = list.movedToBottom(total: rows.count, viewport: viewport)
        }
        detailID = nil
        refreshDetail()
    }

    private mutating func refreshRows(viewport: Int) {
        rows = exchanges.indices.filter { query.isEmpty || ExchangeText.matches(exchanges[$0], query) }
        list = list.clamped(total: rows.count, viewport: viewport)
    }

    /// The detail follows the selection, keeping its scroll while the same exchange stays selected.
    private mutating func refreshDetail() {
        guard let exchange = selected else {
            detail = TextPaneState(text: "")
            detailID = nil
            return
        }
        guard exchange.id != detailID else { return }
        detailID = exchange.id
        detail = TextPaneState(text: ExchangeText.detail(exchange))
        if !query.isEmpty { detail = detail.searching(query, viewport: 1) }
    }
}
