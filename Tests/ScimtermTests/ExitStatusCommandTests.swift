import Foundation
import XCTest

/// The exit statuses `scimterm --help` and the README promise, for usage errors above all
/// (ArgumentParser's own code would be 64).
final class ExitStatusCommandTests: XCTestCase {
    func testUsageErrorsExitTwoWithTheUsageLine() throws {
        for arguments in [["validate", "--no-such-option", CommandRunner.samples("User.json")], ["validate"],
                          ["send", "--batch-size", "0", CommandRunner.samples("User.json")], ["no-such-command"]] {
            let r = try CommandRunner.run(arguments)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("Error:") && r.stderr.contains("Usage:"), r.stderr)
        }
    }

    func testHelpAndVersionExitZero() throws {
        for arguments in [["--help"], ["validate", "--help"], ["--version"]] {
            XCTAssertEqual(try CommandRunner.run(arguments).status, 0, "\(arguments)")
        }
    }

    func testTheRootHelpStatesEveryStatus() throws {
        let help = try CommandRunner.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        for phrase in ["0 success", "1 problems found", "2 a usage error, unreadable input or a refusal", "129/130/143"] {
            XCTAssertTrue(help.contains(phrase), "\(phrase) in: \(help)")
        }
    }
}
