import Foundation
import TerminalUI

/// The UI loop: read a key (or time out), apply it and any effect results through `TUI.update`,
/// start the effects it asks for, draw the frame. The same loop runs on ncurses and, in tests, on
/// a headless terminal.
public final class AppLoop {
    public private(set) var state: AppState
    let terminal: any Terminal
    let inbox = ActionInbox()
    let runner: EffectRunner
    /// The generation last copied into the signal-safe snapshot.
    private var snapshotGeneration = -1
    /// Where the time comes from; tests pass a fixed or stepped clock.
    let now: () -> Date

    /// Workspaces up to this size are snapshotted for the signal handler after every change; larger
    /// ones when autosave serialises them.
    static let eagerSnapshotLimit = 2_000

    public init(state: AppState, terminal: any Terminal, services: AppServices = .live, now: @escaping () -> Date = Date.init) {
        self.state = state
        self.now = now
        self.terminal = terminal
        self.runner = EffectRunner(inbox: inbox, services: services)
        self.state.size = terminal.size
        if let fd = inbox.wakeDescriptor { terminal.wake(on: fd) }
    }

    /// Applies one action and starts what it asks for.
    public func dispatch(_ action: AppAction) {
        let (next, effects) = TUI.update(state, action)
        if next.changeGeneration != state.changeGeneration, runner.journal.isActive {
            runner.journal.append(WorkspaceChange.between(state, next), generation: next.changeGeneration)
        }
        state = next
        for effect in effects {
            if case .copyToClipboard(let text, let what, let path) = effect {
                runner.writeCopy(text, what: what, path: path, clipboard: terminal.copyToClipboard(text))
            } else {
                runner.run(effect)
            }
        }
    }

    public func draw() {
        var frame = terminal.makeFrame()
        let cursor = TUI.render(state, into: &frame)
        terminal.flush(frame, cursor: cursor)
    }

    /// One turn: at most one key, then every finished effect; draws when anything happened.
    /// `timeoutMilliseconds` nil sleeps until a key, a signal or an effect's result (timers are
    /// effects that post when due). Returns false once the user has quit.
    @discardableResult
    public func step(timeoutMilliseconds: Int?) -> Bool {
        var happened = false
        if let key = terminal.nextKey(timeoutMilliseconds: timeoutMilliseconds) {
            dispatch(.clockAdvanced(now()))
            if key == .resize { dispatch(.resized(terminal.size)) }
            dispatch(.key(key))
            happened = true
        }
        for action in inbox.drain() {
            dispatch(action)
            happened = true
        }
        if happened {
            snapshotIfSmall()
            draw()
        }
        return !state.quitRequested
    }

    /// Runs until the user quits, then saves what autosave had not yet written.
    public func run() {
        dispatch(.started)
        draw()
        // Without a wake pipe the inbox can only be seen by polling.
        let timeout: Int? = inbox.wakeDescriptor == nil ? 50 : nil
        while step(timeoutMilliseconds: timeout) {}
        saveNow()
    }

    /// For tests: processes queued keys and waits (polling, with a deadline, never a fixed sleep)
    /// until no effect is running. Returns false on timeout.
    @discardableResult
    public func runUntilIdle(timeoutSeconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            step(timeoutMilliseconds: 0)
            if inbox.isIdle && !hasPendingKeys { draw(); return true }
            usleep(2_000)
        }
        return false
    }

    private var hasPendingKeys: Bool { (terminal as? HeadlessTerminal)?.hasPendingKeys ?? false }

    /// Writes the workspace synchronously if it changed since the last save (on quit).
    public func saveNow() {
        guard let path = state.workspacePath, state.savedGeneration != state.changeGeneration else { return }
        let bytes = state.workspace.encoded()
        EmergencySave.update(bytes)
        guard (try? SafeFile.writeAtomically(bytes, to: path)) != nil else { return }
        runner.journal.saved(base: bytes, generation: state.changeGeneration)
    }

    /// Journals every edit from now on, after `base`, the bytes the workspace file holds.
    func startJournal(path: String, base: [UInt8]) {
        runner.journal.start(path: path, base: base)
    }

    private func snapshotIfSmall() {
        guard state.workspacePath != nil, state.changeGeneration != snapshotGeneration,
            state.store.count <= Self.eagerSnapshotLimit
        else { return }
        snapshotGeneration = state.changeGeneration
        EmergencySave.update(state.workspace.encoded())
    }
}
