import Foundation
import Provisioning
import TerminalUI

/// The Activity pane: every request and response of the session, a list and the selected
/// exchange in full. It follows the newest exchange unless the operator moved away from it.
public struct ActivityState: Equatable, Sendable {
    public private(set) var exchanges: [HTTPExchange] = []
    /// Each exchange's full text (what the detail shows), made once when it arrives: search reads
    /// it on every keystroke, and pretty-printing every body each time would not keep up.
    private var texts: [String] = []
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
    mutating func append(_ exchange: HTTPExchange, viewport: Int, zone: TimeZone) {
        if let last = exchanges.last, exchange.id <= last.id {
            guard !exchanges.contains(where: { $0.id == exchange.id }) else { return }
            let at = exchanges.firstIndex { $0.id > exchange.id } ?? exchanges.count
            exchanges.insert(exchange, at: at)
            texts.insert(ExchangeText.detail(exchange, zone: zone), at: at)
            refreshRows(viewport: viewport)
            return
        }
        exchanges.append(exchange)
        texts.append(ExchangeText.detail(exchange, zone: zone))
        if matches(exchanges.count - 1) { rows.append(exchanges.count - 1) }
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
        rows = exchanges.indices.filter(matches)
        list = list.clamped(total: rows.count, viewport: viewport)
    }

    private func matches(_ index: Int) -> Bool {
        query.isEmpty || texts[index].range(of: query, options: .caseInsensitive) != nil
    }

    /// The detail follows the selection, keeping its scroll while the same exchange stays selected.
    private mutating func refreshDetail() {
        guard list.selected >= 0, list.selected < rows.count else {
            detail = TextPaneState(text: "")
            detailID = nil
            return
        }
        let index = rows[list.selected]
        guard exchanges[index].id != detailID else { return }
        detailID = exchanges[index].id
        detail = TextPaneState(text: texts[index])
        if !query.isEmpty { detail = detail.searching(query, viewport: 1) }
    }
}
