import Foundation
import Provisioning
import TerminalUI

/// Where the summary's parts go, in the room the entries' list and detail leave: the totals and
/// the uploads' table on top, the failures below, the selected failure in full at the bottom (on
/// the right in the wide layout). Shared by the update (paging) and the view.
struct LogsSummaryLayout {
    var head: Rect
    var failures: Rect
    var detail: Rect

    /// The head's lines before the uploads' rows: totals (two lines), freshness, table header.
    static let headLines = 4

    init(screen: LogsLayout, uploads: Int) {
        let left: Rect
        if screen.wide {
            left = screen.list
            detail = screen.detail
        } else {
            let whole = Rect(x: screen.list.x, y: screen.list.y, width: screen.list.width, height: screen.detail.maxY - screen.list.y)
            let detailHeight = min(6, max(0, whole.height - 8))
            left = Rect(x: whole.x, y: whole.y, width: whole.width, height: whole.height - detailHeight)
            detail = Rect(x: whole.x, y: left.maxY, width: whole.width, height: detailHeight)
        }
        // The uploads take at most a third of the room; the rest is in the totals.
        let rows = min(uploads, max(1, left.height / 3))
        let more = uploads > rows ? 1 : 0
        let headHeight = min(left.height, Self.headLines + rows + more)
        head = Rect(x: left.x, y: left.y, width: left.width, height: headHeight)
        failures = Rect(x: left.x, y: head.maxY + 1, width: left.width, height: max(0, left.maxY - head.maxY - 1))
    }

    /// Upload rows the head has room for.
    var uploadRows: Int { max(0, head.height - Self.headLines) }
    /// Failure rows below their header: what the failures' `ListState` calls the viewport.
    var failureRows: Int { max(1, failures.height - 1) }
}

/// Draws the summary: the send's totals, when what it stands on was read, one row per upload, the
/// failures (each with its reason), and the selected failure with Microsoft's recommended fix.
struct LogsSummaryView {
    var logs: LogsState
    var context: ScreenContext

    private var summary: LogsSummary { logs.summary }
    private func style(_ role: ThemeRole) -> Style { context.style(role) }
    private func time(_ date: Date) -> String { LogsText.format(date, "HH:mm:ss", context.timeZone) }

    static let failureColumns = [
        TableColumn("externalId", width: .flexible(weight: 1, minimum: 10)), TableColumn("upload", width: .fixed(6)),
        TableColumn("reason", width: .flexible(weight: 4, minimum: 20)),
    ]

    func render(into frame: inout ScreenBuffer, screen: LogsLayout) {
        let layout = LogsSummaryLayout(screen: screen, uploads: summary.reconciliation?.uploads.count ?? 0)
        guard let reconciliation = summary.reconciliation, let send = summary.send else {
            let whole = Rect(x: layout.head.x, y: layout.head.y, width: layout.head.width, height: layout.detail.maxY - layout.head.y)
            return drawParagraph(waitingText(), role: summary.error == nil ? .muted : .error, into: &frame, area: whole)
        }
        drawHead(reconciliation, send: send, into: &frame, layout: layout)
        drawFailures(reconciliation, into: &frame, area: layout.failures)
        drawDetail(into: &frame, area: layout.detail)
    }

    /// Why there is nothing to show yet, in plain words.
    func waitingText() -> String {
        if let error = summary.error { return "Could not read the send journal: \(error)." }
        if summary.reading { return "Reading the send from the journal…" }
        if summary.noSend {
            return "The send journal has no send to this endpoint: there is no upload to sum up. "
                + "Send users (F5) and the summary shows what Entra did with each upload. s shows the entries."
        }
        return "No send to sum up yet."
    }

    // MARK: Head

    private func drawHead(_ r: UploadReconciliation, send: Observed<SendJournal.StoredSend>, into frame: inout ScreenBuffer, layout: LogsSummaryLayout) {
        let area = layout.head
        let totals = "Send of \(LogsText.format(send.value.created, "MM-dd HH:mm", context.timeZone)): \(r.totalsLine)"
        for (i, line) in TextWrap.wrap(totals, width: max(1, area.width - 2)).prefix(2).enumerated() {
            frame.draw(line, x: area.x + 1, y: area.y + i, width: area.width - 2, style: style(r.hasFailures ? .warning : .title).adding(.bold))
        }
        frame.draw(freshness(), x: area.x + 1, y: area.y + 2, width: area.width - 2, style: style(.muted))
        let columns = r.columns
        let header = ["upload", "accepted", "sent"] + columns.map { $0 == .notSeen ? "not seen" : $0.rawValue } + ["request-id"]
        frame.draw(header.joined(separator: "  "), x: area.x + 1, y: area.y + 3, width: area.width - 2, style: style(.header))
        for (i, upload) in r.uploads.prefix(layout.uploadRows).enumerated() {
            frame.draw(uploadRow(upload, columns: columns), x: area.x + 1, y: area.y + 4 + i, width: area.width - 2,
                       style: style(upload.accepted ? .text : .warning))
        }
        if r.uploads.count > layout.uploadRows, layout.uploadRows > 0 {
            frame.draw("… \(LogsText.count(r.uploads.count - layout.uploadRows, "more upload")) (counted in the totals)",
                       x: area.x + 1, y: area.y + 4 + layout.uploadRows, width: area.width - 2, style: style(.muted))
        }
    }

