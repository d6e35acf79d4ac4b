import Foundation

/// Where scimterm keeps its files, following the XDG base directories so tests (and people with
/// unusual homes) can point them elsewhere.
public struct AppPaths: Sendable, Equatable {
    public var dataDirectory: String
    public var configDirectory: String

    public init(dataDirectory: String, configDirectory: String) {
        self.dataDirectory = dataDirectory
        self.configDirectory = configDirectory
    }

    public static func standard(environment: [String: String]) -> AppPaths {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return AppPaths(dataDirectory: data + "/scimterm", configDirectory: config + "/scimterm")
    }

    /// The sandbox keeps its own workspace so that trying it never touches real work.
    public func workspace(sandbox: Bool) -> String {
        dataDirectory + (sandbox ? "/sandbox-workspace.json" : "/workspace.json")
    }

    public var configFile: String { configDirectory + "/config.toml" }

    /// The send journal; the sandbox's is its own, as its workspace is.
    public func journal(sandbox: Bool) -> String {
        dataDirectory + (sandbox ? "/sandbox-journal.sqlite" : "/journal.sqlite")
    }
}

/// Files written the way work must be: whole or not at all, readable only by the user.
public enum SafeFile {
    /// Writes to a temporary file beside the target, syncs it, then renames it over the target, so a
    /// crash mid-write leaves the old file intact. Folders are made 0700 and the file 0600.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(WorkspaceError) {
        // A bare file name is written where scimterm runs ("" is no folder to create).
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw WorkspaceError("cannot create \(directory): \(error.localizedDescription)")
        }
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw WorkspaceError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        let failed: Bool = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if n <= 0 { return true }
                written += n
            }
            return false
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard !failed, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw WorkspaceError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The file's bytes, nil when it does not exist.
    public static func read(_ path: String) throws(WorkspaceError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw WorkspaceError("cannot read \(path)") }
        return [UInt8](data)
    }
}

/// The last serialised workspace, kept in plain memory so the signal handler (SIGHUP from a dropped
/// SSH session, SIGTERM, a crash) can write it with only open/write/rename, which are safe there.
public enum EmergencySave {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var temporary: UnsafeMutablePointer<CChar>?
    /// A block of [length: Int][bytes]; published by one pointer store so a reader never sees a
    /// length without its bytes.
    nonisolated(unsafe) private static var current: UnsafeMutableRawPointer?
    nonisolated(unsafe) private static var retired: UnsafeMutableRawPointer?
    /// Writers (the UI loop, the autosave task) take turns; the signal handler never waits for it.
    private static let writers = NSLock()

    /// Remembers where to write and makes the folder now: a signal can come before the first
    /// autosave, and the handler itself cannot create folders.
    public static func configure(path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        self.path = strdup(path)
        self.temporary = strdup(path + ".signal")
    }

    /// Replaces the snapshot. The previous block is kept one more round, in case a handler on
    /// another thread is still reading it.
    public static func update(_ bytes: [UInt8]) {
        writers.lock()
        defer { writers.unlock() }
        let block = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<Int>.size + bytes.count, alignment: 8)
        block.storeBytes(of: bytes.count, as: Int.self)
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { (block + MemoryLayout<Int>.size).copyMemory(from: base, byteCount: buffer.count) }
        }
        let old = retired
        retired = current
        current = block
        old?.deallocate()
    }

    /// Writes the snapshot; runs inside a signal handler, so it allocates nothing.
    public static func writeNow() {
        guard let path, let temporary, let block = current else { return }
        let count = block.load(as: Int.self)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        var done = 0
        while done < count {
            let n = write(fd, block + MemoryLayout<Int>.size + done, count - done)
            if n <= 0 { break }
            done += n
        }
        _ = fsync(fd)
        _ = close(fd)
        if done == count { _ = rename(temporary, path) } else { _ = unlink(temporary) }
    }
}
