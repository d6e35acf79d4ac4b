import ArgumentParser
import SCIM
import Settings

/// Options shared by the commands that read user records.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("CSV mapping file (TOML): which column feeds which SCIM attribute.", valueName: "FILE"))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("Put CSV columns the mapping does not use into this extension URN.", valueName: "URN"))
    var extensionUrn: String?

    /// Reads a file into records, or exits 2 with one clear line naming the file.
    func load(_ path: String) throws -> LoadedInput {
        try load(path, bytes: read(path))
    }

    func read(_ path: String) throws -> [UInt8] {
        do {
            return try InputLoader.read(path)
        } catch {
            StandardError.write("scimterm: \(error.description.visibleControlCharacters)")
            throw ExitCode(2)
        }
    }

    func load(_ path: String, bytes: [UInt8]) throws -> LoadedInput {
        do {
            return try InputLoader.load(path: path, bytes: bytes, mappingPath: mapping, extensionURN: extensionUrn)
        } catch {
            StandardError.write("scimterm: \(error.description.visibleControlCharacters)")
            throw ExitCode(2)
        }
    }
}
