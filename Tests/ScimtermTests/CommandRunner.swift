import Foundation
import XCTest

/// Runs the built `scimterm` binary as a user would, with a deadline so a hang fails the test.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
}

enum CommandRunner {
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var binary: URL { productsDirectory.appendingPathComponent("scimterm") }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func samples(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/SCIMTests/Fixtures/microsoft-samples").appendingPathComponent(name).path
    }

    /// scimterm with these arguments, in this environment plus `environment`.
    static func makeProcess(_ arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        return process
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval = 60) throws -> CommandResult {
        let process = makeProcess(arguments, environment: environment)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Files, not pipes: a large output cannot fill a pipe and deadlock the test.
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        if let stdin {
            let inURL = dir.appendingPathComponent("in")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                XCTFail("scimterm \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        let out = try Data(contentsOf: outURL), err = try Data(contentsOf: errURL)
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }

    /// A scratch file with the given bytes, removed by the caller's tearDown.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url
    }
}
