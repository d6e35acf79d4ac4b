import TerminalUI

/// Everything a key binding or the palette can ask for, typed: the global actions and one enum per
/// screen. `perform` switches over it exhaustively, so a binding without a handler, or a handler for
/// an action that no longer exists, does not compile.
public enum AppCommand: Hashable, Sendable {
    case global(GlobalCommand)
    case connect(ConnectCommand)
    case users(UsersCommand)
    case form(FormCommand)
    case preview(PreviewCommand)
    case activity(ActivityCommand)
    case logs(LogsCommand)

    /// A stable name: what the palette matches typed words against (besides the help text).
    public var name: String {
        switch self {
        case .global(let c): return c.name
        case .connect(let c): return "\(c)"
        case .users(let c): return c.name
        case .form(let c): return "\(c)"
        case .preview(let c): return c.name
        case .activity(let c): return c.name
        case .logs(let c): return c.name
        }
    }
}

/// Actions that work on every screen.
public enum GlobalCommand: Hashable, Sendable {
    case screen(Screen), nextScreen, previousScreen
    case help, palette, openFile, problems, send, toggleActivity, quit

    var name: String {
        if case .screen(let target) = self { return "screen\(target.title)" }
        return "\(self)"
    }
}

extension GlobalCommand {
    /// Keeps the hints' and tests' spelling short: `.global(.screen(.logs))` reads as `.screen(.logs)`.
    static func on(_ target: Screen) -> AppCommand { .global(.screen(target)) }
}
