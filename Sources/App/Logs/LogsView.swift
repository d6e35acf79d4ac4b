import TerminalUI

/// Draws the Logs screen.
struct LogsView {
    var state: AppState
    func render(into frame: inout ScreenBuffer) -> Point? { nil }
}
