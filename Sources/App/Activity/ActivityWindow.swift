import Foundation
import Provisioning
import TerminalUI

/// What the Activity pane asks of the recorder and the activity store; the runner answers with an
/// `ActivityResult`.
public enum ActivityRequest: Sendable, Equatable {
    /// The summaries of the exchanges with these ids (rows scrolled into the window).
    case page(ids: [Int])
    /// The ids of every exchange of the session containing the text.
    case search(String)
    /// The whole session as HAR, streamed from the store to `path` (answered by `.fileWritten`).
    case exportHAR(path: String)
    /// The summaries waiting in the recorder's feed (answered by `.recorded`).
    case takeRecorded
    /// One exchange whole and its detail text, built off the loop (answered by `.detailRead`).
    case detail(id: Int, zone: TimeZone)
    /// One exchange's detail text written to `path` (answered by `.fileWritten`).
    case saveExchange(id: Int, path: String, zone: TimeZone)
}

/// The runner's answers.
public enum ActivityResult: Sendable {
    case pageLoaded([ExchangeSummary])
    case searched(query: String, ids: [Int], upTo: Int)
    /// The recorder has summaries waiting: the pane takes them when it settles.
    case recordedWaiting
    /// The summaries the feed held, oldest first.
    case recorded([ExchangeSummary])
    /// The exchange asked for whole, with its detail already laid out; nil when the store has none.
    case detailRead(id: Int, ExchangeDetail?)
}

/// An exchange whole and its detail pane, made off the UI loop.
public struct ExchangeDetail: Sendable {
    public var exchange: HTTPExchange
    public var text: String
    public var pane: TextPaneState
    /// For an error response, the line kept in view when the detail opens (`ExchangeText.detailLines`).
    var errorAnchor: Int?

    public init(_ exchange: HTTPExchange, zone: TimeZone) {
        self.exchange = exchange
        let laid = ExchangeText.detailLines(exchange, zone: zone)
        text = laid.lines.joined(separator: "\n")
        errorAnchor = laid.errorAnchor
        pane = TextPaneState(text: text)
    }
}

/// The window kept in memory and what to ask for, worked out from the state after every action
/// rather than by each action: whatever moved the selection (a key, a search, a new exchange), the
/// window and the detail follow.
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

    /// Drops what left the window, and says what to ask for: the recorder's waiting summaries, the
    /// selected exchange's detail, a search memory cannot answer, the window's missing summaries.
    mutating func settle(zone: TimeZone) -> [ActivityRequest] {
        let wanted = wantedIDs()
        if loaded.count > wanted.count { loaded = loaded.filter { wanted.contains($0.key) } }
        asked.formIntersection(wanted)
        var requests: [ActivityRequest] = []
        if recordedWaiting {
            recordedWaiting = false
            requests.append(.takeRecorded)
        }
        if let id = refreshDetail(zone: zone) { requests.append(.detail(id: id, zone: zone)) }
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
    mutating func pageLoaded(_ page: [ExchangeSummary]) {
        let wanted = wantedIDs()
        for summary in page where wanted.contains(summary.id) && summary.id <= total { loaded[summary.id] = summary }
    }

    /// The detail read for `id`: shown if `id` is still selected (else the next settle asks for the
    /// one that is). One the store does not have shows empty rather than being asked again.
    mutating func detailRead(id: Int, _ read: ExchangeDetail?) {
        if detailAsked == id { detailAsked = nil }
        guard id == selectedID else { return }
        if let read { keepWhole(read.exchange) }
        show(id: id, text: read?.text ?? "", pane: read?.pane, errorAnchor: read?.errorAnchor)
    }

    /// The detail follows the selection, keeping its scroll while the same exchange stays selected.
    /// One at hand whole is laid out here; otherwise the id to read (nil: nothing to ask).
    private mutating func refreshDetail(zone: TimeZone) -> Int? {
        guard let id = selectedID else {
            if detailID != nil || !detailText.isEmpty { show(id: nil, text: "", pane: nil) }
            return nil
        }
        if id == detailID {
            if detailQuery != query { show(id: id, text: detailText, pane: nil, errorAnchor: detailErrorAnchor) }
            return nil
        }
        if let exchange = wholeExchange(id) {
            let laid = ExchangeText.detailLines(exchange, zone: zone)
            show(id: id, text: laid.lines.joined(separator: "\n"), pane: nil, errorAnchor: laid.errorAnchor)
            return nil
        }
        // The previous exchange's text would be wrong under this one's title.
        if detailID != nil { show(id: nil, text: "", pane: nil) }
        guard detailAsked == nil else { return nil }
        detailAsked = id
        return id
    }

    private mutating func show(id: Int?, text: String, pane: TextPaneState?, errorAnchor: Int? = nil) {
        detailID = id
        detailText = text
        detailQuery = query
        detailErrorAnchor = errorAnchor
        detail = pane ?? TextPaneState(text: text)
        // A search places the detail at its first match; otherwise an error opens at its body.
        detailOpensAtError = errorAnchor != nil && query.isEmpty
        if !query.isEmpty { detail = detail.searching(query, viewport: 1) }
    }
}
