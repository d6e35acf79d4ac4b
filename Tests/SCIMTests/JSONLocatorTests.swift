import XCTest
@testable import SCIM

final class JSONLocatorTests: XCTestCase {
    func testFindsValuesAndFallsBackToTheDeepestAncestor() throws {
        let text = "{\n  \"Operations\": [\n    {\"data\": {\"userName\": \"a\"}},\n    {\"data\": {}}\n  ]\n}"
        let bytes = Array(text.utf8)
        let ops = JSONPath.root.appending("Operations")
        let paths = [
            ops.appending(index: 0).appending("data").appending("userName"),
            ops.appending(index: 1).appending("data").appending("userName"),  // missing: lands on data
            ops,
        ]
        let offsets = JSONLocator.offsets(of: paths, in: bytes[...])
        let positions = SourcePosition.positions(of: offsets, in: bytes)
        XCTAssertEqual(positions, [
            SourcePosition(line: 3, column: 27),
            SourcePosition(line: 4, column: 14),
            SourcePosition(line: 2, column: 17),
        ])
    }

    func testPathDescription() {
        let p = JSONPath.root.appending("Operations").appending(index: 2).appending("data")
            .appending(SCIMSchema.enterpriseUser).appending("manager")
        XCTAssertEqual(p.description, "Operations[2].data[\"\(SCIMSchema.enterpriseUser)\"].manager")
    }
}
