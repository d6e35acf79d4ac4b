import XCTest
import SCIM

/// Files with nothing to import are one input error, not a CSV of users with nothing but `schemas`.
final class EmptyInputTests: XCTestCase {
    private func problem(_ text: String) -> String? {
        EmptyInput.problem(Array(text.utf8))?.message
    }

    func testBlankSpaceIsNothingToImport() {
        for text in ["   \n  \n\t\n", "\r\n\r\n", "\u{FEFF}  \n", " "] {
            XCTAssertEqual(problem(text), "nothing to import: the file holds only blank space; expected a CSV with a header line, a BulkRequest or SCIM Users",
                           text.debugDescription)
        }
        XCTAssertEqual(problem(""), "nothing to import: the file is empty; expected a CSV with a header line, a BulkRequest or SCIM Users")
    }

    func testNullLinesAreNothingToImport() {
        XCTAssertEqual(problem("null\n null \r\n\nnull"),
                       "nothing to import: the file holds only JSON null (3 lines), no users; expected a CSV with a header line, a BulkRequest or SCIM Users")
        XCTAssertEqual(EmptyInput.problem(Array("null\n".utf8))?.position, SourcePosition(line: 1, column: 1))
    }

    func testAnythingElseMayHoldSomething() {
        for text in ["\n\nWorkerID\n1\n", "null\nWorkerID\n", "nullx\n", "nul\n", "{}", "[]", "\"null\"\n"] {
            XCTAssertNil(problem(text), text.debugDescription)
        }
    }
}
