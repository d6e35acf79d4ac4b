import SCIM

/// The workspace journal's format: a header line naming the base file by hash, then one change a
/// line, e.g. `{"g":12,"at":3,"user":{…}}`, `{"g":13,"layout":[[0,3],{…},[3,22]]}`,
/// `{"g":14,"connection":{…}}`, `{"g":15,"stale":true}`.
enum JournalLine {
    static let formatVersion = 1

    static func header(base: [UInt8]) -> [UInt8] {
        let root: JSONObject = ["scimtermJournal": .number(JSONNumber(formatVersion)), "base": .string(digest(base))]
        return JSONWriter.compact.bytes(.object(root)) + [0x0A]
    }

    static func encode(_ change: WorkspaceChange, generation: Int) -> [UInt8] {
        var root: JSONObject = ["g": .number(JSONNumber(generation))]
        switch change {
        case .replace(let position, let data):
            root.append("at", .number(JSONNumber(position)))
            root.append("user", .object(data))
        case .layout(let pieces):
            root.append("layout", .array(pieces.map { piece in
                switch piece {
                case .kept(let from, let count): return .array([.number(JSONNumber(from)), .number(JSONNumber(count))])
                case .added(let data): return .object(data)
                }
            }))
        case .connection(let draft):
            // The workspace's own encoding of the draft, so the two never disagree.
            let encoded = (try? JSONParser.parse(Workspace(connection: draft).encoded()))?.objectValue?["connection"]
            root.append("connection", encoded ?? .null)
        case .stale:
            root.append("stale", .bool(true))
        }
        return JSONWriter.compact.bytes(.object(root))
    }

    /// The workspace `base` with the journal's changes applied, or nil when the journal does not
    /// follow this base (another file was written since) or holds no change. Stops at a stale
    /// marker or at a line cut short by the kill.
    static func replay(_ journal: [UInt8], onto base: [UInt8]) -> Workspace? {
        let lines = journal.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, let header = try? JSONParser.parse(Array(first)).objectValue,
              header["scimtermJournal"]?.numberValue?.intValue == formatVersion,
              header["base"]?.stringValue == digest(base), lines.count > 1,
              var workspace = try? Workspace.decode(base)
        else { return nil }
        for line in lines.dropFirst() {
            guard let entry = try? JSONParser.parse(Array(line)).objectValue, apply(entry, to: &workspace) else { break }
        }
        return workspace
    }

    private static func apply(_ entry: JSONObject, to workspace: inout Workspace) -> Bool {
        if let user = entry["user"]?.objectValue, let at = entry["at"]?.numberValue?.intValue {
            guard workspace.records.indices.contains(at) else { return false }
            workspace.records[at] = UserRecord(data: user)
            return true
        }
        if let pieces = entry["layout"]?.arrayValue {
            guard let records = layout(pieces, old: workspace.records) else { return false }
            workspace.records = records
            return true
        }
        if let connection = entry["connection"]?.objectValue {
            let wrapped: JSONObject = ["scimtermWorkspace": .number(JSONNumber(1)), "connection": .object(connection)]
            guard let decoded = try? Workspace.decode(JSONWriter.compact.bytes(.object(wrapped))) else { return false }
            workspace.connection = decoded.connection
            return true
        }
        return false
    }

    private static func layout(_ pieces: [JSONValue], old: [UserRecord]) -> [UserRecord]? {
        var records: [UserRecord] = []
        for piece in pieces {
            if let data = piece.objectValue { records.append(UserRecord(data: data)); continue }
            guard let pair = piece.arrayValue, pair.count == 2, let from = pair[0].numberValue?.intValue,
                  let count = pair[1].numberValue?.intValue, from >= 0, count >= 0, from + count <= old.count
            else { return nil }
            records += old[from..<(from + count)]
        }
        return records
    }

    /// FNV-1a, 64 bits: enough to tell one workspace file from another, and cheap at 50 MB.
    static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "-\(bytes.count)"
    }
}
