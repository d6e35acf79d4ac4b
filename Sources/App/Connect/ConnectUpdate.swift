import TerminalUI

extension AppState {
    /// Keys on the Connect screen: text and editing keys go to the focused field.
    mutating func connectKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        guard key.isText || keymaps.combined(for: .connect).action(for: key) == nil else { return false }
        guard let field = connect.form.focusedField, let edited = field.input.handling(key) else { return false }
        let before = connect.draft
        connect.form = connect.form.updating(field.id) { $0.input = edited }
        // The secret is never saved, so typing it is not a change to the workspace.
        if connect.draft != before { markChanged(effects: &effects) }
        return true
    }

    mutating func connectCommand(_ action: KeyAction, effects: inout [AppEffect]) -> Bool {
        switch action.rawValue {
        case "nextField": connect.form = connect.form.focusingNext()
        case "previousField": connect.form = connect.form.focusingPrevious()
        case "testConnection": startConnectionTest(effects: &effects)
        default: return false
        }
        return true
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
