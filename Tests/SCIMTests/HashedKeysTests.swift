import XCTest
@testable import SCIM

final class HashedKeysTests: XCTestCase {
    func testFirstRecordOfEachHashWithoutReserving() {
        var keys = HashedKeys()
        for i in 0..<5_000 { XCTAssertNil(keys.append(UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15, index: true)) }
        XCTAssertEqual(keys.append(UInt64(1_234 + 1) &* 0x9E37_79B9_7F4A_7C15, index: true), 1_234)
        XCTAssertEqual(keys.first(UInt64(4_999 + 1) &* 0x9E37_79B9_7F4A_7C15), 4_999)
        XCTAssertEqual(keys.count, 5_001)
        XCTAssertEqual(keys.hash(ofRecord: 5_000), UInt64(1_234 + 1) &* 0x9E37_79B9_7F4A_7C15, "a repeat is kept as the record's hash")
    }

    func testRecordsWithoutAKeyOrNotIndexedKeepTheirPositions() {
        var keys = HashedKeys()
        keys.reserve(10)
        XCTAssertNil(keys.append(nil, index: true))
        XCTAssertNil(keys.append(7, index: false))
        XCTAssertNil(keys.append(7, index: true), "the unindexed 7 is not found")
        XCTAssertEqual(keys.append(7, index: true), 2)
        XCTAssertEqual(keys.hash(ofRecord: 0), 0)
        XCTAssertEqual(keys.hash(ofRecord: 1), 7)
        XCTAssertNil(keys.first(8))
    }

    func testStringHashesTreatCanonicallyEquivalentStringsAsOne() {
        XCTAssertEqual(HashedKeys.hash("Jos\u{E9}"), HashedKeys.hash("Jose\u{301}"))
        XCTAssertNotEqual(HashedKeys.hash("a"), HashedKeys.hash("b"))
        XCTAssertNotEqual(HashedKeys.hash(""), 0)
    }

    func testChunkedWordsAcrossParts() {
        var words = ChunkedWords()
        for i in 0..<100_000 { words.append(UInt64(i) * 3) }
        XCTAssertEqual(words.count, 100_000)
        XCTAssertEqual(words[0], 0)
        XCTAssertEqual(words[32_768], 98_304)
        XCTAssertEqual(words[99_999], 299_997)
    }
}