    /// How fresh the summary is: when the entries were read (or that they were imported). The
    /// journal is this machine's own record, read when the summary opened or the send changed.
    private func freshness() -> String {
        let now = context.clock
        let entries: String
        if logs.showsImported, let imported = logs.imported {
            entries = "Entries imported from \(imported.name) (not live)"
        } else if let read = logs.lastRead {
            entries = "Logs read at \(time(read)) (\(LogsText.age(read, now: now)))"
        } else {
            entries = "Logs not read yet"
        }
        return entries + " · only entries after each upload's 202 count"
    }

    private func uploadRow(_ upload: UploadReconciliation.Upload, columns: [UploadReconciliation.Outcome]) -> String {
        let accepted = upload.acceptedAt.map(time) ?? "-"
        var cells = [pad("\(upload.document + 1)", 6), pad(accepted, 8)]
        guard upload.accepted else {
            return (cells + ["not accepted: \(upload.notAcceptedReason ?? "?"); \(LogsText.count(upload.users, "user")) not sent"])
                .joined(separator: "  ")
        }
        cells.append(pad("\(upload.users)", 4, right: true))
        cells += columns.map { pad("\(upload.count($0))", $0 == .notSeen ? 8 : $0.rawValue.count, right: true) }
        cells.append(upload.requestId ?? "-")
        return cells.joined(separator: "  ")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    // MARK: Failures

    private func drawFailures(_ r: UploadReconciliation, into frame: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        guard r.hasFailures else {
            let unseen = r.total(.notSeen)
            let text = unseen > 0
                ? "No user failed so far; \(LogsText.count(unseen, "user")) not yet seen: Entra logs them 5 to 10 minutes after the upload (the sandbox: seconds)."
                : "No user failed: Entra did what was sent with every user it logged."
            return drawParagraph(text, role: unseen > 0 ? .muted : .success, into: &frame, area: area)
        }
        let failures = r.failures
        let table = TableView(columns: Self.failureColumns)
        table.render(into: &frame, area: area, state: summary.list, total: failures.count, theme: context.theme,
                     role: { _, column in column == 2 ? .error : nil }) { row, column in
            let failure = failures[row]
            switch column {
            case 0: return failure.externalId.isEmpty ? "(none)" : failure.externalId
            case 1: return "\(failure.document + 1)"
            default: return (failure.errorCode.map { $0 + ": " } ?? "") + failure.reason
            }
        }
    }

    /// The selected failure: its reason and Microsoft's recommended fix, wrapped, and its keys.
    private func drawDetail(into frame: inout ScreenBuffer, area: Rect) {
        guard area.height >= 2, let failure = summary.selectedFailure else { return }
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(.border))
        let who = failure.externalId.isEmpty ? "(no externalId)" : failure.externalId
        frame.draw(" \(who) · failed in upload \(failure.document + 1) · Enter: user in Users · F resend the failed ",
                   x: area.x + 1, y: area.y, width: area.width - 2, style: style(.title))
        var lines: [(String, ThemeRole)] = []
        let width = max(1, area.width - 2)
        lines += TextWrap.wrap("reason  " + (failure.errorCode.map { $0 + ": " } ?? "") + failure.reason, width: width).map { ($0, .error) }
        if let fix = failure.fix { lines += TextWrap.wrap("fix     " + fix, width: width).map { ($0, .text) } }
        for (i, line) in lines.prefix(area.height - 1).enumerated() {
            frame.draw(line.0, x: area.x + 1, y: area.y + 1 + i, width: width, style: style(line.1))
        }
    }

    private func drawParagraph(_ text: String, role: ThemeRole, into frame: inout ScreenBuffer, area: Rect) {
        for (i, line) in TextWrap.wrap(text, width: max(1, area.width - 2)).prefix(area.height).enumerated() {
            frame.draw(line, x: area.x + 1, y: area.y + i, width: area.width - 2, style: style(role))
        }
    }
}
