import Foundation

extension CommandRunner {
    /// Starts scimterm without waiting, for tests that signal it.
    static func launch(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = makeProcess(arguments, environment: environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
