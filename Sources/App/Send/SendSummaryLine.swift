import Foundation
import TerminalUI

/// A send in one line, for when it has finished and the Activity list wants its rows back: how it
/// ended, users and requests accepted, how long it took, and the key that opens the full report
/// (kept at the right end, so a narrow terminal cuts the words, never the key). The richest
/// wording that fits is chosen: wide terminals read the same sentence as the box.
struct SendSummaryLine {
    var progress: SendProgress

    /// A piece of the line and the role it is drawn in.
    struct Piece: Equatable {
        var text: String
        var role: ThemeRole
        init(_ text: String, _ role: ThemeRole) {
            self.text = text
            self.role = role
        }
    }

    /// The line's words before the hint: the richest that fit `width` columns (the leanest when
    /// none does; the drawing then cuts it short).
    func body(width: Int) -> [Piece] {
        let status = Self.status(progress)
        let title = Piece("Send · \(progress.title) · ", .title)
        // The short status of a send with failures counts them itself.
        let shortCounts = status.short.text.hasSuffix("failed")
        let candidates = [
            [title, status.full] + facts(failed: true), [status.full] + facts(failed: true),
            [status.short] + facts(failed: !shortCounts), [status.short] + facts(failed: !shortCounts, requests: false),
        ]
        return candidates.first { Self.width($0) <= width } ?? candidates[candidates.count - 1]
    }

    /// The key to the full report, once the send has finished (drawn at the line's right end).
    var hint: [Piece] { progress.isRunning ? [] : [Piece("r", .accent), Piece(" full report", .muted)] }

    /// The line as text in `width` columns, the hint after the words (for tests and plain output).
    func text(width: Int) -> String {
        let hintText = hint.map(\.text).joined()
        let room = hintText.isEmpty ? width : width - hintText.displayWidth - 3
        return body(width: room).map(\.text).joined() + (hintText.isEmpty ? "" : " · " + hintText)
    }

    /// Users and requests accepted (the requests left out when even the shortest line is too
    /// long: the users are what the operator counts), the failures, and the duration.
    private func facts(failed: Bool, requests: Bool = true) -> [Piece] {
        let n = progress.documents.count
        var out = [Piece(" · \(progress.acceptedRecords)/\(progress.records) users", .text)]
        if requests { out.append(Piece(" · \(progress.acceptedDocuments)/\(n) accepted", .text)) }
        if failed, progress.failedDocuments > 0 { out.append(Piece(" · \(progress.failedDocuments) failed", .error)) }
        out.append(Piece(" · " + Self.duration(progress.now.timeIntervalSince(progress.startedAt)), .muted))
        return out
    }

    /// How the send ended (or where it is), in the box's words and in a few.
    static func status(_ progress: SendProgress) -> (full: Piece, short: Piece) {
        guard let result = progress.result else {
            if progress.cancelling { return (Piece("cancelling after the request in flight…", .warning), Piece("cancelling…", .warning)) }
            return (Piece("sending… Esc cancels after the request in flight", .muted), Piece("sending…", .muted))
        }
        if let error = result.error { return (Piece("✗ did not start: \(error)", .error), Piece("✗ send did not start", .error)) }
        if result.cancelled {
            return (Piece("cancelled after the request in flight; the rest can be resumed", .warning), Piece("send cancelled, resumable", .warning))
        }
        if progress.failedDocuments > 0 {
            let reason = progress.notes.last { $0.contains("failed") } ?? ""
            let count = progress.failedDocuments
            return (Piece("✗ done with failures: \(reason)", .error), Piece("✗ \(count) request\(count == 1 ? "" : "s") failed", .error))
        }
        return (Piece("✓ done: every request accepted (202)", .success), Piece("✓ send done", .success))
    }

    /// "0.4 s", "38 s", "4 min 07 s", "1 h 02 min": fixed words, no locale.
    static func duration(_ seconds: Double) -> String {
        let clamped = max(0, seconds)
        if clamped < 10 { return String(format: "%.1f s", clamped) }
        let whole = Int(clamped.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min " + String(format: "%02d s", whole % 60) }
        return "\(whole / 3600) h " + String(format: "%02d min", whole / 60 % 60)
    }

    private static func width(_ pieces: [Piece]) -> Int { pieces.reduce(0) { $0 + $1.text.displayWidth } }
}
