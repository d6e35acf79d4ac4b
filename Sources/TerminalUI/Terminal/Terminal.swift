/// What a terminal can show, so widgets and themes can degrade instead of drawing garbage.
public struct TerminalCapabilities: Hashable, Sendable {
    public var colorDepth: ColorDepth
    /// False on `linux`, `vt100` and non-UTF-8 locales: draw lines and ellipsis in ASCII.
    public var unicodeLines: Bool
    /// False when the screen's locale cannot encode text outside ASCII: such cells are drawn as
    /// placeholders (`ASCIIFallback`) and the app says once how to fix it.
    public var unicodeText: Bool

    public init(colorDepth: ColorDepth, unicodeLines: Bool = true, unicodeText: Bool = true) {
        self.colorDepth = colorDepth
        self.unicodeLines = unicodeLines
        self.unicodeText = unicodeText
    }

    public var glyphs: Glyphs { unicodeLines ? .unicode : .ascii }

    /// Guesses from `TERM`, `COLORTERM` and the locale variables, for when ncurses is not running
    /// (and to check ncurses' own answer against).
    public static func guess(environment: [String: String]) -> TerminalCapabilities {
        let term = environment["TERM"] ?? ""
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        let depth: ColorDepth
        if term.isEmpty || term == "dumb" || term.hasPrefix("vt1") || term.hasPrefix("vt2") {
            depth = .none
        } else if colorTerm == "truecolor" || colorTerm == "24bit" || term.hasSuffix("-direct") {
            depth = .trueColor
        } else if term.contains("256color") {
            depth = .indexed256
        } else if term == "linux" || term.hasPrefix("xterm") || term.hasPrefix("rxvt") {
            depth = .ansi16
        } else {
            depth = .ansi8
        }
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        let utf8 = locale.lowercased().replacingDashes.contains("utf8")
        return TerminalCapabilities(colorDepth: depth, unicodeLines: utf8 && drawsUnicodeLines(term: term))
    }

    /// Box lines and the ellipsis need more than UTF-8: the console (`linux`) and the vt types
    /// lack the glyphs even when the locale has them.
    static func drawsUnicodeLines(term: String) -> Bool {
        !(term == "linux" || term.hasPrefix("vt") || term == "dumb")
    }
}

extension String {
    fileprivate var replacingDashes: String { String(filter { $0 != "-" }) }
}

/// A place frames are shown and keys come from. The app's loop takes one `Terminal` as a parameter,
/// never a global, so the same loop runs on ncurses and in tests on `HeadlessTerminal`.
public protocol Terminal: AnyObject {
    /// The current size in columns and rows.
    var size: Size { get }
    var capabilities: TerminalCapabilities { get }
    /// Shows `frame`, sending only the cells that changed since the last one. `cursor` is where the
    /// text cursor blinks (in a focused text field); `nil` hides it.
    func flush(_ frame: ScreenBuffer, cursor: Point?)
    /// The next key, waiting at most `timeoutMilliseconds` (nil: wait indefinitely); `nil` on timeout.
    func nextKey(timeoutMilliseconds: Int?) -> Key?
    /// Puts text on the system clipboard through the terminal (OSC 52); false when it cannot be sent.
    func copyToClipboard(_ text: String) -> Bool
    /// Makes `nextKey` also return (with nil) when `descriptor` becomes readable, so work finished
    /// elsewhere wakes a waiting loop. Terminals that never wait may ignore it.
    func wake(on descriptor: Int32)
}

extension Terminal {
    public func wake(on descriptor: Int32) {}

    /// A blank frame of the terminal's size, with the glyphs it can draw.
    public func makeFrame() -> ScreenBuffer {
        ScreenBuffer(size: size, glyphs: capabilities.glyphs)
    }
}
