import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// Files the CLI writes hold HR data: a HAR and converted payloads are created 0600 in folders made
/// 0700, like the journal, even where a wider file was there before.
final class PrivateOutputTests: XCTestCase {
    var scratch: URL!

    override func setUp() async throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try XCTUnwrap(attributes[.posixPermissions] as? Int) & 0o777
    }

    func testHelperCreatesFilesAndFoldersPrivately() throws {
        let path = scratch.appendingPathComponent("a/b/out.json").path
        try PrivateFile.write(Array("{}".utf8), to: path)
        XCTAssertEqual(try mode(path), 0o600)
        XCTAssertEqual(try mode(scratch.appendingPathComponent("a/b").path), 0o700)
        XCTAssertEqual(try mode(scratch.appendingPathComponent("a").path), 0o700)
        FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        try PrivateFile.write(Array("new".utf8), to: path)
        XCTAssertEqual(try mode(path), 0o600, "an older, wider file is replaced, not kept")
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("new".utf8))
    }

    func testConvertOutputFolderAndFilesArePrivate() throws {
        let mapping = CommandRunner.packageRoot.appendingPathComponent("examples/csv2scim-mapping.toml").path
        let dir = scratch.appendingPathComponent("converted").path
        let r = try CommandRunner.run(["convert", CommandRunner.samples("employeeData.csv"), "--mapping", mapping, "-o", dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try mode(dir), 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertFalse(files.isEmpty)
        for file in files { XCTAssertEqual(try mode(dir + "/" + file), 0o600, file) }
    }

    func testSendHARIsPrivate() async throws {
        let cli = try CLIEmulator("scimterm-private-send")
        try await cli.start()
        let users: [JSONValue] = (0..<3).map { i in
            ["schemas": [.string(SCIMSchema.user)], "externalId": .string("p\(i)"), "userName": .string("p\(i)@contoso.com"), "active": true]
        }
        let input = scratch.appendingPathComponent("users.json").path
        try Data(JSONWriter.compact.bytes(.array(users))).write(to: URL(fileURLWithPath: input))
        let har = scratch.appendingPathComponent("support/session.har").path
        let r = try cli.run(["send", input, "--har", har] + cli.connection)
        await cli.stop()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try mode(har), 0o600)
        XCTAssertEqual(try mode(scratch.appendingPathComponent("support").path), 0o700)
    }
}
