import Emulator
import Foundation
import Provisioning
import SCIM
import XCTest

/// "Copy as curl" must reproduce the request for real: run it with a token and get 202.
final class CurlExportLoopbackTests: XCTestCase {
    func testCopiedCurlCommandReplaysTheUpload() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { throw XCTSkip("curl is not installed") }
        let loop = try await LoopbackClient.start()
        let summary = await BulkUploader(client: loop.client, pacer: .unlimited).send(LoopbackClient.documents(3))
        XCTAssertEqual(summary.acceptedDocuments, 1)
        let exchanges = await loop.recorder.all()
        let upload = try XCTUnwrap(exchanges.first { $0.purpose == .bulkUpload(document: 0) })
        let command = CurlExport.command(upload.request)
        XCTAssertFalse(command.contains("eyJ"), "the recorded token never reaches the command")
        let token = try await loop.client.tokens.token()
        let output = try Self.shell(command, environment: ["TOKEN": token])
        XCTAssertTrue(output.contains("HTTP/1.1 202 Accepted"), output)
        let accepted = await loop.emulator.core.statistics.accepted
        XCTAssertEqual(accepted, 2, "the replay was accepted as a second upload")
        await loop.stop()
    }

    static func shell(_ command: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = NSTemporaryDirectory() + "curl-replay-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: out, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        defer { try? FileManager.default.removeItem(atPath: out) }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return try String(contentsOfFile: out, encoding: .utf8)
    }
}
