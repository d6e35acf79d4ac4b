import Foundation
import XCTest

/// `scimterm --version` names the version and the commit the binary was built from.
final class VersionCommandTests: XCTestCase {
    func testVersionNamesTheCommitOfThisCheckout() throws {
        let r = try CommandRunner.run(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let line = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let head = Process()
        head.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        head.arguments = ["git", "-C", CommandRunner.packageRoot.path, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        head.standardOutput = pipe
        head.standardError = FileHandle.nullDevice
        try head.run()
        head.waitUntilExit()
        let commit = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard head.terminationStatus == 0, commit.count == 12 else {
            // A source tree without git: the stamp says so rather than inventing a revision.
            return XCTAssertEqual(line, "0.1.0 (git unknown)")
        }
        XCTAssertEqual(line, "0.1.0 (git \(commit))", "rebuilt after the last commit? the stamp follows HEAD")
    }
}
