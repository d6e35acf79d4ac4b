import Foundation
import SCIM
import TerminalUI

/// The sandbox's connection, handed over by whoever started the emulator. The secret lives only in
/// memory: it fills the masked field and is never written.
public struct SandboxConnection: Sendable {
    public var tenant: String
    public var clientId: String
    public var secret: String
    public var endpoint: String
    public var authority: String

    public init(tenant: String, clientId: String, secret: String, endpoint: String, authority: String) {
        self.tenant = tenant
        self.clientId = clientId
        self.secret = secret
        self.endpoint = endpoint
        self.authority = authority
    }
}

/// How the TUI was asked to start.
public struct TUIOptions: Sendable {
    public var file: String?
    /// Further files, opened after `file` in order (a provisioning-log download after a payload).
    public var moreFiles: [String] = []
    /// The mapping file for a CSV `file`.
    public var mapping: String?
    /// Operations per BulkRequest (1–50); nil keeps 50.
    public var batchSize: Int?
    public var sandbox: SandboxConnection?
    public var theme: String?
    /// The tenant's bulkUpload calls per 24 h (2,000 on P1/P2, 6,000 with ID Governance); 0 turns the plan off.
    public var dailyQuota: Int
    public var environment: [String: String]
    /// A schema file (`--schema`) "What Entra will set" computes with instead of Microsoft's default mapping.
    public var schema: String?

    public init(file: String? = nil, mapping: String? = nil, batchSize: Int? = nil, sandbox: SandboxConnection? = nil, theme: String? = nil,
                dailyQuota: Int = 2000, environment: [String: String] = ProcessInfo.processInfo.environment, moreFiles: [String] = []) {
        self.moreFiles = moreFiles
        self.dailyQuota = dailyQuota
        self.file = file
        self.mapping = mapping
        self.batchSize = batchSize
        self.sandbox = sandbox
        self.theme = theme
        self.environment = environment
    }
}

/// Starting the TUI: the initial state from the saved workspace (or the sandbox sample), the save
/// hook for signals, then the loop on the real terminal.
public enum TUIApp {
    /// The state the app starts in; separate from `run` so tests can check startup without a terminal.
    public static func initialState(_ options: TUIOptions, size: Size, theme: Theme = .builtinDefault) -> AppState {
        let paths = AppPaths.standard(environment: options.environment)
        let path = paths.workspace(sandbox: options.sandbox != nil)
        var problem: StatusMessage?
        var workspace = Workspace()
        do {
            if let bytes = try SafeFile.read(path) {
                workspace = try Workspace.decode(bytes)
                // Edits a kill -9 cut off before the autosave are in the journal that follows this file.
                if let journal = try? SafeFile.read(WorkspaceJournal.path(for: path)),
                   let replayed = JournalLine.replay(journal, onto: bytes) { workspace = replayed }
            }
        } catch {
            problem = StatusMessage("could not reopen \(path): \(error); starting empty (the file is left as it is)", .error)
        }
        if let sandbox = options.sandbox {
            if workspace.records.isEmpty { workspace.records = sampleUsers() }
            workspace.connection = ConnectionDraft(tenant: sandbox.tenant, clientId: sandbox.clientId,
                                                   endpoint: sandbox.endpoint, authority: sandbox.authority, profile: "sandbox")
        }
        var state = AppState(size: size, theme: theme, workspace: workspace, sandbox: options.sandbox != nil,
                             workspacePath: problem == nil ? path : nil)
        if let secret = options.sandbox?.secret {
            state.connect = ConnectState(draft: workspace.connection, secret: secret)
        }
        let config = ProfileFile.load(path: paths.configFile)
        state.connect.setProfiles(config.profiles)
        state.configPath = config.error == nil ? paths.configFile : nil
        if problem == nil, let error = config.error {
            problem = StatusMessage("profiles not read (config.toml is left as it is): \(error)", .error)
        }
        state.pendingFile = options.file
        state.pendingFiles = options.moreFiles
        state.mappingPath = options.mapping
        if let schema = options.schema { problem = problem ?? loadSchema(schema, into: &state) }
        state.journalPath = paths.journal(sandbox: options.sandbox != nil)
        state.exportDirectory = paths.dataDirectory + "/exports"
        if let size = options.batchSize { state.batchSize = size }
        state.sendCheck.dailyQuota = options.dailyQuota
        state.message = problem ?? StatusMessage(Self.welcome(sandbox: options.sandbox != nil, users: state.store.count,
                                                              opening: options.file != nil, workspace: path))
        return state
    }

    /// The first screen's status line: how to get help, and with nothing to work on, how to start.
    static func welcome(sandbox: Bool, users: Int, opening: Bool, workspace: String) -> String {
        // The Connect screen (where a start with no users lands) types ? and : into its fields.
        let help = users == 0 ? "f1 help · ctrl-p commands" : "? help · : commands"
        if sandbox { return "Sandbox: a local Entra stand-in with \(users) sample users · \(help)" }
        if users == 0 && !opening {
            // Fits 80 columns beside the mode: help first, then the two ways to start.
            return "f1 help · ctrl-o open a users file · or try scimterm --sandbox"
        }
        return "\(help) · workspace \(workspace)"
    }

    /// The file on disk made to match the starting state (a replayed journal, the sandbox's first
    /// sample set), so the journal that starts now follows exactly that file; then the signal hook.
    private static func prepareSaving(_ loop: AppLoop, _ bytes: [UInt8], path: String) {
        EmergencySave.configure(path: path)
        EmergencySave.update(bytes)
        if (try? SafeFile.read(path)) != .some(bytes) { try? SafeFile.writeAtomically(bytes, to: path) }
        loop.startJournal(path: WorkspaceJournal.path(for: path), base: bytes)
        TerminalSignals.setSaveHook { EmergencySave.writeNow() }
    }

    /// The embedded sample set, parsed.
    public static func sampleUsers() -> [UserRecord] {
        (try? PayloadReader.read(json: Array(SandboxUsers.json.utf8)).records) ?? []
    }

    /// Runs the TUI on the process's terminal until the user quits.
    public static func run(_ options: TUIOptions) throws {
        let terminal = try NcursesTerminal(environment: options.environment)
        defer { terminal.shutdown() }
        let selection = ThemeLoader.standard(environment: options.environment)
            .select(name: options.theme, environment: options.environment, depth: terminal.capabilities.colorDepth)
        var state = initialState(options, size: terminal.size, theme: selection.theme)
        state.timeZone = .current
        if !terminal.capabilities.unicodeText { state.message = StatusMessage(TerminalLocale.advice, .warning) }
        let services = AppServices.live(dailyQuota: options.dailyQuota, activityPath: state.journalPath.map(AppServices.activityPath))
        let loop = AppLoop(state: state, terminal: terminal, services: services)
        if let path = state.workspacePath { prepareSaving(loop, state.workspace.encoded(), path: path) }
        loop.run()
        TerminalSignals.setSaveHook(nil)
        terminal.shutdown()
        // The status line said it at start; the shell keeps it where the operator will see it.
        if !terminal.capabilities.unicodeText { FileHandle.standardError.write(Data("scimterm: \(TerminalLocale.advice)\n".utf8)) }
        // The HTTP client must be shut down before it goes away; a stuck server gets two seconds.
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await services.session.shutdown()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 2)
    }
}
