extension AppState {
    /// Records changed: autosave and whole-set validation follow once edits pause.
    mutating func markChanged(effects: inout [AppEffect]) {
        changeGeneration += 1
        effects.append(.settleAfter(milliseconds: 300, generation: changeGeneration))
    }
}
