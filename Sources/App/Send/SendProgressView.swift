import Foundation
import TerminalUI

/// The send at the top of the Activity screen: overall and per-document progress, the pacing
/// budget in use, the current wait and why, and how it ended.
struct SendProgressView {
    var progress: SendProgress
    var theme: Theme

    private func style(_ role: ThemeRole) -> Style { theme[.text].patched(with: theme[role]) }

    /// The box in full, or in one line when the area has fewer rows than a box needs (a finished
    /// send folds to one so the Activity list gets its rows back).
    func render(into frame: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        frame.fill(area, style: theme[.text])
        guard area.height >= 3 else { return renderLine(into: &frame, area: area) }
        let folds = progress.isRunning ? "" : " · r folds"
        let inner = frame.box(area, title: "Send · \(progress.title)\(folds)", style: style(.border), titleStyle: style(.title))
        var y = inner.y
        let n = progress.documents.count
        frame.draw("overall", x: inner.x, y: y, width: 10, style: style(.muted))
        ProgressBar(completed: progress.doneDocuments, total: n).render(
            into: &frame, area: Rect(x: inner.x + 10, y: y, width: min(40, inner.width - 10), height: 1), theme: theme)
        let counts = "\(progress.acceptedDocuments)/\(n) accepted" + (progress.failedDocuments > 0 ? " · \(progress.failedDocuments) failed" : "")
            + " · \(progress.acceptedRecords)/\(progress.records) users"
        frame.draw(counts, x: inner.x + 52, y: y, width: max(0, inner.width - 52), style: theme[.text])
        y += 1
        if y < inner.maxY {
            frame.draw("requests", x: inner.x, y: y, width: 10, style: style(.muted))
            drawDocuments(into: &frame, x: inner.x + 10, y: y, width: inner.width - 10)
            y += 1
        }
        if y < inner.maxY {
            let calls = progress.callsInWindow(at: progress.now)
            var rate = "rate \(calls)/\(SendProgress.budget.calls) per \(Int(SendProgress.budget.seconds)) s · \(progress.retries) retr\(progress.retries == 1 ? "y" : "ies")"
            if !progress.isRunning { rate += " · took " + SendSummaryLine.duration(progress.now.timeIntervalSince(progress.startedAt)) }
            frame.draw(rate, x: inner.x, y: y, width: inner.width, style: style(calls >= SendProgress.budget.calls ? .warning : .text))
            y += 1
        }
        if y < inner.maxY {
            frame.drawSpans(statusLine, x: inner.x, y: y, width: inner.width)
        }
    }

    /// One cell per document: · waiting, ▸ in flight, ✓ accepted, ✗ failed (as many as fit).
    private func drawDocuments(into frame: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        let n = progress.documents.count
        let shown = min(n, max(0, width - 8))
        var spans: [Span] = []
        for i in 0..<shown {
            switch progress.state(ofDocument: i) {
            case .pending: spans.append(Span("·", style: style(.muted)))
            case .sending(let attempt): spans.append(Span(attempt > 0 ? "↻" : "▸", style: style(.accent)))
            case .accepted: spans.append(Span("✓", style: style(.success)))
            case .failed: spans.append(Span("✗", style: style(.error)))
            }
        }
        if shown < n { spans.append(Span(" +\(n - shown)", style: style(.muted))) }
        frame.drawSpans(spans, x: x, y: y, width: width)
    }

    private var statusLine: [Span] {
        if progress.result == nil, !progress.cancelling, let wait = progress.waitLeft(at: progress.now) {
            return [Span(String(format: "waiting %.0f s: ", wait.seconds.rounded(.up)), style: style(.warning)), Span(wait.reason, style: theme[.text])]
        }
        var status = SendSummaryLine.status(progress).full
        if progress.result.map({ $0.error == nil && !$0.cancelled }) == true, progress.failedDocuments == 0 {
            status.text += "; Logs (6) follows what Entra does with each user"
        }
        return [Span(status.text, style: style(status.role))]
    }

    private func renderLine(into frame: inout ScreenBuffer, area: Rect) {
        let line = SendSummaryLine(progress: progress)
        let hint = line.hint.map(span)
        let hintWidth = hint.reduce(0) { $0 + $1.text.displayWidth }
        if hintWidth > 0 { frame.drawSpans(hint, x: area.maxX - 1 - hintWidth, y: area.y, width: hintWidth) }
        let width = max(0, area.width - 2 - (hintWidth > 0 ? hintWidth + 3 : 0))
        frame.drawSpans(line.body(width: width).map(span), x: area.x + 1, y: area.y, width: width)
    }

    private func span(_ piece: SendSummaryLine.Piece) -> Span {
        Span(piece.text, style: piece.role == .text ? theme[.text] : style(piece.role))
    }
}
