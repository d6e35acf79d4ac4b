import XCTest
@testable import SCIM

/// The converter's byte-level path (fields as byte ranges, JSON written straight from them) must
/// give the bytes the value path gives: `CSVConverter` + `BulkRequestBuilder` + `JSONWriter`.
final class CSVByteWriterTests: XCTestCase {
    private func escaped(_ bytes: [UInt8], validUTF8: Bool = false) -> String {
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { JSONWriter.writeString(utf8: $0, validUTF8: validUTF8, &out) }
        return String(decoding: out, as: UTF8.self)
    }

    private func viaString(_ text: String) -> String {
        var out: [UInt8] = []
        JSONWriter.writeString(text, &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testEscapingControlCharactersQuotesAndBackslashes() {
        XCTAssertEqual(escaped(Array("a\"b\\c/d".utf8)), #""a\"b\\c/d""#, "slash stays as is")
        XCTAssertEqual(escaped([0x0A, 0x0D, 0x09, 0x08, 0x0C]), #""\n\r\t\b\f""#)
        XCTAssertEqual(escaped([0x00, 0x01, 0x1F, 0x7F, 0x20]), #""\u0000\u0001\u001f\u007f ""#)
        for byte in UInt8(0)...0x7F {
            XCTAssertEqual(escaped([0x41, byte, 0x42]), viaString(String(decoding: [0x41, byte, 0x42], as: UTF8.self)), "byte \(byte)")
        }
    }

    func testNonASCIIIsWrittenAsUTF8() {
        for text in ["Zoë", "美咲 Олег", "😀\"😀", "Ngọc Anh\n", "", "\u{FEFF}x"] {
            XCTAssertEqual(escaped(Array(text.utf8)), viaString(text), text)
            XCTAssertEqual(escaped(Array(text.utf8), validUTF8: true), viaString(text), text)
        }
        XCTAssertEqual(escaped(Array("Zoë".utf8)), "\"Zoë\"")
    }

    func testInvalidUTF8BecomesReplacementCharactersAsDecodingMakesThem() {
        let cases: [[UInt8]] = [[0x61, 0xFF, 0x62], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF, 0x22], [0xF4, 0x90, 0x80, 0x80, 0x5C]]
        for bytes in cases {
            XCTAssertEqual(escaped(bytes), viaString(String(decoding: bytes, as: UTF8.self)), "\(bytes)")
        }
        XCTAssertEqual(escaped([0x61, 0xFF, 0x62]), "\"a\u{FFFD}b\"")
    }

    func testScannerSpansAreTheFieldsText() throws {
        let bytes = Array("a,\"b,\"\"c\"\"\",\"12\" inch,\"x\ny\",,\"\"\r\nlast".utf8)
        var scanner = CSVScanner(bytes: bytes, position: 0, delimiter: 0x2C, maxFieldBytes: 1 << 20)
        var spans: [CSVScanner.Span] = []
        XCTAssertTrue(try scanner.nextRow(into: &spans, maxColumns: 100))
        XCTAssertEqual(spans.map { scanner.text($0) }, ["a", "b,\"c\"", "12 inch", "x\ny", "", ""])
        XCTAssertEqual(spans.map(\.inScratch), [false, true, true, false, false, false], "only fields that differ from the file are copied")
        XCTAssertEqual(scanner.line, 3)
        XCTAssertTrue(try scanner.nextRow(into: &spans, maxColumns: 100))
        XCTAssertEqual(spans.map { scanner.text($0) }, ["last"])
        XCTAssertFalse(try scanner.nextRow(into: &spans, maxColumns: 100))
    }

    func testTheASCIISkippingEncodingCheckFindsTheSameFirstBadByte() {
        let valid = Array("abcdefghZoë美咲😀 plain ASCII text, long enough for words".utf8)
        XCTAssertNil(CSVReader.firstInvalidUTF8(valid))
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x82], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            for at in 0...valid.count {
                var bytes = valid
                bytes.insert(contentsOf: bad, at: at)
                XCTAssertEqual(CSVReader.firstInvalidUTF8(bytes), UTF8Validation.firstInvalidOffset(bytes), "\(bad) at \(at)")
            }
        }
        XCTAssertEqual(CSVReader.firstNUL(Array("abc\0d\0".utf8)), 3)
        XCTAssertNil(CSVReader.firstNUL(valid))
    }

    func testTheBulkIdSetAgreesWithASetOfStrings() {
        var ids = BulkIdSet(expected: 1)
        var reference = Set<String>()
        let texts = (0..<5_000).map { "e\($0 % 3_001)" } + ["\u{E9}", "e\u{301}", "", " ", "E1"]
        for text in texts {
            XCTAssertEqual(ids.insert(BulkIdKey(text)), reference.insert(text).inserted, text)
        }
        XCTAssertFalse(ids.insert(BulkIdKey("e\u{301}")), "canonically equal strings are one id, as in Set<String>")
    }

    // MARK: the emitter against the value path

    private func reference(_ bytes: [UInt8], mapping: CSVMapping?, catalog: AttributeCatalog, batch: Int,
                           bulkIds: BulkRequestBuilder.BulkIdStrategy = .externalId) throws -> ([UInt8], [Diagnostic]) {
        let result = try CSVConverter(catalog: catalog).convert(bytes, mapping: mapping)
        var out: [UInt8] = []
        for d in BulkRequestBuilder(batchSize: batch, bulkIds: bulkIds, makeUUID: Counter().next).documents(for: result.records) {
            out += d.bytes() + [0x0A]
        }
        return (out, result.diagnostics)
    }

    private func emitted(_ bytes: [UInt8], mapping: CSVMapping?, catalog: AttributeCatalog, batch: Int, chunk: Int = 1 << 20, workers: Int = 2,
                         bulkIds: BulkRequestBuilder.BulkIdStrategy = .externalId) throws -> ([UInt8], CSVBulkEmitter.Summary) {
        var emitter = CSVBulkEmitter(builder: BulkRequestBuilder(batchSize: batch, bulkIds: bulkIds, makeUUID: Counter().next))
        emitter.converter = CSVConverter(catalog: catalog)
        emitter.chunkBytes = chunk
        emitter.workers = workers
        emitter.writeBytes = 300
        var out: [UInt8] = []
        let summary = try emitter.emit(bytes, mapping: mapping) { out += $0 }
        return (out, summary)
    }

    private let hr = "urn:contoso:hr:1.0:User"

    private var catalog: AttributeCatalog {
        AttributeCatalog(extensions: [SchemaDefinition(urn: hr, name: "HR", attributes: [
            AttributeDefinition("grade", .integer, "Pay grade."), AttributeDefinition("fte", .decimal, "Share of full time."),
        ])])
    }

    /// Constants (typed and not), rules, typed cells (valid and not), elements, extensions, a blank
    /// and a repeated externalId, quotes, CRLF and non-ASCII text.
    private func richMapping() throws -> CSVMapping {
        var m = CSVMapping()
        func column(_ path: String, _ name: String) throws { m.assignments.append(.init(try AttributePath(parsing: path), .column(name))) }
        try column("externalId", "Id")
        try column("userName", "Mail")
        try column(#"emails[type eq "work"].value"#, "Mail")
        try column(#"emails[type eq "work"].primary"#, "Main")
        try column(#"phoneNumbers[type eq "mobile"].value"#, "Phone")
        try column("name.givenName", "First")
        try column("\(hr):grade", "Grade")
        try column("\(hr):fte", "FTE")
        try column("\(SCIMSchema.enterpriseUser):manager", "Boss")
        m.assignments.append(.init(try AttributePath(parsing: "userType"), .constant("Employee")))
        m.assignments.append(.init(try AttributePath(parsing: "\(hr):level"), .constant(.number(JSONNumber(3)))))
        m.assignments.append(.init(try AttributePath(parsing: "active"), .rule(try BooleanRule(parsing: #"Status in ["Active", "Élevé"]"#))))
        m.remainingExtension = "urn:contoso:employee"
        return m
    }

    private func richCSV(rows: Int) -> String {
        var csv = "Id,Mail,Main,Phone,First,Grade,FTE,Boss,Status,Note\r\n"
        for i in 0..<rows {
            let id = i % 7 == 3 ? "dup" : (i % 11 == 5 ? "  " : "e\(i)")
            let main = ["yes", "0", "maybe", ""][i % 4]
            let grade = i % 5 == 0 ? "seven" : String(i % 9)
            let status = ["Active", " ÉLEVÉ ", "inactive", ""][i % 4]
            let note = i % 3 == 0 ? "\"say \"\"hi\"\", \\ \u{01}\"" : (i % 3 == 1 ? "\"two\nlines\"" : "")
            csv += "\(id),u\(i)@c.com,\(main),\(i % 2 == 0 ? "+1 555" : ""),Zoë \(i),\(grade),0.\(i % 10),\(i / 2),\(status),\(note)\r\n"
        }
        return csv
    }

    func testEveryMappingFeatureMatchesTheValuePath() throws {
        let bytes = Array(richCSV(rows: 240).utf8)
        for batch in [50, 7, 1] {
            let (expected, findings) = try reference(bytes, mapping: try richMapping(), catalog: catalog, batch: batch)
            let (got, summary) = try emitted(bytes, mapping: try richMapping(), catalog: catalog, batch: batch)
            XCTAssertTrue(got == expected, "batch \(batch):\n\(String(decoding: got.prefix(1_500), as: UTF8.self))\n---\n"
                          + String(decoding: expected.prefix(1_500), as: UTF8.self))
            XCTAssertEqual(summary.diagnostics, findings)
            XCTAssertEqual(Set(findings.map(\.rule)), ["csv.value.integer", "csv.value.boolean"], "refused cells are part of the check")
            XCTAssertEqual(summary.records, 240)
            XCTAssertEqual(summary.documents, (240 + batch - 1) / batch)
        }
        XCTAssertTrue(String(decoding: try emitted(bytes, mapping: try richMapping(), catalog: catalog, batch: 50).0, as: UTF8.self)
            .contains(#""urn:contoso:employee":{"Note":"say \"hi\", \\ \u0001"}"#))
    }

    func testUUIDBulkIdsComeInTheSameOrder() throws {
        let bytes = Array(richCSV(rows: 60).utf8)
        let (expected, _) = try reference(bytes, mapping: try richMapping(), catalog: catalog, batch: 50, bulkIds: .uuid)
        XCTAssertTrue(try emitted(bytes, mapping: try richMapping(), catalog: catalog, batch: 50, bulkIds: .uuid).0 == expected)
        XCTAssertTrue(String(decoding: expected, as: UTF8.self).contains(#""bulkId":"uuid-60""#))
    }

    /// A small CSV cut into windows at every byte offset, on one and two workers: the same bytes.
    func testEveryCutGivesTheSameBytes() throws {
        let bytes = Array(richCSV(rows: 12).utf8)
        let (expected, findings) = try reference(bytes, mapping: try richMapping(), catalog: catalog, batch: 5)
        for chunk in 1...(bytes.count + 1) {
            for workers in [1, 2] {
                let (got, summary) = try emitted(bytes, mapping: try richMapping(), catalog: catalog, batch: 5, chunk: chunk, workers: workers)
                XCTAssertTrue(got == expected, "windows of \(chunk) bytes, \(workers) workers")
                XCTAssertEqual(summary.diagnostics, findings, "windows of \(chunk) bytes, \(workers) workers")
            }
        }
    }

    func testAnErrorWritesTheWholeDocumentsBeforeIt() throws {
        let csv = "externalId,userName\n" + (0..<9).map { "e\($0),u\($0)\n" }.joined() + "9,\"open\n10,x\n"
        for chunk in [1, 16, 1 << 20] {
            var emitter = CSVBulkEmitter(builder: BulkRequestBuilder(batchSize: 4, makeUUID: Counter().next))
            emitter.chunkBytes = chunk
            var out: [UInt8] = []
            XCTAssertThrowsError(try emitter.emit(Array(csv.utf8), mapping: nil) { out += $0 }) {
                XCTAssertEqual(($0 as? CSVError)?.position?.line, 11, "\($0)")
            }
            let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
            XCTAssertEqual(lines.count, 2, "windows of \(chunk): the 8 users of two whole documents, not the ninth")
            XCTAssertTrue(lines.allSatisfy { (try? JSONParser.parse(String($0))) != nil })
        }
    }

    /// The encoding is checked while the first windows are parsed: a bad byte deep in the file, or
    /// a NUL, still stops everything before a single document is written, with the same error the
    /// reader gives, and before an error of the header's.
    func testAnEncodingErrorAnywhereWritesNothing() throws {
        let good = "externalId,userName\n" + (0..<40).map { "e\($0),u\($0)\n" }.joined()
        let cases: [([UInt8], String)] = [
            (Array(good.utf8) + [0xC3, 0x28] + Array(",x\n".utf8), "invalid UTF-8"),
            (Array(good.utf8) + [0x00] + Array(",x\n".utf8), "NUL byte"),
            ([0xFF] + Array(",\n".utf8), "invalid UTF-8"),  // the header alone, and unreadable
        ]
        for (bytes, expected) in cases {
            let reader: CSVError? = { () -> CSVError? in do { _ = try CSVReader().read(bytes); return nil } catch { return error as? CSVError } }()
            for chunk in [1, 16, 1 << 20] {
                var emitter = CSVBulkEmitter(builder: BulkRequestBuilder(batchSize: 4, makeUUID: Counter().next))
                emitter.chunkBytes = chunk
                var out: [UInt8] = []
                XCTAssertThrowsError(try emitter.emit(bytes, mapping: nil) { out += $0 }) {
                    XCTAssertTrue(($0 as? CSVError)?.message.hasPrefix(expected) == true, "\($0)")
                    XCTAssertEqual(($0 as? CSVError)?.message, reader?.message)
                    XCTAssertEqual(($0 as? CSVError)?.offset, reader?.offset)
                }
                XCTAssertEqual(out, [], "windows of \(chunk)")
            }
        }
    }

    /// Rows are written through a cursor into room made from `RecordByteWriter.bound`, with no
    /// check per byte: the bound must hold for the worst rows (every byte escaped to six, one
    /// column read by several attributes, typed cells, constants and rules).
    func testTheBoundOfARowIsNeverExceeded() throws {
        var mapping = try richMapping()
        mapping.assignments.append(.init(try AttributePath(parsing: "displayName"), .column("Note")))
        mapping.assignments.append(.init(try AttributePath(parsing: "nickName"), .column("Note")))
        let hostile = String(repeating: "\u{01}\u{7F}\"\\", count: 50)
        let csv = richCSV(rows: 30) + "h1,\"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\",yes,,\u{01},1,0.5,\u{02},Active,\"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\"\r\n"
        let bytes = Array(csv.utf8)
        let converter = CSVConverter(catalog: catalog)
        let (stream, mapper, _) = try converter.prepare(bytes, mapping: mapping, extensionURN: nil)
        let writer = CSVOperationWindow.Writer(mapper: mapper, reader: converter.reader, delimiter: stream.delimiter, proposeExternalIds: true)
        var scanner = CSVScanner(bytes: bytes, position: stream.parser.position, delimiter: stream.delimiter, maxFieldBytes: 1 << 20)
        var fields: [CSVScanner.Span] = []
        var slots = [SlotValue](repeating: .none, count: mapper.plan.layout.slotCount)
        var typed: [UInt8] = [], diagnostics: [Diagnostic] = []
        var rows = 0, tightest = Int.max
        while try scanner.nextRow(into: &fields, maxColumns: 100) {
            typed.removeAll()
            mapper.map(fields, in: scanner, line: 0, offset: 0, index: rows, into: &slots, typed: &typed, diagnostics: &diagnostics)
            var out: [UInt8] = []
            let room = slots.withUnsafeBufferPointer { slots in
                typed.withUnsafeBufferPointer { typed in
                    scanner.bytes.withUnsafeBufferPointer { source in
                        scanner.scratch.withUnsafeBufferPointer { scratch in
                            let row = RecordByteWriter.Row(slots: slots, typed: typed, source: source, scratch: scratch)
                            writer.record.write(row, into: &out)
                            return writer.record.bound(row)
                        }
                    }
                }
            }
            XCTAssertGreaterThanOrEqual(room, out.count, "row \(rows)")
            tightest = min(tightest, room - out.count)
            scanner.scratch.removeAll(keepingCapacity: true)
            rows += 1
        }
        XCTAssertEqual(rows, 31)
        XCTAssertGreaterThanOrEqual(tightest, 0)
    }

    /// The cursor copies short pieces in words (overlapping the last): every length, every offset.
    func testTheCursorCopiesEveryLengthExactly() {
        let source = (0..<100).map { UInt8($0 + 1) }
        for length in 0...70 {
            for offset in [0, 1, 7] {
                var target = [UInt8](repeating: 0, count: 100)
                let written = target.withUnsafeMutableBufferPointer { t -> Int in
                    var cursor = ByteCursor(t.baseAddress! + offset)
                    source.withUnsafeBufferPointer { cursor.put(UnsafeBufferPointer(rebasing: $0[3..<(3 + length)])) }
                    return cursor.position - t.baseAddress!
                }
                XCTAssertEqual(written, offset + length)
                XCTAssertEqual(Array(target[offset..<(offset + length)]), Array(source[3..<(3 + length)]), "\(length) at \(offset)")
                XCTAssertTrue(target[..<offset].allSatisfy { $0 == 0 } && target[(offset + length)...].allSatisfy { $0 == 0 }, "\(length) at \(offset)")
            }
        }
    }
}
