import TerminalUI

/// The Connect screen's pure update: keys, commands and the test's answer over `ConnectState`
/// alone. What the rest of the App must do (autosave, the status line, a dialog, the runner's
/// work) comes back as `ScreenEffect`s.
enum ConnectUpdate {
    /// Keys on the Connect screen: pickers take ←/→/space, text and editing keys go to the focused
    /// field. `bound` says whether the key has a binding on this screen (then it is not typed).
    static func key(_ state: inout ConnectState, _ key: Key, _ context: ScreenContext, bound: Bool) -> (handled: Bool, [ScreenEffect]) {
        if let picker = state.focusedPicker {
            let delta: Int
            switch key {
            case .right, .character(" "): delta = 1
            case .left: delta = -1
            default: return (key.isText, []) // typing into a picker does nothing, rather than switching screens
            }
            return (true, change(&state) { $0.stepPicker(picker, by: delta) })
        }
        guard key.isText || !bound else { return (false, []) }
        guard let field = state.form.focusedField, let edited = field.input.handling(key) else { return (false, []) }
        return (true, change(&state) { $0.setFocusedInput(edited) })
    }

    /// Changes the connection; the workspace changed only when the saved part did (the secret is
    /// never saved, so typing it is not a change to the workspace).
    private static func change(_ state: inout ConnectState, _ edit: (inout ConnectState) -> Void) -> [ScreenEffect] {
        let before = state.draft
        edit(&state)
        return state.draft != before ? [.workspaceChanged] : []
    }

    static func update(_ state: inout ConnectState, _ command: ConnectCommand, _ context: ScreenContext) -> [ScreenEffect] {
        switch command {
        case .nextField:
            state.form = state.form.focusingNext()
            return []
        case .previousField:
            state.form = state.form.focusingPrevious()
            return []
        case .testConnection:
            return startTest(&state)
        case .saveProfile:
            let name = state.profileName.isEmpty ? (state.text("label").trimmed.lowercased()) : state.profileName
            return [.overlay(.dialog(DialogState(kind: .prompt(masked: false), title: "Save profile",
                                                 message: "Save this connection (everything but the secret) in config.toml as:",
                                                 input: name), .saveProfile))]
        }
    }

    /// The answer to "Save profile": the profile joins the list, and config.toml is rewritten when
    /// there is one (`configPath`).
    static func saveProfile(_ state: inout ConnectState, named name: String, configPath: String?) -> [ScreenEffect] {
        let name = name.trimmed
        guard !name.isEmpty else { return [.message(StatusMessage("a profile needs a name", .warning))] }
        var requests = change(&state) { _ = $0.saveProfile(named: name) }
        guard let configPath else {
            return requests + [.message(StatusMessage("profile \(name) kept for this session (no config file)", .warning))]
        }
        requests.append(.run(.saveProfiles(state.profiles, path: configPath)))
        return requests
    }

    /// Starts a test when everything needed is there; otherwise says what is missing.
    static func startTest(_ state: inout ConnectState) -> [ScreenEffect] {
        if let missing = state.missing { return [.message(StatusMessage(missing, .warning))] }
        state.testGeneration += 1
        state.test = .running(generation: state.testGeneration)
        return [.run(.testConnection(state.request, generation: state.testGeneration)), .run(.tickAfter(milliseconds: 100))]
    }

    /// The test's answer; one of an older test (the form changed and was tested again) is dropped.
    static func tested(_ state: inout ConnectState, _ outcome: ConnectionOutcome, generation: Int) -> [ScreenEffect] {
        guard generation == state.testGeneration else { return [] }
        state.test = .finished(outcome)
        switch outcome {
        case .connected(let report):
            let missing = report.permissions?.outcome.missing.count ?? 0
            let text = "connected: job \(report.jobState)" + (missing == 0 ? "" : "; \(missing) permission\(missing == 1 ? "" : "s") missing (see Test)")
            return [.message(StatusMessage(text, report.processesUploads && missing == 0 ? .success : .warning))]
        case .failed(let problem):
            return [.message(StatusMessage(problem.headline, .error))]
        }
    }
}

/// Routing: the Connect screen's slice goes to `ConnectUpdate`, its requests come back through `apply`.
extension AppState {
    mutating func connectKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        let bound = keymaps.combined(for: .connect).binding(for: key) != nil
        let (handled, requests) = ConnectUpdate.key(&connect, key, context, bound: bound)
        apply(requests, effects: &effects)
        return handled
    }

    mutating func connectCommand(_ command: ConnectCommand, effects: inout [AppEffect]) {
        apply(ConnectUpdate.update(&connect, command, context), effects: &effects)
    }

    mutating func saveProfile(named name: String, effects: inout [AppEffect]) {
        apply(ConnectUpdate.saveProfile(&connect, named: name, configPath: configPath), effects: &effects)
    }

    mutating func startConnectionTest(effects: inout [AppEffect]) {
        apply(ConnectUpdate.startTest(&connect), effects: &effects)
    }

    mutating func connectionTested(_ outcome: ConnectionOutcome, generation: Int) {
        var ignored: [AppEffect] = []
        apply(ConnectUpdate.tested(&connect, outcome, generation: generation), effects: &ignored)
    }
}
