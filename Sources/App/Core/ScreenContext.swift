import Foundation
import TerminalUI

/// What a screen's update and view may read besides their own state: the few things every screen
/// shares. A screen that needs more (the record store, the send's progress) takes it as its own
/// parameter, so its signature says what it depends on.
public struct ScreenContext: Sendable {
    public var theme: Theme
    /// The whole terminal; a screen's area comes from its layout.
    public var size: Size
    /// The runner's clock, advanced before every key (time is an input, never read here).
    public var clock: Date
    public var timeZone: TimeZone
    public var spinner: Spinner
    /// The connection's badge (SANDBOX, PROD), for screens that warn before acting on a tenant.
    public var badge: Badge?

    public init(theme: Theme, size: Size, clock: Date, timeZone: TimeZone, spinner: Spinner = Spinner(), badge: Badge? = nil) {
        self.theme = theme
        self.size = size
        self.clock = clock
        self.timeZone = timeZone
        self.spinner = spinner
        self.badge = badge
    }

    /// The body's style for a role, as every view draws text.
    func style(_ role: ThemeRole) -> Style { theme[.text].patched(with: theme[role]) }

    /// Rows a screen's list can show (the frame less the tab bar and the status line).
    var bodyHeight: Int { max(1, size.height - 2) }
}

extension AppState {
    /// The shared slice every screen's update and view receives.
    var context: ScreenContext {
        ScreenContext(theme: theme, size: size, clock: clock, timeZone: timeZone, spinner: spinner, badge: headerBadge)
    }
}
