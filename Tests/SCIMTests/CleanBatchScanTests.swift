import Foundation
import XCTest
@testable import SCIM

/// The validator's fast path may decline any batch, but must never pass one that the JSON parser
/// rejects or in which the document and record rules find anything; and what it passes must give
/// the set rules the same keys as the records read the usual way.
final class CleanBatchScanTests: XCTestCase {
    private let table = CatalogTable(.standard)

    /// Two users as `scimterm convert` writes them, with what the fast path must read through:
    /// escapes, a surrogate pair, non-ASCII text, a manager, `primary`, an unknown extension.
    private let document = #"""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","bulkId":"b1","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","urn:contoso:x"],"externalId":"701984","userName":"BJensen@example.com","active":true,"name":{"familyName":"Jensen","givenName":"Barb\u0061ra"},"emails":[{"value":"b@example.com","type":"Work","primary":true}],"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"7","manager":{"value":"701985"}},"urn:contoso:x":{"n":[1.5e3,-0,{"a":null}]}}},
        {"method":"POST","bulkId":"b2","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"701985","userName":"kim","displayName":"Zoë \ud83d\ude00 \"K\"\n","active":false}}],"failOnErrors":null}
        """#

    /// What the usual way makes of the bytes: nil for a syntax error.
    private func tree(_ bytes: [UInt8]) -> (findings: [Diagnostic], outcome: CleanBatchScan.Outcome)? {
        guard let input = try? PayloadReader.read(json: bytes, concurrent: false) else { return nil }
        let found = Validator().validateCapped(input, bytes: bytes, setRules: false).all
        return (found, CleanBatchScan.Outcome(documents: input.documents.count, records: input.records.count,
                                              hashes: SetKeyHashes.of(input.records)))
    }

    /// Whether the fast path passed the bytes; if it did, that the usual way agrees.
    @discardableResult
    private func assertSound(_ bytes: [UInt8], _ what: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let fast = CleanBatchScan.scan(bytes, table: table) else { return false }
        guard let slow = tree(bytes) else {
            XCTFail("passed text the parser rejects: \(what())", file: file, line: line)
            return true
        }
        XCTAssertEqual(slow.findings.map(\.rule), [], "passed a batch with findings: \(what())", file: file, line: line)
        XCTAssertEqual(fast.documents, slow.outcome.documents, what(), file: file, line: line)
        XCTAssertEqual(fast.records, slow.outcome.records, what(), file: file, line: line)
        XCTAssertEqual(fast.hashes, slow.outcome.hashes, what(), file: file, line: line)
        return true
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testAConvertedDocumentPassesWithTheSameKeys() throws {
        XCTAssertTrue(assertSound(bytes(document)))
        let outcome = try XCTUnwrap(CleanBatchScan.scan(bytes(document), table: table))
        XCTAssertEqual(outcome.documents, 1)
        XCTAssertEqual(outcome.records, 2)
        XCTAssertEqual(outcome.hashes.map(\.managerIsSelf), [false, false])
        XCTAssertNotNil(outcome.hashes[0].manager)
        XCTAssertNil(outcome.hashes[1].manager)
    }

    func testJSONLinesAndABOMPass() {
        let line = document.replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(assertSound([0xEF, 0xBB, 0xBF] + bytes(line + "\n" + line.replacingOccurrences(of: "b1", with: "b3") + "\r\n\t ")))
    }

    /// Each byte deleted, replaced by each byte that means something to JSON or UTF-8, or cut
    /// there: the fast path passes only what the usual way finds clean.
    func testMalformedAtEveryByteOffsetIsNeverPassed() {
        let original = bytes(document)
        let replacements: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x20, 0x22, 0x2C, 0x2D, 0x2E, 0x30, 0x31, 0x3A, 0x5B, 0x5C, 0x5D,
                                     0x61, 0x65, 0x6E, 0x74, 0x75, 0x7B, 0x7D, 0x7F, 0x80, 0xC2, 0xE2, 0xED, 0xFF]
        var passed = 0, tried = 0
        for offset in original.indices {
            var variants: [[UInt8]] = [Array(original[..<offset]), Array(original[..<offset] + original[(offset + 1)...])]
            for b in replacements where b != original[offset] {
                var v = original
                v[offset] = b
                variants.append(v)
            }
            for v in variants {
                tried += 1
                if assertSound(v, "offset \(offset)") { passed += 1 }
            }
        }
        XCTAssertGreaterThan(passed, 300, "the harmless changes (a letter in a value, a blank) still pass (\(passed) of \(tried))")
    }

    func testEscapesAndSurrogatesAsTheParserReadsThem() {
        func user(_ displayName: String) -> [UInt8] {
            bytes(document.replacingOccurrences(of: #""displayName":"Zoë \ud83d\ude00 \"K\"\n""#, with: #""displayName":"# + displayName))
        }
        for ok in [#""a\/b\\c\"d\r\t\n""#, #""\u00e9\u4E2D""#, #""\ud83d\ude00""#, #""\uD83D\uDE00x""#, "\"漢字 é\""] {
            XCTAssertTrue(assertSound(user(ok), ok), ok)
        }
        // Lone or reversed surrogates, bad escapes, raw controls: syntax errors.
        for bad in [#""\ud83d""#, #""\ude00\ud83d""#, #""\ud83dx""#, #""\ud83d\u0041""#, #""\x""#, #""\u12G4""#, #""\u12""#, "\"a\u{01}\"", "\"\\"] {
            XCTAssertFalse(assertSound(user(bad), bad), bad)
            XCTAssertNil(tree(user(bad)), bad)
        }
        // Suspicious characters, escaped or not: the usual way words the warning.
        for flagged in [#""\b""#, #""\f""#, #""\u0000""#, #""\u007f""#, #""\u0085""#, #""\u202e""#, #""\u2066""#, "\"\u{7F}\"",
                        "\"\u{85}\"", "\"\u{202A}\"", "\"\u{2069}\""] {
            XCTAssertFalse(assertSound(user(flagged), flagged), flagged)
            XCTAssertEqual(tree(user(flagged))?.findings.map(\.rule), ["input.controlCharacters"], flagged)
        }
        // Invalid UTF-8: overlong, a surrogate, truncated, a stray continuation, after an escape.
        let base = user("\"#\"")
        let at = base.firstIndex(of: UInt8(ascii: "#"))!
        for raw: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF5, 0x80, 0x80, 0x80], [0x5C, 0x6E, 0xFF]] {
            var v = base
            v.replaceSubrange(at...at, with: raw)
            XCTAssertFalse(assertSound(v, "\(raw)"), "\(raw)")
            XCTAssertNil(tree(v), "\(raw)")
        }
    }

    func testNumbersAsTheParserReadsThem() {
        func extra(_ number: String) -> [UInt8] {
            bytes(document.replacingOccurrences(of: "1.5e3", with: number))
        }
        for ok in ["0", "-0", "12", "1.25", "1e5", "1E+5", "1e-05", "-0.5E2", "123456789012345678901234567890"] {
            XCTAssertTrue(assertSound(extra(ok), ok), ok)
        }
        for bad in ["01", "1.", ".5", "-", "1e", "1e+", "+1", "1-2", "0x10", "1.5.5", "--1", "1ee5", "NaN", "1_0"] {
            XCTAssertFalse(assertSound(extra(bad), bad), bad)
            XCTAssertNil(tree(extra(bad)), bad)
        }
    }

    func testDeepNestingIsLeftToTheParser() {
        func nested(_ depth: Int) -> [UInt8] {
            bytes(document.replacingOccurrences(of: "1.5e3", with: String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        }
        XCTAssertTrue(assertSound(nested(40)))
        XCTAssertFalse(assertSound(nested(80)), "deeper than the scan goes: read the usual way")
        XCTAssertNotNil(tree(nested(80)))
        XCTAssertFalse(assertSound(nested(300)))
        XCTAssertNil(tree(nested(300)), "deeper than the parser's limit")
    }

    /// Duplicate keys anywhere, and keys equal but for case (which the look-ups ignoring case would
    /// confuse), are declined; the usual way reports the duplicates.
    func testDuplicateKeysAreDeclined() {
        let cases = [
            (#""failOnErrors":null}"#, #""failOnErrors":null,"failOnErrors":null}"#),
            (#""bulkId":"b2","#, #""bulkId":"b2","bulkId":"b4","#),
            (#""active":false}"#, #""active":false,"active":false}"#),
            (#""familyName":"Jensen""#, #""familyName":"Jensen","familyName":"J""#),
            (#""employeeNumber":"7""#, #""employeeNumber":"7","employeeNumber":"8""#),
            (#"{"a":null}"#, #"{"a":null,"a":1}"#),
            (#""active":false}"#, #""active":false,"Active":false}"#),
            (#""value":"701985""#, #""value":"701985","Value":"x""#),
        ]
        for (from, to) in cases {
            let v = bytes(document.replacingOccurrences(of: from, with: to))
            XCTAssertNotEqual(v, bytes(document), to)
            XCTAssertFalse(assertSound(v, to), to)
            XCTAssertNotNil(tree(v), to)
        }
    }

    /// Each rule the fast path mirrors, broken once: declined, and the usual way finds it.
    func testEveryMirroredRuleIsDeclined() {
        let cases: [(String, String)] = [
            (#""Operations""#, #""operations""#), (#""method":"POST""#, #""method":"PUT""#), (#""path":"/Users""#, #""path":"/users""#),
            (#""bulkId":"b2""#, #""bulkId":"b1""#), (#""bulkId":"b2""#, #""bulkId":"""#), (#""failOnErrors":null"#, #""failOnErrors":0"#),
            (#""failOnErrors":null"#, #""failOnErrors":1.0"#), (#""externalId":"701985""#, #""externalId":" ""#),
            (#""externalId":"701985","#, ""), (#""userName":"kim","#, ""), (#""active":false"#, #""active":"false""#),
            (#","active":false"#, ""), (#""userName":"kim""#, #""username":"kim""#), (#""displayName""#, #""shoeSize""#),
            (#""type":"Work""#, #""type":"home""#), (#""type":"Work","#, ""), (#""primary":true"#, #""primary":"yes""#),
            (#""emails":[{"#, #""emails":[{"primary":true},{"type":"work","#), (#""name":{"familyName":"Jensen","givenName":"Barb\u0061ra"}"#, #""name":[{"familyName":"Jensen","givenName":"Barb\u0061ra"}]"#), (#","urn:contoso:x"]"#, "]"), (#""givenName""#, #""nickname""#),
            (#""employeeNumber":"7""#, #""employeeNumber":7"#), (#""employeeNumber""#, #""badgeNumber""#),
            (#"["urn:ietf:params:scim:schemas:core:2.0:User"]"#, #"["urn:ietf:params:scim:schemas:core:2.0:Group"]"#),
            (#""userName":"kim""#, #""userName":"kim","title":["x"]"#), (#""userName":"kim""#, #""userName":"kim","emails":{}"#),
        ]
        for (from, to) in cases {
            let v = bytes(document.replacingOccurrences(of: from, with: to))
            XCTAssertNotEqual(v, bytes(document), from)
            XCTAssertFalse(assertSound(v, to), "\(from) → \(to)")
            XCTAssertNotEqual(tree(v)?.findings.isEmpty, true, "\(from) → \(to)")
        }
    }

    /// Shapes the fast path leaves to the usual way although they are clean: declining is safe.
    func testShapesItDoesNotTakeAreDeclined() {
        let user = #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"1","userName":"a","active":true}"#
        for text in [user, "[" + user + "]", #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[]}"#,
                     document.replacingOccurrences(of: #""kim""#, with: #""k\u0069m""#)] {
            XCTAssertFalse(assertSound(bytes(text)), text)
        }
    }

    func testHashesOfBytesAreThoseOfStrings() {
        for s in ["", "a", "EMP100000", "bjensen@example.com", String(repeating: "x", count: 100)] {
            XCTAssertEqual(Array(s.utf8).withUnsafeBufferPointer { HashedKeys.hash(ascii: $0) }, HashedKeys.hash(s), s)
        }
        // Canonically equivalent to ASCII: the Kelvin sign is K, as `[String: Int]` has it.
        XCTAssertEqual(HashedKeys.hash("\u{212A}"), Array("K".utf8).withUnsafeBufferPointer { HashedKeys.hash(ascii: $0) })
        XCTAssertEqual(HashedKeys.hash("e\u{301}"), HashedKeys.hash("\u{E9}"))
    }

    /// A stream of clean documents with dirty ones and set findings between them reports the same,
    /// in the same order, with the fast path as without it.
    func testStreamedWithAndWithoutTheFastPathAlike() throws {
        var lines: [String] = []
        let clean = document.replacingOccurrences(of: "\n", with: "")
        for d in 0..<60 {
            var line = clean.replacingOccurrences(of: "701984", with: "E\(d)").replacingOccurrences(of: "701985", with: d % 7 == 3 ? "E\(d - 2)" : "F\(d)")
            if d % 5 == 2 { line = line.replacingOccurrences(of: #""type":"Work""#, with: #""type":"home""#) }
            if d % 9 == 1 { line = line.replacingOccurrences(of: #"{"value":"F"#, with: #"{"value":"X"#) }
            if d % 11 == 4 { line = line.replacingOccurrences(of: #""userName":"kim""#, with: #""userName":"KIM""#) }
            lines.append(d % 13 == 6 ? line.replacingOccurrences(of: #","Operations""#, with: ",\n\"Operations\"") : line)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fast-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        func run(fast: Bool) throws -> (diagnostics: [Diagnostic], records: Int, documents: Int) {
            var stream = StreamingValidator(validator: Validator(limits: DiagnosticLimits(perRule: 5, total: 30)), fastPath: fast)
            _ = try DocumentBatches.read(path: file.path, size: 1_500) { (batch: [UInt8]) throws(InputError) in try stream.add(batch: batch) }
            return (stream.finish(), stream.records, stream.documents)
        }
        let fast = try run(fast: true), slow = try run(fast: false)
        XCTAssertEqual(fast.records, 120)
        XCTAssertEqual(fast.documents, slow.documents)
        XCTAssertEqual(fast.records, slow.records)
        XCTAssertEqual(fast.diagnostics, slow.diagnostics)
        for rule in ["entra.type.notWork", "entra.userName.duplicate", "entra.manager.outside", "entra.externalId.duplicate"] {
            XCTAssertTrue(slow.diagnostics.contains { $0.rule == rule }, rule)
        }
    }

    func testTheURNsAreSCIMSchemas() {
        XCTAssertEqual("\(CleanBatchScan.bulkRequestURN)", SCIMSchema.bulkRequest)
        XCTAssertEqual("\(CleanBatchScan.userURN)", SCIMSchema.user)
        XCTAssertEqual("\(CleanBatchScan.enterpriseUserURN)", SCIMSchema.enterpriseUser)
    }
}
