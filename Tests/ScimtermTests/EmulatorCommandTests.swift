import Foundation
import SCIM
import XCTest

final class EmulatorCommandTests: XCTestCase {
    func testFirstLineNamesEverythingAScriptNeedsAndTLSWritesTheCA() throws {
        let ca = NSTemporaryDirectory() + "ca-\(UUID().uuidString).pem"
        defer { try? FileManager.default.removeItem(atPath: ca) }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["emulator", "--tls", "--ca-file", ca]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line: [UInt8] = []
        while let byte = try pipe.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { line.append(byte) }
        let info = try XCTUnwrap(try JSONParser.parse(line).objectValue)
        XCTAssertEqual(info.keys, ["authority", "tenant", "clientId", "clientSecret", "endpoint", "caFile"])
        XCTAssertTrue(info["authority"]?.stringValue?.hasPrefix("https://127.0.0.1:") ?? false)
        XCTAssertTrue(info["endpoint"]?.stringValue?.hasSuffix("/bulkUpload") ?? false)
        XCTAssertEqual(info["caFile"]?.stringValue, ca)
        XCTAssertTrue(try String(contentsOfFile: ca, encoding: .utf8).contains("BEGIN CERTIFICATE"))
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "SIGTERM stops the emulator cleanly")
    }
}
