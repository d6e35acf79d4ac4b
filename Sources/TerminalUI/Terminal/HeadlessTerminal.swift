/// A terminal in memory for tests: it keeps the last frame, renders it to text, and plays back
/// scripted keys and resizes.
public final class HeadlessTerminal: Terminal {
    public private(set) var size: Size
    public var capabilities: TerminalCapabilities
    /// The last frame flushed, exactly as drawn.
    public private(set) var frame: ScreenBuffer
    /// Where the cursor was left by the last flush; `nil` when hidden.
    public private(set) var cursor: Point?
    /// The cells the last flush would have sent to a real terminal.
    public private(set) var lastChanges: [CellRun] = []
    public private(set) var flushCount = 0
    private var pending: [Key] = []
    /// What was sent to the clipboard, in order.
    public private(set) var clipboard: [String] = []

    public init(width: Int, height: Int, capabilities: TerminalCapabilities = .init(colorDepth: .indexed256)) {
        self.size = Size(width: width, height: height)
        self.capabilities = capabilities
        self.frame = ScreenBuffer(size: size, glyphs: capabilities.glyphs)
    }

    public func flush(_ frame: ScreenBuffer, cursor: Point?) {
        lastChanges = BufferDiff.changes(from: flushCount == 0 ? nil : self.frame, to: frame)
        self.frame = frame
        self.cursor = cursor
        flushCount += 1
    }

    public func copyToClipboard(_ text: String) -> Bool {
        guard OSC52.sequence(for: text) != nil else { return false }
        clipboard.append(text)
        return true
    }

    public func nextKey(timeoutMilliseconds: Int?) -> Key? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Queues keys to be read in order.
    public func send(_ keys: Key...) { pending.append(contentsOf: keys) }
    public func send(_ keys: [Key]) { pending.append(contentsOf: keys) }

    /// Queues each character of `text` as a typed key.
    public func type(_ text: String) { pending.append(contentsOf: text.map { Key.character($0) }) }

    /// Changes the size, as a user dragging the window would, and queues the resize key.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        pending.append(.resize)
    }

    public var hasPendingKeys: Bool { !pending.isEmpty }

    /// The last frame as text, trailing spaces trimmed on each row.
    public var screenText: String { frame.plainText }
    public var screenLines: [String] { frame.lines() }
}
