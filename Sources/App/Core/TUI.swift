import SCIM
import TerminalUI

/// The app's two pure functions: `update` (state and action in, state and effects out) and
/// `render` (state in, frame out). The runner around them does all the waiting and I/O.
public enum TUI {
    public static func update(_ state: AppState, _ action: AppAction) -> (AppState, [AppEffect]) {
        var next = state
        var effects: [AppEffect] = []
        next.apply(action, effects: &effects)
        return (next, effects)
    }
}

extension AppState {
    mutating func apply(_ action: AppAction, effects: inout [AppEffect]) {
        // Whatever switched to Logs (6, Tab, the palette, a link), the screen reads when it opens.
        let screenBefore = screen
        defer { if screen == .logs && screenBefore != .logs { logsScreenOpened(effects: &effects) } }
        defer { settleActivity(effects: &effects) }
        switch action {
        case .started:
            effects.append(validateEffect)
            if let journalPath {
                // The sandbox's port changes every run, so its (own) journal is searched whole.
                let endpoint: String? = sandbox ? nil : (try? connect.parsedEndpoint?.get())?.bulkUploadURL
                if sandbox || endpoint != nil { effects.append(.findResumableSend(endpoint: endpoint, journalPath: journalPath)) }
            }
            if let file = pendingFile {
                pendingFile = nil
                message = StatusMessage("reading \(file)…")
                effects.append(.loadFile(path: file, mapping: mappingPath))
            }
            if sandbox && connect.missing == nil { startConnectionTest(effects: &effects) }
        case .key(let key):
            handleKey(key, effects: &effects)
        case .resized(let newSize):
            size = newSize
            users.list = users.list.clamped(total: users.rows.count, viewport: usersViewport)
        case .clockAdvanced(let now):
            clock = max(clock, now)
        case .tick(let now):
            clock = max(clock, now)
            logsTicked(effects: &effects)
            if isSendDialogOpen {
                refreshSendDialog()
                effects.append(.tickAfter(milliseconds: 1000))
            }
            let sending = send?.isRunning == true
            guard connect.isTesting || sending else { return }
            spinner = spinner.advanced()
            if sending { send?.now = now }
            effects.append(.tickAfter(milliseconds: sending ? 250 : 100))
        case .command(let command):
            perform(command, effects: &effects)
        case .connectionTested(let generation, let outcome):
            connectionTested(outcome, generation: generation)
            pullSchemaAfterConnect(outcome, generation: generation, effects: &effects)
        case .schemaPulled(let pulled, let at): schemaPulled(pulled, at: at, effects: &effects)
        case .schemaExtended(let outcome, let at): schemaExtended(outcome, at: at, effects: &effects)
        case .entraChecked(let generation, let items, let replies, let at): entraChecked(generation: generation, items: items, replies, at: at)
        case .validated(let generation, let found, let mapping):
            guard generation == changeGeneration, mapping?.origin == mappingCheck?.origin else { return }
            findings.setMappingNotes(mapping?.fileNotes ?? [])
            diagnostics = found
            recountDiagnostics()
            validatedGeneration = generation
            if users.sort == .status { resortUsers() }
        case .settled(let generation):
            guard generation == changeGeneration else { return }
            effects.append(validateEffect)
            if let workspacePath { effects.append(.saveWorkspace(generation: generation, workspace, path: workspacePath)) }
        case .workspaceSaved(let generation, let error):
            if let error { message = StatusMessage("autosave failed: \(error)", .error) } else { savedGeneration = max(savedGeneration, generation) }
        case .fileWritten(let path, let error):
            message = error.map { StatusMessage("could not save: \($0)", .error) } ?? StatusMessage("saved \(path)", .success)
        case .fileLoaded(let path, let loaded):
            load(loaded, from: path, effects: &effects)
            // The command line's further files, one after another: a log download after the payload links to its users.
            if !pendingFiles.isEmpty { effects.append(.loadFile(path: pendingFiles.removeFirst(), mapping: mappingPath)) }
        case .profilesSaved(let path, let error):
            message = error.map { StatusMessage("could not save the profile: \($0)", .error) }
                ?? StatusMessage("profile \(connect.profileName) saved in \(path)", .success)
        case .sendEvent(let event): sendEvent(event, effects: &effects)
        case .sendFinished(let result): sendFinished(result, effects: &effects)
        case .resumableSendFound(let found): resumableFound(found)
        case .exchangeRecorded(let exchange): recordExchange(exchange)
        case .activity(let result): activityAnswered(result, effects: &effects)
        case .logsFetched(let generation, let result): logsFetched(result, generation: generation, effects: &effects)
        case .logsPollDue(let generation): logsPollDue(generation: generation, effects: &effects)
        case .reconciledSendRead(let result, let at): reconciledSendRead(result, at: at, effects: &effects)
        case .jobObserved(let result, let at): jobObserved(result, at: at)
        case .restartImpactRead(let impact):
            restartImpactRead(impact)
            schemaExtendImpactRead(impact)
        case .quotaCallsRead(let tenant, let result, let at) where tenant == connect.request.tenant: quotaCallsRead(result, at: at)
        case .quotaCallsRead: break
        case .sendImpactAssessed(let result): sendImpactAssessed(result)
        case .jobActionFinished(let action, let error): jobActionFinished(action, error: error, effects: &effects)
        case .asIsRead(let result): asIsRead(result, effects: &effects)
        case .sendBuilt(let title, let documents): sendBuilt(documents, title: title, effects: &effects)
        case .copied(let what, let clipboard, let path, let error):
            switch (clipboard, error) {
            case (true, nil): message = StatusMessage("\(what) sent to the clipboard (OSC 52); also saved in \(path)", .success)
            case (false, nil): message = StatusMessage("\(what) saved in \(path) (too long for the terminal's clipboard)", .success)
            case (true, let error?): message = StatusMessage("\(what) sent to the clipboard (OSC 52); the copy in \(path) failed: \(error)", .warning)
            case (false, let error?): message = StatusMessage("could not copy \(what): \(error)", .error)
            }
        }
    }

