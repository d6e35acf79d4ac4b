import TerminalUI

/// Key scripts for tests: "j j ctrl-s enter" is four keys, spelt as in keymaps.
public enum KeyScript {
    public static func keys(_ script: String) throws -> [Key] {
        try script.split(separator: " ").map { try Key(parsing: String($0)) }
    }
}

/// Runs an app-shaped loop (update on each key, render the whole frame, flush) on a headless
/// terminal until its scripted keys run out: the test then asserts on the final frame and state.
///
/// `update` returns nil to quit, like a real app leaving its loop.
public struct HeadlessDriver<State> {
    public let terminal: HeadlessTerminal
    public let update: (State, Key, Size) -> State?
    public let render: (State, inout ScreenBuffer) -> Point?

    public init(
        terminal: HeadlessTerminal,
        update: @escaping (State, Key, Size) -> State?,
        render: @escaping (State, inout ScreenBuffer) -> Point?
    ) {
        self.terminal = terminal
        self.update = update
        self.render = render
    }

    /// Draws the initial frame, then processes keys until none are pending (idle) or `update` quits.
    /// Returns the last state and whether the loop quit.
    @discardableResult
    public func run(_ initial: State) -> (state: State, quit: Bool) {
        var state = initial
        draw(state)
        while let key = terminal.nextKey(timeoutMilliseconds: 0) {
            guard let next = update(state, key, terminal.size) else { return (state, true) }
            state = next
            draw(state)
        }
        return (state, false)
    }

    public func draw(_ state: State) {
        var frame = terminal.makeFrame()
        let cursor = render(state, &frame)
        terminal.flush(frame, cursor: cursor)
    }
}
