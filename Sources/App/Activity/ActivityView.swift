import TerminalUI

/// Draws the Activity screen.
struct ActivityView {
    var state: AppState
    func render(into frame: inout ScreenBuffer) -> Point? { nil }
}
