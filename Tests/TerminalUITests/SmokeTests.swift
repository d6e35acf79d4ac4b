import XCTest
final class SmokeTests: XCTestCase { func testNothing() { XCTAssertEqual(1, 1) } }
