import Foundation
import Provisioning
import TerminalUI

/// The Logs screen: provisioning log entries for the job, their filters, polling, and the job panel.
///
/// Entries are kept as one set across reads (log entries never change once written), so a filter
/// that narrows what is shown needs no new read; one that widens it asks Graph again.
public struct LogsState: Equatable, Sendable {
    /// Every entry read so far, newest first, one per id.
    public private(set) var entries: [LogEntry] = []
    /// A provisioning-log download opened as a file, kept apart from the live entries.
    public var imported: LogsImport?
    /// The screen shows the imported entries (i switches), not the live ones.
    public var showsImported = false
    /// Positions in `shown` that pass the filters, in display order.
    public private(set) var rows: [Int] = []
    public var list = ListState()
    /// First line of the detail pane on screen.
    public var detailTop = 0

    // MARK: Filters
    public var failuresOnly = false
    /// Show only the users of `upload`, from the time it was sent.
    public var uploadOnly = false
    /// Show only this user (exact externalId, as `sourceIdentity/id eq` matches it).
    public var externalId: String?
    public var window: LogsTimeWindow = .day
    /// The window's start, fixed when the window was chosen or the logs were last read.
    public var windowStart: Date?
    /// The externalId being typed after `/`; rows narrow on every keystroke.
    public var filterField: TextFieldState?

    // MARK: Reading and polling
    /// The last send with accepted users, whose logs are being followed.
    public var upload: LogsUpload?
    public var polling: LogsPolling = .idle
    /// Bumped by a new upload to follow (or a new connection): answers and polls of an older
    /// generation are ignored.
    public var generation = 0
    /// Reads of the current generation not answered yet.
    public var pendingReads = 0
    /// The last query read in full: a filter it covers needs no new read.
    public var lastQuery: LogQuery?
    public var lastRead: Date?
    /// Why the last read failed, shown until the next one succeeds.
    public var error: String?
    /// The endpoint the entries came from; another one (a new connection) starts afresh.
    public var endpoint: String?

    // MARK: Job
    public var job: JobStatus?
    /// When `job` was read (the runner's time of the answer): the screen says its age.
    public var jobReadAt: Date?
    public var jobError: String?
    public var jobReading = false
    /// A start, pause or restart sent and not answered yet.
    public var jobBusy: JobAction?

    /// How long after its 202 an upload's users may take to appear before the screen says they were
    /// not processed: the logs' documented 5 to 10 minutes, plus the ~40 minutes Microsoft allows
    /// after a restart from quarantine (ENTRA.md §5). Tests shorten it.
    public var notProcessedAfter: TimeInterval = 40 * 60
    /// When the Logs screen's own clock ticks next (nil: it is not ticking); ticks of other timers
    /// that come earlier do not start a second chain of ticks.
    var clockDue: Date?
    /// The chain's ticks are arriving, so `AppState.clock` is at most a second old.
    var clockTicking = false
    /// The per-upload reconciliation (s), shown in place of the entries.
    public var summary = LogsSummary()

    /// A read waits for the next tick (it needs the time for its window).
    var readOnTick = false
    /// The next tick reads again if what is shown is more than a minute old.
    var refreshOnTick = false

    public init() {}

    /// Adds the entries of a read, newest first, one per id (an entry never changes once written).
    mutating func merge(_ fresh: [ProvisioningLog], limit: Int = 10_000) {
        var seen = Set(entries.map(\.id))
        var added = false
        for log in fresh where !seen.contains(log.id) {
            seen.insert(log.id)
            entries.append(LogEntry(log))
            added = true
        }
        guard added else { return }
        entries = Self.newestFirst(entries)
        if entries.count > limit { entries.removeLast(entries.count - limit) }
    }

    /// Ties on the second keep the order they came in (Graph's and the portal's: newest first).
    static func newestFirst(_ entries: [LogEntry]) -> [LogEntry] {
        entries.enumerated().sorted { a, b in
            a.element.sortKey == b.element.sortKey ? a.offset < b.offset : a.element.sortKey > b.element.sortKey
        }.map(\.element)
    }

    /// Forgets what was read (another connection).
    mutating func reset() {
        entries = []
        rows = []
        list = ListState()
        detailTop = 0
        lastQuery = nil
        lastRead = nil
        error = nil
        job = nil
        jobReadAt = nil
        jobError = nil
        upload = nil
        uploadOnly = false
        polling = .idle
        summary = LogsSummary()
    }

    /// The set on screen: the imported entries or the live ones, never both mixed.
    public var shown: [LogEntry] {
        guard showsImported, let imported else { return entries }
        return imported.entries
    }

