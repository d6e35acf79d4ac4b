import ArgumentParser
import Foundation
import Mapping
import Provisioning
import SCIM

/// `scimterm schema extend --from FILE --urn URN [--schema FILE] [--apply [--yes]] <connection options>`:
/// the attributes an input carries that the job's schema does not declare, as the diff a PUT would
/// make (like CSV2SCIM's UpdateSchema). Writing is opt-in: a PUT of the schema restarts the job,
/// which purges every upload Entra accepted but has not processed (ENTRA.md §5).
struct SchemaExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "List (or, with --apply, add) the input's attributes the job's schema lacks.",
        discussion: """
            Without --apply, prints the attribute definitions a PUT would add to the API directory's User \
            object, from --schema FILE (offline) or the job's schema pulled with the connection options \
            (those of `schema pull`), and changes nothing. --apply pulls the current schema, shows the diff, \
            says how many accepted uploads the restart purges, asks (or needs --yes), then PUTs it \
            (needs Synchronization.ReadWrite.All). New attributes still need a mapping to reach Entra. \
            Exit status: 0 listed or applied (or nothing to add); 1 Entra refused or not confirmed; 2 a usage error.
            """)

    @Option(name: .customLong("from"), help: ArgumentHelp("The input: a CSV (with --mapping) or a JSON payload.", valueName: "FILE"))
    var from: String
    @Option(help: ArgumentHelp("The extension URN custom attributes are declared under.", valueName: "URN"))
    var urn: String
    @OptionGroup var input: InputOptions
    @OptionGroup var schema: SchemaOptions
    @Flag(help: "PUT the extended schema (restarts the job).") var apply = false
    @Flag(help: "With --apply: do not ask.") var yes = false
    @Option(help: ArgumentHelp("The send journal (SQLite), to count and mark the uploads a restart purges.", valueName: "FILE"))
    var journal: String?
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Connection options, as for `schema pull`.", visibility: .hidden))
    var connectionArguments: [String] = []

    func validate() throws {
        guard urn.lowercased().hasPrefix("urn:"), urn.count > 4, !urn.hasSuffix(":") else {
            throw ValidationError("--urn needs an extension URN, e.g. urn:ietf:params:scim:schemas:extension:contoso:1.0:User")
        }
        if apply && schema.schemaFile != nil {
            throw ValidationError("--apply pulls the job's current schema and writes it back; --schema FILE is for the offline diff")
        }
        if yes && !apply { throw ValidationError("--yes goes with --apply") }
        if schema.schemaFile == nil { _ = try connection() }
    }

    func run() async throws {
        let found = try SchemaExtendInput.attributes(path: from, input: input, urn: urn)
        if let offline = try schema.load() {
            _ = try report(SchemaExtension(schema: offline, input: found.attributes, urn: urn), schema: offline)
            return
        }
        let client = try connection().client(recorder: ExchangeRecorder())
        do {
            try await extend(client, found)
            await client.transport.shutdown()
        } catch {
            await client.transport.shutdown()
            throw error
        }
    }

    private func connection() throws -> ConnectionOptions {
        do { return try ConnectionOptions.parse(connectionArguments) } catch {
            throw ValidationError("without --schema FILE, the connection options of `schema pull`: \(ConnectionOptions.message(for: error))")
        }
    }

    private func extend(_ client: GraphClient, _ found: InputAttributes) async throws {
        let pulled: JobSchema
        do { pulled = try await client.schema() } catch {
            StandardError.write("scimterm: \(error)")
            if case .graph(let failure) = error, failure.status == 403 {
                StandardError.write("scimterm: reading the job's schema needs the application permission Synchronization.Read.All")
            }
            throw ExitCode(1)
        }
        let change = SchemaExtension(schema: pulled.schema, input: found.attributes, urn: urn)
        guard try report(change, schema: pulled.schema), apply else { return }
        guard let body = change.extended(json: pulled.json) else { throw ExitCode(1) }
        let writer = SchemaWrite(client: client, journalPath: journal, yes: yes)
        try await writer.put(JSONWriter.compact.bytes(body), count: change.additions.count)
    }

    /// Prints the diff; false when there is nothing to add. A schema without an API User object is refused.
    private func report(_ change: SchemaExtension, schema: SynchronizationSchema) throws -> Bool {
        guard let directory = schema.apiDirectory, directory.object("User") != nil else {
            StandardError.write("scimterm: the schema has no API directory with a User object: nowhere to declare attributes")
            throw ExitCode(1)
        }
        for skipped in change.skipped { print("  skipped \(skipped.name): \(skipped.reason)") }
        guard !change.isEmpty else {
            print("Nothing to add: the API directory \"\(directory.name)\" already declares every attribute the input carries.")
            return false
        }
        print("The API directory \"\(directory.name)\" User object lacks \(change.additions.count) \(plural(change.additions.count, "attribute")) the input carries; "
            + "a PUT of the schema would add:")
        for line in change.diffLines { print(line) }
        if !apply { print("Nothing written: run again with --apply to PUT the schema (it restarts the job). Each new attribute still needs a mapping.") }
        return true
    }
}
