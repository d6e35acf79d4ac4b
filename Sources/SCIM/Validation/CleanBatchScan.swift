/// The validator's fast path: proves, in one pass over the bytes and without building any JSON
/// value, that a batch of BulkRequest documents holds nothing any document or record rule would
/// report, and gathers what the set rules need (`SetKeyHashes`).
///
/// Nearly every batch of a real export is such a batch, and reading it into `JSONValue` trees
/// (a String per key and value, an array per object) and walking them cost nine tenths of a
/// streamed validate. Anything the scan does not prove clean (a syntax error, any finding, any
/// shape it does not know: a bare User, an escaped key, a duplicate key…) stops it, and the batch
/// is read and checked the usual way, which also words every finding; so the output is the same
/// whichever way a batch went. Every condition here mirrors a rule in `BulkRequestRules`,
/// `RecordRules` or `PayloadReader`, which is where to look for why it is there.
struct CleanBatchScan {
    typealias Stop = JSONScanner.Stop

    struct Outcome: Sendable {
        var documents = 0
        var records = 0
        var hashes: [SetKeyHashes] = []
    }

    var s: JSONScanner
    let table: CatalogTable.View
    var outcome = Outcome()
    /// The keys of the objects being read, all levels on one stack, to find duplicates.
    private var keys: [(folded: UInt64, start: Int, count: Int)] = []
    /// Where each open object's keys start in `keys`.
    private var keyBases: [Int] = []
    /// The current document's bulkIds: hash, start, length.
    private var bulkIds: [(hash: UInt64, start: Int, count: Int)] = []
    /// The current record's `schemas` entries and extension keys, as they sit in the input.
    var listedSchemas: [UnsafeBufferPointer<UInt8>] = []
    var extensionKeys: [UnsafeBufferPointer<UInt8>] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, table: CatalogTable.View) {
        s = JSONScanner(bytes)
        self.table = table
    }

    /// The batch's outcome, or nil when it must be read the usual way.
    static func scan(_ bytes: [UInt8], table: CatalogTable) -> Outcome? {
        bytes.withUnsafeBufferPointer { buffer in
            table.withView { view in
                var scan = CleanBatchScan(buffer, table: view)
                do {
                    try scan.batch()
                    return scan.outcome
                } catch {
                    return nil
                }
            }
        }
    }

    /// Whitespace-separated documents, as `JSONParser.parseSequence` reads them.
    private mutating func batch() throws(Stop) {
        s.skipBOM()
        s.skipWhitespace()
        while !s.atEnd {
            try bulkRequest()
            outcome.documents += 1
            s.skipWhitespace()
        }
        guard outcome.documents > 0 else { throw Stop() }  // "the file is empty"
    }

    /// A BulkRequest with `schemas` naming it, 1 to 50 operations and a null or positive `failOnErrors`.
    private mutating func bulkRequest() throws(Stop) {
        guard s.peek == UInt8(ascii: "{") else { throw Stop() }
        bulkIds.removeAll(keepingCapacity: true)
        var listsBulkRequest = false, operations = 0
        var key = try firstMember()
        while let k = key {
            if try isKnown(k, "schemas") {
                listsBulkRequest = try envelopeSchemas()
            } else if try isKnown(k, "Operations") {
                operations = try self.operations()
            } else if try isKnown(k, "failOnErrors") {
                try failOnErrors()
            } else {
                try skipValue()
            }
            key = try nextMember()
        }
        guard listsBulkRequest, operations > 0 else { throw Stop() }
    }

    /// Whether the key is `name`; a stop when it is only `name` in another case, which rules
    /// (or look-ups ignoring case) treat apart.
    func isKnown(_ key: KeyText, _ name: StaticString) throws(Stop) -> Bool {
        if key.equals(name) { return true }
        if key.equalsIgnoringCase(name) { throw Stop() }
        return false
    }

    private mutating func envelopeSchemas() throws(Stop) -> Bool {
        guard s.peek == UInt8(ascii: "[") else { throw Stop() }
        var lists = false
        var more = try firstElement()
        while more {
            if s.peek == UInt8(ascii: "\"") {
                let urn = try plainString()
                lists = lists || text(urn).equalsIgnoringCase(Self.bulkRequestURN)
            } else {
                try skipValue()
            }
            more = try nextElement()
        }
        return lists
    }

    private mutating func failOnErrors() throws(Stop) {
        switch s.peek {
        case UInt8(ascii: "n"):
            try s.literal("null")
        case 0x31...0x39:  // `Int(text) >= 1`: no sign, no leading zero, no fraction, and it fits
            let start = s.pos
            guard try s.number(), s.pos - start <= 18 else { throw Stop() }
        default:
            throw Stop()
        }
    }

    /// Returns how many; each must be an object with POST, `/Users`, a bulkId new to the document
    /// and a `data` object, the record.
    private mutating func operations() throws(Stop) -> Int {
        guard s.peek == UInt8(ascii: "[") else { throw Stop() }
        var count = 0
        var more = try firstElement()
        while more {
            count += 1
            guard count <= BulkRequestBuilder.maxOperations, s.peek == UInt8(ascii: "{") else { throw Stop() }
            try operation()
            more = try nextElement()
        }
        return count
    }

    private mutating func operation() throws(Stop) {
        var method = false, path = false, bulkId = false, data = false
        var key = try firstMember()
        while let k = key {
            if try isKnown(k, "method") {
                method = try text(plainString()).equals("POST")
            } else if try isKnown(k, "path") {
                path = try text(plainString()).equals("/Users")
            } else if try isKnown(k, "bulkId") {
                try newBulkId(plainString())
                bulkId = true
            } else if try isKnown(k, "data") {
                guard s.peek == UInt8(ascii: "{") else { throw Stop() }
                try record()
                data = true
            } else {
                try skipValue()
            }
            key = try nextMember()
        }
        guard method, path, bulkId, data else { throw Stop() }
    }

    private mutating func newBulkId(_ id: ScannedString) throws(Stop) {
        guard id.count > 0 else { throw Stop() }
        let bytes = text(id)
        let hash = bytes.folded
        for other in bulkIds where other.hash == hash && other.count == id.count {
            if bytes.equals(UnsafeBufferPointer(rebasing: s.bytes[other.start..<other.start + other.count])) { throw Stop() }
        }
        bulkIds.append((hash, id.start, id.count))
    }

    // MARK: Reading containers

    /// Enters the object at `pos`: its first key, or nil if it is empty. Keys must be plain ASCII
    /// and differ from their siblings in more than case.
    mutating func firstMember() throws(Stop) -> KeyText? {
        keyBases.append(keys.count)
        guard try s.open(UInt8(ascii: "}")) else { return leaveObject() }
        return try member()
    }

    /// After a member's value: the next key, or nil once the object is left.
    mutating func nextMember() throws(Stop) -> KeyText? {
        guard try s.next(UInt8(ascii: "}")) else { return leaveObject() }
        return try member()
    }

    private mutating func leaveObject() -> KeyText? {
        let base = keyBases.removeLast()
        keys.removeLast(keys.count - base)
        return nil
    }

    private mutating func member() throws(Stop) -> KeyText {
        let scanned = try s.key()
        guard scanned.isPlainASCII else { throw Stop() }
        let key = text(scanned)
        for i in (keyBases.last ?? 0)..<keys.count where keys[i].folded == key.folded {
            let other = UnsafeBufferPointer(rebasing: s.bytes[keys[i].start..<keys[i].start + keys[i].count])
            if key.equalsIgnoringCase(other) { throw Stop() }
        }
        keys.append((key.folded, scanned.start, scanned.count))
        return key
    }

    /// Enters the array at `pos`: whether it has a first element.
    mutating func firstElement() throws(Stop) -> Bool { try s.open(UInt8(ascii: "]")) }

    /// After an element: whether another follows (false once the array is left).
    mutating func nextElement() throws(Stop) -> Bool { try s.next(UInt8(ascii: "]")) }

    /// A string of plain ASCII at `pos` (the values rules compare).
    mutating func plainString() throws(Stop) -> ScannedString {
        guard s.peek == UInt8(ascii: "\"") else { throw Stop() }
        let value = try s.string()
        guard value.isPlainASCII else { throw Stop() }
        return value
    }

    func text(_ string: ScannedString) -> KeyText {
        KeyText(UnsafeBufferPointer(rebasing: s.bytes[string.start..<string.end]))
    }
}
