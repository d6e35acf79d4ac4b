import TerminalUI

/// The Activity screen's keys (merged into `AppKeymap.standard`).
enum ActivityKeymap {
    static let bindings: [KeyBinding] = []
    static let hints: [KeyAction] = ["help"]
}
