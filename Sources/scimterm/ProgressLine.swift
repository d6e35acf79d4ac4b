import SCIM
import Foundation
import Provisioning

/// The send's progress on stderr: one rewritten line on a terminal, plain lines otherwise.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let started = Date()
    private let tty = isatty(STDERR_FILENO) == 1
    private var done = 0, retries = 0, sentRecently: [Date] = []

    init(total: Int) { self.total = total }

    func handle(_ event: BulkUploader.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .sending(_, let attempt):
            sentRecently.append(Date())
            if attempt > 0 { retries += 1 }
        case .accepted:
            done += 1
        case .failed(let document, let reason):
            done += 1
            line("document \(document + 1) failed: \(reason.visibleControlCharacters)", permanent: true)
        case .waiting(let seconds, let reason):
            line("waiting \(String(format: "%.1f", seconds)) s: \(reason)", permanent: !tty || seconds >= 5)
            return
        }
        if tty { line(status(), permanent: false) }
    }

    private func status() -> String {
        let now = Date()
        sentRecently.removeAll { now.timeIntervalSince($0) > 5 }
        let elapsed = now.timeIntervalSince(started)
        let eta = done > 0 ? Double(total - done) * elapsed / Double(done) : 0
        return "[\(done)/\(total) documents] \(sentRecently.count) calls in the last 5 s (limit 40) · \(retries) retries · ETA \(Int(eta)) s"
    }

    private func line(_ text: String, permanent: Bool) {
        let out = tty ? "\r\u{1B}[2K" + text + (permanent ? "\n" : "") : text + "\n"
        FileHandle.standardError.write(Data(out.utf8))
    }

    func finish() {
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}

/// Turns the first Ctrl-C, SIGTERM or SIGHUP (a closed SSH session, a service manager's stop) into
/// a clean stop after the request in flight, so the HAR is written and the journal stays resumable;
/// a second signal quits at once.
final class InterruptWatcher: @unchecked Sendable {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var count = 0

    init(onInterrupt: @escaping @Sendable () -> Void) {
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received(number, onInterrupt) }
            source.resume()
            sources.append(source)
        }
    }

    private func received(_ number: Int32, _ onInterrupt: @Sendable () -> Void) {
        let first = lock.withLock { count += 1; return count == 1 }
        if !first { exit(128 + number) }
        let name = number == SIGINT ? "Ctrl-C" : number == SIGTERM ? "SIGTERM" : "SIGHUP"
        FileHandle.standardError.write(Data("\nscimterm: \(name): stopping after the request in flight (again to quit now)\n".utf8))
        onInterrupt()
    }

    func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
