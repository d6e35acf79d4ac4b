#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handling that puts the terminal back whatever ends the process.
///
/// Signals are process-wide, so this is the one piece of global state in the toolkit; it holds only
/// two callbacks, not the terminal. A dropped SSH connection (SIGHUP), SIGINT, SIGTERM and crashes
/// (Swift traps end in SIGILL or SIGTRAP, with no `defer` run) restore the terminal, give the app
/// its save hook, then die with the original signal so the exit status stays truthful. Ctrl-Z
/// and SIGTSTP make the loop restore the terminal and stop; on SIGCONT it redraws.
public enum TerminalSignals {
    nonisolated(unsafe) private static var restoreTerminal: (() -> Void)?
    nonisolated(unsafe) private static var saveHook: (@Sendable () -> Void)?
    nonisolated(unsafe) private static var handling: sig_atomic_t = 0
    nonisolated(unsafe) private static var continued: sig_atomic_t = 0
    nonisolated(unsafe) private static var stopPending: sig_atomic_t = 0
    /// The write end of `wake`, copied where a handler can read it without touching Swift runtime.
    nonisolated(unsafe) private static var wakeDescriptor: Int32 = -1
    /// The thread that drives ncurses. A process-directed signal lands on any thread that does not
    /// block it (HTTP and task threads included); the terminal is restored on this one, where no
    /// ncurses call can be half-way through or start after `endwin`.
    nonisolated(unsafe) private static var uiThread: pthread_t?
    /// ncurses' own SIGWINCH handler (it turns the signal into KEY_RESIZE); ours runs it, then wakes the loop.
    nonisolated(unsafe) private static var previousWinch = sigaction()

    /// Readable after SIGWINCH or SIGCONT, so a loop asleep in `poll(2)` wakes for them.
    public static let wake = WakePipe()

    /// True from the moment a fatal signal is being handled: the handler may run on another thread
    /// while the loop goes on, and one more refresh after `endwin` would switch the alternate screen
    /// back on for good.
    static var isEnding: Bool { handling != 0 }

    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashes: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Sets what to run (once, before the process ends on a signal) to save the user's work. Keep it
    /// short: it runs inside a signal handler.
    public static func setSaveHook(_ hook: (@Sendable () -> Void)?) { saveHook = hook }

    static func install(restore: @escaping () -> Void) {
        restoreTerminal = restore
        uiThread = pthread_self()
        allowOnThisThread(terminating + [SIGTSTP])
        wakeDescriptor = wake?.writeDescriptor ?? -1
        for sig in terminating + crashes { _ = signal(sig) { TerminalSignals.fatal($0) } }
        _ = signal(SIGTSTP) { TerminalSignals.stopRequested($0) }
        _ = signal(SIGCONT) { _ in
            TerminalSignals.continued = 1
            TerminalSignals.pokeWake()
        }
        chainWinch()
    }

    static func uninstall() {
        restoreTerminal = nil
        uiThread = nil
        for sig in terminating + crashes + [SIGTSTP, SIGCONT] { _ = signal(sig, SIG_DFL) }
        _ = sigaction(SIGWINCH, &previousWinch, nil)
    }

    /// The UI may run on a pool thread, and pool threads block asynchronous signals; a signal
    /// forwarded there would wait for ever.
    private static func allowOnThisThread(_ signals: [Int32]) {
        var set = sigset_t()
        _ = sigemptyset(&set)
        for sig in signals { _ = sigaddset(&set, sig) }
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Puts our SIGWINCH handler in front of ncurses' one (installed by `newterm`), keeping theirs.
    private static func chainWinch() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { TerminalSignals.winched($0) }
        #else
        action.__sigaction_u.__sa_handler = { TerminalSignals.winched($0) }
        #endif
        _ = sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        _ = sigaction(SIGWINCH, &action, &previousWinch)
    }

    private static func winched(_ sig: Int32) {
        #if canImport(Glibc)
        let previous = previousWinch.__sigaction_handler.sa_handler
        #else
        let previous = previousWinch.__sigaction_u.__sa_handler
        #endif
        // SIG_DFL and SIG_IGN are the values 0 and 1, not functions to call.
        if let previous, unsafeBitCast(previous, to: Int.self) > 1 { previous(sig) }
        pokeWake()
    }

    private static func pokeWake() {
        if wakeDescriptor >= 0 { WakePipe.poke(wakeDescriptor) }
    }

    /// True once after the process was continued; the terminal then redraws everything.
    static func takeContinued() -> Bool {
        guard continued != 0 else { return false }
        continued = 0
        return true
    }

    /// Sends a signal that arrived on another thread on to the UI thread and returns true. Crashes are
    /// not forwarded: they belong to the thread that faulted, and returning would fault again.
    private static func forwardedToUIThread(_ sig: Int32) -> Bool {
        switch sig {
        case SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT: return false
        default: break
        }
        guard let ui = uiThread, pthread_equal(pthread_self(), ui) == 0 else { return false }
        return pthread_kill(ui, sig) == 0
    }

    private static func fatal(_ sig: Int32) {
        if forwardedToUIThread(sig) { return }
        if handling == 0 {
            handling = 1
            restoreTerminal?()
            saveHook?()
        }
        _ = signal(sig, SIG_DFL)
        _ = raise(sig)
    }

    /// `kill -TSTP` (or a shell's stop) arrives at any moment, often while the loop sleeps in poll(2):
    /// ncurses calls from inside the handler there left doupdate spinning after `fg`, so the handler
    /// only flags the stop and wakes the loop, which then stops as ctrl-z does.
    private static func stopRequested(_ sig: Int32) {
        if forwardedToUIThread(sig) { return }
        stopPending = 1
        pokeWake()
    }

    /// True once after a SIGTSTP; the loop then gives the terminal back and stops (`suspend`).
    static func takeStopRequest() -> Bool {
        guard stopPending != 0 else { return false }
        stopPending = 0
        return true
    }

    /// Stops the process the way the shell expects, after giving the terminal back.
    static func suspend() {
        restoreTerminal?()
        _ = signal(SIGTSTP, SIG_DFL)
        _ = raise(SIGTSTP)
        // Execution resumes here after `fg`.
        _ = signal(SIGTSTP) { TerminalSignals.stopRequested($0) }
        continued = 1
    }
}
