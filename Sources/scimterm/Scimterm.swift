import ArgumentParser
import Foundation

/// The `scimterm` command: the TUI by default (`scimterm`, `scimterm FILE`, `scimterm --sandbox`) and
/// the scriptable subcommands.
@main
struct Scimterm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimterm",
        abstract: "Build, check and send Microsoft Entra API-driven inbound provisioning payloads.",
        discussion: """
            Reads SCIM BulkRequest JSON (one document, several, JSON Lines, or a JSON array), bare SCIM \
            Users, and HR CSV files (with a TOML mapping). Exit status, every command: 0 success; 1 problems \
            found (validation errors, documents not accepted, users that failed); 2 a usage error, unreadable \
            input or a refusal before anything was sent; 129/130/143 when ended by SIGHUP/SIGINT/SIGTERM \
            (a send stops after the request in flight). Each command's --help adds its own meaning of 1.
            """,
        version: "0.1.0 (git \(BuildRevision.commit))",
        subcommands: [ValidateCommand.self, ConvertCommand.self, PreviewCommand.self, SendCommand.self, LogsCommand.self, JobCommand.self, SchemaCommand.self, JournalCommand.self,
                      RulesCommand.self, EvaluateCommand.self,
                      EmulatorCommand.self, UIDemoCommand.self, TUICommand.self],
        defaultSubcommand: TUICommand.self
    )

    /// ArgumentParser's own main, except that usage errors exit 2 as documented (its default is 64,
    /// EX_USAGE, which scripts written for `validate`'s 0/1/2 would not expect).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
