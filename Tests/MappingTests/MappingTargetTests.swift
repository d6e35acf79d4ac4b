import XCTest
@testable import Mapping

final class MappingTargetTests: XCTestCase {
    func testTheNamespaceIsPublic() {
        XCTAssertEqual(String(describing: Mapping.self), "Mapping")
    }
}
