import TerminalUI

extension AppState {
    /// Keys on the Connect screen: pickers take ←/→/space, text and editing keys go to the
    /// focused field.
    mutating func connectKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        if let picker = connect.focusedPicker {
            let delta: Int
            switch key {
            case .right, .character(" "): delta = 1
            case .left: delta = -1
            default: return key.isText // typing into a picker does nothing, rather than switching screens
            }
            changeConnect(effects: &effects) { $0.stepPicker(picker, by: delta) }
            return true
        }
        guard key.isText || keymaps.combined(for: .connect).binding(for: key) == nil else { return false }
        guard let field = connect.form.focusedField, let edited = field.input.handling(key) else { return false }
        changeConnect(effects: &effects) { $0.setFocusedInput(edited) }
        return true
    }

    /// Changes the connection; autosaves when the saved part changed (the secret is never saved,
    /// so typing it is not a change to the workspace).
    private mutating func changeConnect(effects: inout [AppEffect], _ change: (inout ConnectState) -> Void) {
        let before = connect.draft
        change(&connect)
        if connect.draft != before { markChanged(effects: &effects) }
    }

    mutating func connectCommand(_ command: ConnectCommand, effects: inout [AppEffect]) {
        switch command {
        case .nextField: connect.form = connect.form.focusingNext()
        case .previousField: connect.form = connect.form.focusingPrevious()
        case .testConnection: startConnectionTest(effects: &effects)
        case .saveProfile:
            let name = connect.profileName.isEmpty ? (connect.text("label").trimmed.lowercased()) : connect.profileName
            overlay = .dialog(DialogState(kind: .prompt(masked: false), title: "Save profile",
                                          message: "Save this connection (everything but the secret) in config.toml as:",
                                          input: name), .saveProfile)
        }
    }

    /// The answer to "Save profile": the profile joins the list and config.toml is rewritten.
    mutating func saveProfile(named name: String, effects: inout [AppEffect]) {
        let name = name.trimmed
        guard !name.isEmpty else { message = StatusMessage("a profile needs a name", .warning); return }
        let before = connect.draft
        let profiles = connect.saveProfile(named: name)
        if connect.draft != before { markChanged(effects: &effects) }
        guard let configPath else {
            message = StatusMessage("profile \(name) kept for this session (no config file)", .warning)
            return
        }
        effects.append(.saveProfiles(profiles, path: configPath))
    }

    /// Starts a test when everything needed is there; otherwise says what is missing.
    mutating func startConnectionTest(effects: inout [AppEffect]) {
        if let missing = connect.missing {
            message = StatusMessage(missing, .warning)
            return
        }
        connect.testGeneration += 1
        connect.test = .running(generation: connect.testGeneration)
        effects.append(.testConnection(connect.request, generation: connect.testGeneration))
        effects.append(.tickAfter(milliseconds: 100))
    }

    mutating func connectionTested(_ outcome: ConnectionOutcome, generation: Int) {
        guard generation == connect.testGeneration else { return }
        connect.test = .finished(outcome)
        switch outcome {
        case .connected(let report):
            message = StatusMessage("connected: job \(report.jobState)", report.processesUploads ? .success : .warning)
        case .failed(let problem):
            message = StatusMessage(problem.headline, .error)
        }
    }
}
