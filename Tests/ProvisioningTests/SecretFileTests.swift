import Foundation
@testable import Provisioning
import XCTest

/// `--client-secret-file`: private files only, judged by the file itself, so a link to a 0600
/// file is accepted and a refusal names the file a chmod would fix.
final class SecretFileTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-secret-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func file(_ name: String, mode: Int, text: String = "s3cr3t~value\n") -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        return path
    }

    private func failure(_ source: SecretSource) -> String {
        do { _ = try source.read(); return "" } catch { return error.description }
    }

    func testAPrivateFileIsReadTrimmed() throws {
        let secret = try SecretSource.file(file("secret", mode: 0o600)).read()
        XCTAssertEqual(secret.value, "s3cr3t~value")
    }

    func testAWiderFileIsRefusedWithTheChmodThatHelps() {
        let path = file("secret", mode: 0o644)
        XCTAssertEqual(failure(.file(path)), "\(path) is readable by others (mode 644); run chmod 600 \(path)")
    }

    func testALinkToAPrivateFileIsAccepted() throws {
        let target = file("real", mode: 0o600)
        let link = dir + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try SecretSource.file(link).read().value, "s3cr3t~value")
    }

    func testALinkToAWiderFileNamesTheTargetNotTheLink() throws {
        let target = file("real", mode: 0o640)
        let link = dir + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let message = failure(.file(link))
        XCTAssertTrue(message.hasSuffix("run chmod 600 \(URL(fileURLWithPath: target).resolvingSymlinksInPath().path)"), message)
        XCTAssertTrue(message.contains("the file \(link) links to"), message)
    }

    func testAFIFOIsNotReadAndSaysWhy() {
        let path = dir + "/fifo"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        XCTAssertEqual(failure(.file(path)), "\(path) is not a regular file")
    }

    func testAMissingFileSaysSo() {
        XCTAssertEqual(failure(.file(dir + "/none")), "\(dir)/none: cannot read the secret file (No such file or directory)")
    }
}
