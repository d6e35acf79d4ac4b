import TerminalUI

/// The Logs screen's keys (merged into `AppKeymap.standard`).
enum LogsKeymap {
    static let bindings: [KeyBinding] = []
    static let hints: [KeyAction] = ["help"]
}
