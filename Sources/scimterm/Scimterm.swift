import ArgumentParser

/// The `scimterm` command: the TUI by default (`scimterm`, `scimterm FILE`, `scimterm --sandbox`) and
/// the scriptable subcommands.
@main
struct Scimterm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimterm",
        abstract: "Build, check and send Microsoft Entra API-driven inbound provisioning payloads.",
        discussion: """
            Reads SCIM BulkRequest JSON (one document, several, JSON Lines, or a JSON array), bare SCIM \
            Users, and HR CSV files (with a TOML mapping). Exit status: 0 success, 1 problems found, \
            2 usage or unreadable input.
            """,
        version: "0.1.0 (git \(BuildRevision.commit))",
        subcommands: [ValidateCommand.self, ConvertCommand.self, PreviewCommand.self, SendCommand.self, LogsCommand.self, JobCommand.self, JournalCommand.self,
                      RulesCommand.self,
                      EmulatorCommand.self, UIDemoCommand.self, TUICommand.self],
        defaultSubcommand: TUICommand.self
    )
}
