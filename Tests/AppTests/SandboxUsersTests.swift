import App
import Foundation
import XCTest

/// The sandbox users come from one file, `Sources/App/Sandbox/sandbox-users.json`, shipped as the App
/// target's resource; `examples/sandbox-users.json` is a link to it, not a second copy.
final class SandboxUsersTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheSampleUsersAreReadFromTheBundledResource() throws {
        let url = try XCTUnwrap(SandboxUsers.url, "the App resource bundle is missing")
        XCTAssertTrue(url.path.contains(".resources"), "read from the built bundle, not the source tree: \(url.path)")
        let users = TUIApp.sampleUsers()
        XCTAssertEqual(users.count, 25)
        XCTAssertTrue(users.contains { $0.managerExternalId != nil }, "a manager chain")
        XCTAssertTrue(users.contains { $0.userName == "zoe.angstrom@contoso.com" }, "non-ASCII names survive: \(users.first?.userName ?? "")")
    }

    func testTheBundleHoldsTheSourceFileAndTheExampleIsALinkToIt() throws {
        let source = Self.root.appendingPathComponent("Sources/App/Sandbox/sandbox-users.json")
        let bundled = try XCTUnwrap(SandboxUsers.url)
        XCTAssertEqual(try Data(contentsOf: bundled), try Data(contentsOf: source))
        let example = Self.root.appendingPathComponent("examples/sandbox-users.json").path
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: example)
        XCTAssertEqual(target, "../Sources/App/Sandbox/sandbox-users.json", "one copy: the example points at the resource")
    }
}
