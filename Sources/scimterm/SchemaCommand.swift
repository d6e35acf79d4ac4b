import ArgumentParser
import Foundation
import Mapping
import Provisioning

/// `scimterm schema pull|show`: the provisioning job's schema, which says what Entra does with each
/// attribute of a payload (an attribute no mapping reads is accepted and ignored: ENTRA.md §4).
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Read the provisioning job's schema (its attribute mapping).",
        subcommands: [SchemaPullCommand.self, SchemaShowCommand.self, SchemaExtendCommand.self])
}

/// `scimterm schema pull <connection options> [-o schema.json]`.
struct SchemaPullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Download the job's schema as JSON (needs Synchronization.Read.All).",
        discussion: """
            Writes Graph's synchronizationSchema as it came, indented: the same shape as the portal's \
            "download schema", for --schema FILE. Exit status: 0 written; 1 Entra refused or failed; 2 a usage error.
            """)

    @OptionGroup var connection: ConnectionOptions
    @Option(name: [.short, .long], help: ArgumentHelp("Write the schema to this file instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() async throws {
        let client = try connection.client(recorder: ExchangeRecorder())
        let pulled: JobSchema
        do {
            pulled = try await client.schema()
            await client.transport.shutdown()
        } catch {
            await client.transport.shutdown()
            StandardError.write("scimterm: \(error)")
            if case .graph(let failure) = error, failure.status == 403 {
                StandardError.write("scimterm: reading the job's schema needs the application permission Synchronization.Read.All "
                    + "(or Synchronization.ReadWrite.All); the app's token does not carry it.")
            }
            throw ExitCode(1)
        }
        try write(pulled)
        StandardError.write("scimterm: \(SchemaSummary.line(pulled.schema))")
    }

    private func write(_ pulled: JobSchema) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(pulled.prettyBytes))
            return
        }
        do {
            try PrivateFile.write(pulled.prettyBytes, to: output)
        } catch {
            StandardError.write("scimterm: \(output): \(error)")
            throw ExitCode(1)
        }
        StandardError.write("scimterm: wrote the job's schema to \(output)")
    }
}

/// `scimterm schema show [--schema FILE]`: the User mapping as lines a person reads.
struct SchemaShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List the User attribute mappings of a schema file (or of Microsoft's default).")

    @OptionGroup var schema: SchemaOptions

    func run() throws {
        let loaded = try schema.load()
        let shown = loaded ?? .defaultAPIDriven
        if loaded == nil { print("Microsoft's default mapping for API-driven provisioning to Entra ID (no --schema given):") }
        for line in SchemaSummary.mappingLines(shown) { print(line) }
        print(SchemaSummary.line(shown))
    }
}

/// How schemas read in the terminal.
enum SchemaSummary {
    static func line(_ schema: SynchronizationSchema) -> String {
        let mappings = schema.userObjectMapping?.attributeMappings.count ?? 0
        let matching = schema.matchingAttribute.map { "matching on \($0.targetAttributeName) ← \(source($0))" } ?? "no matching attribute"
        return "\(mappings) User attribute mappings, \(matching); \(schema.sourceAttributesRead.count) source attributes read "
            + "of \(schema.apiUserAttributes.count) the API directory declares"
    }

    static func mappingLines(_ schema: SynchronizationSchema) -> [String] {
        (schema.userObjectMapping?.attributeMappings ?? []).map { m in
            var line = "\(m.targetAttributeName) ← \(source(m))"
            if let flow = m.flowType, flow != "Always" { line += "  [\(flow)]" }
            if m.isMatching { line += "  (matching, priority \(m.matchingPriority ?? 0))" }
            return line
        }
    }

    private static func source(_ m: AttributeMapping) -> String {
        guard let s = m.source else { return "(no source)" }
        return s.type == .attribute ? (s.name ?? "?") : (s.expression ?? s.name ?? "?")
    }
}
