import Foundation
@testable import SCIM
import XCTest

/// UTF-16 and UTF-32 files are named as such, with the way to convert them, instead of being
/// reported as binary at their first NUL byte.
final class TextEncodingCheckTests: XCTestCase {
    private func bytes(_ text: String, _ encoding: String.Encoding) -> [UInt8] { Array(text.data(using: encoding)!) }

    func testByteOrderMarksAreNamed() {
        XCTAssertEqual(TextEncodingCheck.unsupported([0xFF, 0xFE, 0x7B, 0x00]), "UTF-16 LE")
        XCTAssertEqual(TextEncodingCheck.unsupported([0xFE, 0xFF, 0x00, 0x7B]), "UTF-16 BE")
        XCTAssertEqual(TextEncodingCheck.unsupported([0xFF, 0xFE, 0x00, 0x00]), "UTF-32 LE")
        XCTAssertEqual(TextEncodingCheck.unsupported([0x00, 0x00, 0xFE, 0xFF]), "UTF-32 BE")
    }

    func testTextWithoutAByteOrderMarkIsRecognisedByItsZeros() {
        XCTAssertEqual(TextEncodingCheck.unsupported(bytes("id,name", .utf16LittleEndian)), "UTF-16 LE")
        XCTAssertEqual(TextEncodingCheck.unsupported(bytes("id,name", .utf16BigEndian)), "UTF-16 BE")
        XCTAssertEqual(TextEncodingCheck.unsupported(bytes("{}", .utf32LittleEndian)), "UTF-32 LE")
        XCTAssertEqual(TextEncodingCheck.unsupported(bytes("{}", .utf32BigEndian)), "UTF-32 BE")
    }

    func testUTF8WithOrWithoutItsMarkAndShortInputsPass() {
        XCTAssertNil(TextEncodingCheck.unsupported([0xEF, 0xBB, 0xBF, 0x7B]))
        XCTAssertNil(TextEncodingCheck.unsupported(Array("Zoë,Ångström".utf8)))
        XCTAssertNil(TextEncodingCheck.unsupported([UInt8]()))
        XCTAssertNil(TextEncodingCheck.unsupported([0x7B]))
        XCTAssertNil(TextEncodingCheck.unsupported([0x00, 0x00, 0x00, 0x00]), "all zeros is binary, left to the NUL check")
    }

    func testReadingAUTF16FileSaysSoAndHowToConvert() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("u16-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: "externalId,userName\n1,a@contoso.com\n".data(using: .utf16))
        XCTAssertThrowsError(try InputFile.read(path: path)) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("UTF-16 LE text, not UTF-8"), message)
            XCTAssertTrue(message.contains("iconv -f UTF-16LE -t UTF-8"), message)
        }
    }
}
