import Foundation
import SCIM

/// The edits made since the workspace file was last written, one JSON line each, appended on the
/// UI loop as they happen. A kill -9 right after a keystroke loses nothing: the line is in the
/// kernel before the frame is drawn (no fsync per line: the process dying is the risk here, not
/// the machine). Each full save starts the journal over; the header names the file it follows (a
/// hash of its bytes), so a journal is never replayed onto a workspace it was not written after.
final class WorkspaceJournal: @unchecked Sendable {
    private let lock = NSLock()
    private var path: String?
    private var descriptor: Int32 = -1
    /// Lines not yet covered by a full save, with their generation, to carry over the next reset.
    private var unsaved: [(generation: Int, line: [UInt8])] = []

    deinit { if descriptor >= 0 { close(descriptor) } }

    var isActive: Bool {
        lock.lock()
        defer { lock.unlock() }
        return descriptor >= 0
    }

    /// Where the journal of the workspace at `workspacePath` lives.
    static func path(for workspacePath: String) -> String { workspacePath + ".journal" }

    /// Starts journalling after `base`, the bytes just written to the workspace file.
    func start(path: String, base: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        self.path = path
        rewrite(base: base, keepingAfter: Int.max)
    }

    /// A full save of `generation` (as `base`) is on disk: keep only what came after it.
    func saved(base: [UInt8], generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard path != nil else { return }
        rewrite(base: base, keepingAfter: generation)
    }

    func append(_ changes: [WorkspaceChange], generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        for change in changes {
            var line = JournalLine.encode(change, generation: generation)
            line.append(0x0A)
            unsaved.append((generation, line))
            if !writeAll(line) { close(descriptor); descriptor = -1; return }
        }
    }

    /// Header plus the lines after `generation`, written whole, then reopened for appending.
    private func rewrite(base: [UInt8], keepingAfter generation: Int) {
        guard let path else { return }
        unsaved.removeAll { $0.generation <= generation }
        var bytes = JournalLine.header(base: base)
        for item in unsaved { bytes += item.line }
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        guard (try? SafeFile.writeAtomically(bytes, to: path)) != nil else { return }
        descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    }

    private func writeAll(_ bytes: [UInt8]) -> Bool {
        var done = 0
        return bytes.withUnsafeBytes { buffer in
            while done < buffer.count {
                let n = write(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }
}
