import Foundation
import SCIM

/// Writes a HAR 1.2 file entry by entry as exchanges happen, so a send of a million users never
/// holds its requests and responses in memory to export them at the end.
///
/// Same document as `HARExport.document`, one compact entry per line. Like `PrivateFile`, the file
/// is 0600 in a 0700 folder and appears at its path only when complete and valid: entries go to a
/// temporary file beside it that `finish` closes, syncs and renames over the target. A run killed
/// mid-way leaves only the temporary file (`PATH.tmp-PID`), never a truncated HAR at PATH.
final class HARStream {
    let path: String
    private let temporary: String
    private var fd: Int32
    private var entries = 0
    /// The first write that failed; later entries are skipped and `finish` reports it.
    private var failure: String?

    init(path: String, creatorVersion: String = "0.1.0") throws(PrivateFile.WriteError) {
        self.path = path
        try PrivateFile.makeFolder((path as NSString).deletingLastPathComponent)
        temporary = path + ".tmp-\(getpid())"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw PrivateFile.WriteError(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        // An existing file at `temporary` kept its old mode through O_CREAT; make sure it is ours.
        guard fchmod(fd, 0o600) == 0 else { throw abandon() }
        let creator = JSONWriter.compact.string(["name": "scimterm", "version": .string(creatorVersion)])
        write("{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": \(creator),\n    \"entries\": [")
    }

    deinit {
        if fd >= 0 { close(fd); unlink(temporary) }
    }

    /// Appends one (already redacted) exchange.
    func append(_ exchange: HTTPExchange) {
        var line: [UInt8] = Array((entries == 0 ? "\n" : ",\n").utf8)
        JSONWriter.compact.write(HARExport.entry(exchange), into: &line)
        entries += 1
        write(line)
    }

    /// Closes the document and puts it at `path`; the first failure since `init` if there was one.
    func finish() throws(PrivateFile.WriteError) {
        guard fd >= 0 else { throw PrivateFile.WriteError(description: "\(path): already finished") }
        write((entries == 0 ? "]" : "\n    ]") + "\n  }\n}\n")
        if let failure { throw abandon(failure) }
        guard fsync(fd) == 0 else { throw abandon() }
        close(fd)
        fd = -1
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PrivateFile.WriteError(description: "cannot write \(path): \(reason)")
        }
    }

    private func write(_ text: String) { write(Array(text.utf8)) }

    private func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        if !PrivateFile.writeAll(fd, bytes) { failure = "cannot write \(path): \(String(cString: strerror(errno)))" }
    }

    /// Drops the temporary file; the error to throw.
    private func abandon(_ reason: String? = nil) -> PrivateFile.WriteError {
        let text = reason ?? "cannot write \(path): \(String(cString: strerror(errno)))"
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporary)
        return PrivateFile.WriteError(description: text)
    }
}
