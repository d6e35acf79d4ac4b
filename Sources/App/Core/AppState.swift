import Foundation
import Provisioning
import SCIM
import TerminalUI

/// The screens, in tab order.
public enum Screen: Int, CaseIterable, Sendable {
    case connect, users, form, preview, activity, logs

    public var title: String {
        switch self {
        case .connect: return "Connect"
        case .users: return "Users"
        case .form: return "Edit"
        case .preview: return "Preview"
        case .activity: return "Activity"
        case .logs: return "Logs"
        }
    }
}

/// What floats over the current screen and takes the keys first.
public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case palette(PaletteState)
    case dialog(DialogState, DialogPurpose)
    /// Every finding, the file's and each user's (`!`).
    case problems(ProblemsState)
}

/// Why a dialog was opened, so its answer can be acted on.
public enum DialogPurpose: Equatable, Sendable {
    case quit
    case saveAs
    case openFile
    case saveProfile
    case addExtensionAttribute
    case importReport
    case openMapping(file: String)
    /// Start, pause or restart the provisioning job (asked first: it changes the tenant).
    case jobAction(JobAction)
    case send([SendScope])
    case exportHAR
    case saveExchange(Int)
    case resume(ResumableSend)
    /// Add the workspace's attributes to the job's schema (restarts the job; asked first, Cancel default).
    case extendSchema(SchemaExtendPlan)
}

/// A line for the status bar, replacing the key hints until the next key.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var level: MessageLevel
    public init(_ text: String, _ level: MessageLevel = .info) {
        self.text = text
        self.level = level
    }
}

/// A profile's badge (say PROD in red), drawn on every screen so that production is never mistaken
/// for a test tenant.
public struct Badge: Equatable, Sendable {
    public var label: String
    public var role: ThemeRole
    public init(label: String, role: ThemeRole) {
        self.label = label
        self.role = role
    }
}

/// The whole application as one value. `TUI.update` changes it, `TUI.render` draws it; nothing else
/// holds state, so every behaviour can be tested without a terminal or a network.
public struct AppState: Sendable {
    public var screen: Screen = .users
    public var size: Size
    public var theme: Theme
    public var keymaps: AppKeymap = .standard
    public var store: RecordStore
    public var connect: ConnectState
    public var users = UsersState()
    public var form: UserFormState?
    public var preview: PreviewState?
    public var activity = ActivityState()
    public var logs = LogsState()
    /// Each record's trip to Entra (sent, accepted, failed, provisioned), by record id.
    public var sendStatus: [Int: RecordSendStatus] = [:]
    /// The running (or last) send.
    public var send: SendProgress?
    public var overlay: Overlay?
    public var message: StatusMessage?
    public var sandbox: Bool
    public var badge: Badge?
    /// Diagnostics by record id, from the last whole-set validation (or the form's own check).
    public internal(set) var diagnostics: [Int: [Diagnostic]] = [:]
    /// Users with errors / warnings, kept up to date with `diagnostics` (see `DiagnosticCounts`).
    public internal(set) var diagnosticCounts = DiagnosticCounts()
    /// The last opened file's own findings and positions; replaced on every load.
    public internal(set) var findings = ImportFindings()
    /// Bumped on every change worth saving; autosave and validation run once it settles.
    public var changeGeneration = 0
    public var savedGeneration = 0
    public var validatedGeneration = -1
    /// Ids of users added or changed since the workspace was opened: nothing of them has been sent.
    public var unsent: Set<Int> = []
    /// Where autosave writes; nil in tests that do not want files.
    public var workspacePath: String?
    /// config.toml, where "Save profile" writes; nil in tests that do not want files.
    public var configPath: String?
    /// The send journal (SQLite), for resume after a crash; nil in tests that do not want files.
    public var journalPath: String?
    /// Where exports (HAR, exchanges, curl commands) are written when no path is given.
    public var exportDirectory: String?
    /// Operations per BulkRequest, for the preview and the send alike (Entra allows at most 50).
    public var batchSize = 50
    public var quitRequested = false
    /// A file named on the command line, read once the loop has started (so the first frame is quick).
    public var pendingFile: String?
    /// The command line's further files, opened in order once the one before is read.
    public var pendingFiles: [String] = []
    /// The mapping for `pendingFile` when it is a CSV, and the last one used (offered again by Open).
    public var mappingPath: String?
    public var spinner = Spinner()
    /// The latest time the runner told us (ticks, answers that carry their time): ages are measured against it.
    public var clock = Date(timeIntervalSince1970: 0)
    /// The zone every time on screen is shown in: set once by the runner from the system, pinned by
    /// tests, never read from the environment by an update or a view.
    public var timeZone = TimeZone(identifier: "UTC") ?? .current
    /// The send confirmation's facts, read afresh each time it opens.
    public var sendCheck = SendCheck()
    /// The restart confirmation's facts: what the restart would discard of scimterm's uploads.
    public var restartCheck = RestartCheck()
    /// The opened file's own documents, offered by the send dialog "as the file is"; nil for a CSV or bare Users.
    public var asIsSource: AsIsSource?
    /// The attribute mapping "What Entra will set" computes with (the job's, a file's, or Microsoft's default).
    public var entraMapping: EntraMapping = .microsoftDefault