    private mutating func load(_ loaded: LoadedFile, from path: String, effects: inout [AppEffect]) {
        if let error = loaded.error {
            message = StatusMessage(error, .error)
            return
        }
        if let entries = loaded.logs { return importLogs(entries, from: path) }
        store = RecordStore(loaded.records)
        unsent = Set(store.entries.map(\.id))
        users = UsersState()
        users.refresh(store: store)
        relinkImportedStatus()
        form = nil
        preview = nil
        diagnostics = [:]
        diagnosticCounts = DiagnosticCounts()
        findings = loaded.findings
        validatedGeneration = -1
        screen = .users
        message = StatusMessage("\(path): \(loaded.summary)", loaded.report?.rejected.isEmpty == false ? .warning : .success)
        if let details = loaded.report?.details() {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            overlay = .dialog(DialogState(kind: .confirm, title: "Imported \(name)", message: details, buttons: ["OK"]), .importReport)
        }
        markChanged(effects: &effects)
        asIsSource = loaded.asIs.map { source in var s = source; s.generation = changeGeneration; return s }
        effects.append(validateEffect)
    }

    private mutating func handleKey(_ key: Key, effects: inout [AppEffect]) {
        if key == .resize { return }
        message = nil
        if let overlay {
            overlayKey(key, overlay, effects: &effects)
            return
        }
        switch screen {
        case .users:
            if let field = users.filterField { typeInFilter(key, field: field); return }
        case .preview:
            if previewKey(key, effects: &effects) { return }
        case .connect:
            if connectKey(key, effects: &effects) { return }
        case .form:
            if formKey(key, effects: &effects) { return }
        case .activity:
            if activityKey(key, effects: &effects) { return }
        case .logs:
            if logsKey(key, effects: &effects) { return }
        }
        if let binding = keymaps.combined(for: screen).binding(for: key) { run(binding, effects: &effects) }
    }

    /// Runs a binding from a key or the palette: a disabled one puts its reason in the status line
    /// instead of doing nothing.
    mutating func run(_ binding: AppBinding, effects: inout [AppEffect]) {
        if let reason = binding.disabledReason(self) {
            message = StatusMessage(reason, .warning)
            return
        }
        perform(binding.action, effects: &effects)
    }

    /// Runs a command; each screen's own go to its update, whichever screen is showing.
    mutating func perform(_ command: AppCommand, effects: inout [AppEffect]) {
        switch command {
        case .global(let global): performGlobal(global, effects: &effects)
        case .connect(let c): connectCommand(c, effects: &effects)
        case .users(let c): usersCommand(c, effects: &effects)
        case .form(let c): formCommand(c, effects: &effects)
        case .preview(let c): previewCommand(c, effects: &effects)
        case .activity(let c): activityCommand(c, effects: &effects)
        case .logs(let c): logsCommand(c, effects: &effects)
        }
    }

    private mutating func performGlobal(_ command: GlobalCommand, effects: inout [AppEffect]) {
        let count = Screen.allCases.count
        switch command {
        case .nextScreen: switchTo(Screen(rawValue: (screen.rawValue + 1) % count) ?? .users)
        case .previousScreen: switchTo(Screen(rawValue: (screen.rawValue + count - 1) % count) ?? .users)
        case .screen(let target): switchTo(target)
        case .help: overlay = .help(scroll: 0)
        case .palette: overlay = .palette(PaletteState())
        case .openFile:
            overlay = .dialog(DialogState(kind: .prompt(masked: false), title: "Open",
                                          message: "Replace the workspace's users with a JSON payload or a CSV file (a provisioning-log download opens in Logs, users kept):"), .openFile)
        case .quit: requestQuit()
        case .send: openSendDialog(effects: &effects)
        case .toggleActivity: activity.split.toggle()
        case .problems: openProblems(effects: &effects)
        }
    }

    mutating func switchTo(_ target: Screen) {
        if screen == .form && target != .form { resortIfNeeded() }
        switch target {
        case .preview: ensurePreview()
        case .form: if form == nil && !store.isEmpty { openForm(); return }
        default: break
        }
        screen = target
    }

    mutating func requestQuit() {
        if let send, send.isRunning {
            overlay = .dialog(DialogState(
                kind: .confirm, title: "Quit during a send",
                message: "\(send.doneDocuments) of \(send.documents.count) requests are done. Quitting stops the send; what was not accepted is offered for resume next time.",
                buttons: ["Quit", "Stay"], selectedButton: 1), .quit)
            return
        }
        guard !unsent.isEmpty else { quitRequested = true; return }
        let n = unsent.count
        overlay = .dialog(DialogState(
            kind: .confirm, title: "Quit",
            message: "\(n) user\(n == 1 ? " was" : "s were") added or changed and not sent to Entra. They stay saved in the workspace for next time.",
            buttons: ["Quit", "Stay"], selectedButton: 1), .quit)
    }
}
