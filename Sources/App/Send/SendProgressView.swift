import Foundation
import TerminalUI

/// The send at the top of the Activity screen: overall and per-document progress, the pacing
/// budget in use, the current wait and why, and how it ended.
struct SendProgressView {
    var progress: SendProgress
    var theme: Theme

    private func style(_ role: ThemeRole) -> Style { theme[.text].patched(with: theme[role]) }

    func render(into frame: inout ScreenBuffer, area: Rect) {
        guard area.height >= 3 else { return }
        frame.fill(area, style: theme[.text])
        let inner = frame.box(area, title: "Send · \(progress.title)", style: style(.border), titleStyle: style(.title))
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
            let rate = "rate \(calls)/\(SendProgress.budget.calls) per \(Int(SendProgress.budget.seconds)) s · \(progress.retries) retr\(progress.retries == 1 ? "y" : "ies")"
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
        if let result = progress.result {
            if let error = result.error { return [Span("✗ did not start: \(error)", style: style(.error))] }
            if result.cancelled { return [Span("cancelled after the request in flight; the rest can be resumed", style: style(.warning))] }
            if progress.failedDocuments > 0 {
                let reason = progress.notes.last { $0.contains("failed") } ?? ""
                return [Span("✗ done with failures: \(reason)", style: style(.error))]
            }
            return [Span("✓ done: every request accepted (202); Logs (6) follows what Entra does with each user", style: style(.success))]
        }
        if progress.cancelling { return [Span("cancelling after the request in flight…", style: style(.warning))] }
        if let wait = progress.waitLeft(at: progress.now) {
            return [Span(String(format: "waiting %.0f s: ", wait.seconds.rounded(.up)), style: style(.warning)), Span(wait.reason, style: theme[.text])]
        }
        return [Span("sending… Esc cancels after the request in flight", style: style(.muted))]
    }
}
