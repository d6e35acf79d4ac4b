import Foundation
import GRDB

/// The SQLite files scimterm keeps (the send journal, the Activity store) hold HR data: created
/// 0600 in a 0700 folder before SQLite first opens them, like `PrivateFile`.
enum PrivateDatabase {
    /// Opens (creating) the database at `path` in WAL mode with synchronous=NORMAL: it survives a
    /// crash or kill -9 of scimterm without an fsync per write, and waits up to 5 s for another
    /// scimterm holding the file.
    static func open(path: String) throws -> DatabaseQueue {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