    public init(size: Size, theme: Theme = .builtinDefault, workspace: Workspace = Workspace(), sandbox: Bool = false,
                workspacePath: String? = nil) {
        self.size = size
        self.theme = theme
        self.store = RecordStore(workspace.records)
        self.connect = ConnectState(draft: workspace.connection)
        self.sandbox = sandbox
        self.workspacePath = workspacePath
        if sandbox { badge = Badge(label: "SANDBOX", role: .warning) }
        if store.isEmpty { screen = .connect }
        users.refresh(store: store)
    }

    /// The workspace as it would be saved now.
    public var workspace: Workspace {
        Workspace(records: store.records, connection: connect.draft)
    }

    /// The severity shown as a record's badge: its worst diagnostic, or nil when clean.
    public func worstSeverity(id: Int) -> Diagnostic.Severity? {
        diagnostics[id]?.filter { $0.severity != .note }.map(\.severity).min()
    }

    /// The badge on every screen's header: SANDBOX, or the connection's profile label (PROD in red).
    public var headerBadge: Badge? { badge ?? connect.badge }

    /// The key hints of the status bar, following what the cursor is on.
    var hintBindings: [KeyBinding] {
        let onEntry = screen == .form && form.map { $0.raw == nil && $0.focusedEntry != nil } == true
        let commands = onEntry ? AppKeymap.entryHintCommands : AppKeymap.hintCommands(for: screen)
        let typing = typesQuestionMark
        return keymaps.hints(commands, on: screen).compactMap { binding in
            var shown = binding.display(named: binding.action.name, in: self)
            // Where characters go into a field, a hint offers only the keys that act there (f1, not ?).
            if typing { shown.keys.removeAll { if case .character = $0 { return true } else { return false } } }
            return shown.keys.isEmpty ? nil : shown
        }
    }

    /// The trailing help and quit hints, kept when the hint bar is too narrow for all: a newcomer
    /// must always see how to get help (issue 13).
    static func pinnedHints(_ hints: [KeyBinding]) -> Int {
        let pinned: Set<String> = [AppCommand.global(.help).name, AppCommand.global(.quit).name]
        return hints.reversed().prefix { pinned.contains($0.action.rawValue) }.count
    }

    /// Whether `?` pressed now would be typed (a form field, a filter) or swallowed by a picker rather
    /// than open help: asked of `TUI.update` itself, so the hints can never disagree with the keys.
    public var typesQuestionMark: Bool {
        guard overlay == nil else { return false }
        if case .help? = TUI.update(self, .key(.character("?"))).0.overlay { return false }
        return true
    }

    /// The current screen's bindings as help draws them, each with its reason when disabled now.
    var helpKeymap: Keymap {
        Keymap(keymaps.combined(for: screen).bindings.map { $0.display(named: $0.action.name, in: self) })
    }

    /// Rows the current screen's list or pane can show, for paging and keeping the selection visible.
    var bodyHeight: Int { max(1, size.height - 2) }
}