    public var selected: LogEntry? {
        let shown = self.shown
        guard list.selected >= 0, list.selected < rows.count, rows[list.selected] < shown.count else { return nil }
        return shown[rows[list.selected]]
    }

    /// The externalId typed so far (while `/` is open), else the one applied.
    var liveExternalId: String? {
        if let field = filterField { return field.text.isEmpty ? nil : field.text }
        return externalId
    }

    /// Whether an entry passes every filter; while typing, the user filter matches a part of the
    /// externalId. An imported entry's age says nothing about now: the time window and the
    /// upload leave it alone.
    func passes(_ entry: LogEntry) -> Bool {
        if failuresOnly && !entry.isFailure { return false }
        let live = entry.importedFrom == nil
        if live, let start = windowStart, let date = entry.date, date < start { return false }
        if live, uploadOnly, let upload, !upload.isOutcome(entry) { return false }
        if let typed = filterField?.text, !typed.isEmpty {
            return entry.log.externalId.lowercased().contains(typed.lowercased())
        }
        if let externalId, entry.log.externalId != externalId { return false }
        return true
    }

    /// Recomputes the rows after the entries or a filter changed, keeping the selected entry.
    mutating func refilter(viewport: Int) {
        let keep = selected?.id
        let shown = self.shown
        rows = shown.indices.filter { passes(shown[$0]) }
        if let keep, let row = rows.firstIndex(where: { shown[$0].id == keep }) {
            if row != list.selected { detailTop = 0 }
            list.selected = row
        } else {
            list.selected = 0
            detailTop = 0
        }
        list = list.clamped(total: rows.count, viewport: viewport)
    }

    /// The Graph query for the filters: each one that narrows the read goes into `$filter`.
    func query(now: Date) -> LogQuery {
        var since = window.seconds.map { now.addingTimeInterval(-$0) }
        if uploadOnly, let upload { since = max(since ?? .distantPast, upload.readFrom) }
        return LogQuery(externalId: externalId, since: since, failuresOnly: failuresOnly)
    }

    /// The users of the upload that have an entry newer than their document's 202.
    var uploadCovered: Set<String> {
        guard let upload else { return [] }
        var found: Set<String> = []
        for entry in entries where upload.isOutcome(entry) { found.insert(entry.log.externalId) }
        return found
    }

    /// The users of the upload without an entry yet, each with when its document was accepted.
    var uploadMissing: [String: Date] {
        guard let upload else { return [:] }
        let covered = uploadCovered
        return upload.acceptedAt.filter { !covered.contains($0.key) }
    }
}

/// A log entry with its time parsed once (sorting and the time window need it).
public struct LogEntry: Equatable, Sendable, Identifiable {
    public var log: ProvisioningLog
    public var date: Date?
    /// The download the entry was read from; nil for an entry read live from Graph.
    public var importedFrom: String?

    public init(_ log: ProvisioningLog, importedFrom: String? = nil) {
        self.log = log
        date = log.date
        self.importedFrom = importedFrom
    }

    public var id: String { log.id }
    var sortKey: Double { date?.timeIntervalSince1970 ?? 0 }
    public var isFailure: Bool { log.isFailure }
}

/// How far back the logs go.
public enum LogsTimeWindow: Int, CaseIterable, Sendable {
    case hour, day, week, all

    public var title: String {
        switch self {
        case .hour: return "last hour"
        case .day: return "last 24 h"
        case .week: return "last 7 days"
        case .all: return "any time"
        }
    }

    public var seconds: TimeInterval? {
        switch self {
        case .hour: return 3600
        case .day: return 86_400
        case .week: return 7 * 86_400
        case .all: return nil
        }
    }

    public var next: LogsTimeWindow { LogsTimeWindow(rawValue: (rawValue + 1) % Self.allCases.count) ?? .hour }
}

/// Where following an upload stands.
public enum LogsPolling: Equatable, Sendable {
    case idle
    /// Reading again on a schedule: `polls` done so far, `elapsed` seconds of waiting.
    case waiting(polls: Int, elapsed: Double)
    /// Every user of the upload has an entry.
    case complete
    /// `notProcessedAfter` passed first (or the polls did not get answers for that long).
    case timedOut

    static let clockSkew: TimeInterval = 60
    /// How much longer than `notProcessedAfter` a follow whose reads never come back keeps polling.
    static let unansweredMargin: Double = 10 * 60

    /// Seconds before the next read: 5, 10, 20, then every 30.
    static func delay(afterPolls polls: Int) -> Double {
        switch polls {
        case 0: return 5
        case 1: return 10
        case 2: return 20
        default: return 30
        }
    }

    public var isWaiting: Bool {
        if case .waiting = self { return true }
        return false
    }
}
