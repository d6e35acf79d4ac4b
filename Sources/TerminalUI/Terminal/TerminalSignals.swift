#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handling that puts the terminal back whatever ends the process.
///
/// Signals are process-wide, so this is the one piece of global state in the toolkit; it holds only
/// two callbacks, not the terminal. A dropped SSH connection (SIGHUP), SIGINT, SIGTERM and crashes
/// (Swift traps end in SIGILL or SIGTRAP, with no `defer` run) restore the terminal, give the app
/// its save hook, then die with the original signal so the exit status stays truthful. Ctrl-Z
/// (SIGTSTP) restores, stops, and on SIGCONT flags a redraw.
public enum TerminalSignals {
    nonisolated(unsafe) private static var restoreTerminal: (() -> Void)?
    nonisolated(unsafe) private static var saveHook: (@Sendable () -> Void)?
    nonisolated(unsafe) private static var handling: sig_atomic_t = 0
    nonisolated(unsafe) private static var continued: sig_atomic_t = 0

    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashes: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Sets what to run (once, before the process ends on a signal) to save the user's work. Keep it
    /// short: it runs inside a signal handler.
    public static func setSaveHook(_ hook: (@Sendable () -> Void)?) { saveHook = hook }

    static func install(restore: @escaping () -> Void) {
        restoreTerminal = restore
        for sig in terminating + crashes { _ = signal(sig) { TerminalSignals.fatal($0) } }
        _ = signal(SIGTSTP) { _ in TerminalSignals.suspend() }
        _ = signal(SIGCONT) { _ in TerminalSignals.continued = 1 }
    }

    static func uninstall() {
        restoreTerminal = nil
        for sig in terminating + crashes + [SIGTSTP, SIGCONT] { _ = signal(sig, SIG_DFL) }
    }

    /// True once after the process was continued; the terminal then redraws everything.
    static func takeContinued() -> Bool {
        guard continued != 0 else { return false }
        continued = 0
        return true
    }

    private static func fatal(_ sig: Int32) {
        if handling == 0 {
            handling = 1
            restoreTerminal?()
            saveHook?()
        }
        _ = signal(sig, SIG_DFL)
        _ = raise(sig)
    }

    /// Stops the process the way the shell expects, after giving the terminal back.
    static func suspend() {
        restoreTerminal?()
        _ = signal(SIGTSTP, SIG_DFL)
        _ = raise(SIGTSTP)
        // Execution resumes here after `fg`.
        _ = signal(SIGTSTP) { _ in TerminalSignals.suspend() }
        continued = 1
    }
}
