import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the real terminal could not start, worded for the user.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal to run the full-screen interface"
        case .unknownTerminal(let term): return "unknown terminal type \"\(term)\" (check TERM, e.g. TERM=xterm-256color)"
        }
    }
}

/// The real terminal, through libncursesw.
///
/// Uses `newterm` rather than `initscr` so that a bad TERM becomes an error we can explain instead of
/// an exit; keeps the last frame so only changed cells are written; restores the terminal on every
/// way out (see `TerminalSignals`).
public final class NcursesTerminal: Terminal {
    public let capabilities: TerminalCapabilities
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: ScreenBuffer?
    private var colors: NcursesColors
    private var isOpen = true
    private let bracketedPaste: Bool
    private var inboxDescriptor: Int32?
    /// How the screen's character set was chosen (see `TerminalLocale`).
    public let localeOutcome: TerminalLocale.Outcome

    /// Starts full-screen mode on the process's terminal.
    public init(environment: [String: String]) throws {
        guard isatty(0) != 0, isatty(1) != 0 else { throw TerminalError.notATerminal }
        let term = environment["TERM"] ?? "xterm"
        let locale = TerminalLocale.apply(term: term)
        localeOutcome = locale
        guard let output = fdopen(1, "w"), let input = fdopen(0, "r") else { throw TerminalError.notATerminal }
        guard let screen = newterm(term, output, input) else { throw TerminalError.unknownTerminal(term) }
        _ = set_term(screen)
        self.screen = screen
        guard let window = newwin(0, 0, 0, 0) else {
            endwin()
            throw TerminalError.unknownTerminal(term)
        }
        self.window = window
        // COLORS is only known after start_color, so colour is switched on before asking.
        if has_colors() {
            _ = start_color()
            _ = use_default_colors()
        }
        let depth = Self.detectDepth()
        // The locale actually in force decides, not the environment's variables (it may have been switched).
        let unicodeText = locale != .placeholders
        capabilities = TerminalCapabilities(colorDepth: depth, unicodeLines: unicodeText && !TerminalLocale.isLegacy(term) && TerminalCapabilities.drawsUnicodeLines(term: term),
                                            unicodeText: unicodeText)
        colors = NcursesColors(depth: depth)
        bracketedPaste = term.hasPrefix("xterm") || term.hasPrefix("tmux") || term.hasPrefix("screen")
        configure()
        TerminalSignals.install { [window] in
            // Runs in a signal handler: only the calls that put the terminal back.
            _ = curs_set(1)
            _ = wrefresh(window)
            _ = endwin()
        }
    }

    deinit { shutdown() }

    private func configure() {
        _ = raw()            // Ctrl-C, Ctrl-S, Ctrl-Z arrive as keys; we act on them ourselves.
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = set_escdelay(25) // Esc must feel instant; Alt sequences arrive within a few ms.
        _ = scrollok(window, false)
        _ = leaveok(window, false)
        _ = curs_set(0)
        if bracketedPaste { writeControl("\u{1B}[?2004h") }
    }

    /// Leaves full-screen mode and gives the terminal back as it was. Safe to call twice.
    public func shutdown() {
        guard isOpen else { return }
        isOpen = false
        if bracketedPaste { writeControl("\u{1B}[?2004l") }
        _ = curs_set(1)
        _ = endwin()
        delwin(window)
        delscreen(screen)
        TerminalSignals.uninstall()
    }

    /// Writes a fixed control sequence of our own (never data) straight to the terminal.
    private func writeControl(_ sequence: String) {
        _ = putp(sequence)
        _ = fflush(nil)
    }

    public func copyToClipboard(_ text: String) -> Bool {
        guard isOpen, let sequence = OSC52.sequence(for: text) else { return false }
        writeControl(sequence)
        return true
    }

    public var size: Size {
        Size(width: Int(scimterm_width(window)), height: Int(scimterm_height(window)))
    }

    public func flush(_ frame: ScreenBuffer, cursor: Point?) {
        guard !TerminalSignals.isEnding else { return }
        guard isOpen else { return }
        if previous?.size != frame.size {
            _ = wclear(window)
            previous = nil
        }
        for run in BufferDiff.changes(from: previous, to: frame) {
            write(run)
        }
        previous = frame
        if let cursor, frame.bounds.contains(cursor) {
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            _ = curs_set(1)
        } else {
            _ = curs_set(0)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    private func write(_ run: CellRun) {
        var x = run.x
        var currentStyle: Style?
        for cell in run.cells {
            defer { x += 1 }
            if cell.isContinuation { continue }
            if cell.style != currentStyle {
                let (attributes, pair) = colors.attributesAndPair(for: cell.style)
                _ = scimterm_set_attr(window, attributes, pair)
                currentStyle = cell.style
            }
            let text = capabilities.unicodeText ? cell.grapheme : ASCIIFallback.text(cell.grapheme, width: Int(cell.width))
            var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            let count = Int32(wide.count)
            wide.append(0)
            // Writing the bottom-right cell reports an error (the cursor cannot advance); it is drawn.
            _ = mvwaddnwstr(window, Int32(run.y), Int32(x), wide, count)
        }
    }

    /// Also wake `nextKey` when this descriptor becomes readable (the app's inbox).
    public func wake(on descriptor: Int32) { inboxDescriptor = descriptor }

    /// Sleeps in `poll(2)` on the keyboard, the signal pipe and the inbox instead of polling, so an
    /// idle screen costs nothing. Keys ncurses already buffered are taken before sleeping.
    public func nextKey(timeoutMilliseconds: Int?) -> Key? {
        // wgetch refreshes the window: after the signal handler's endwin it must not run again.
        if TerminalSignals.isEnding { usleep(50_000); return nil }
        if let key = readWaiting() { return key }
        guard timeoutMilliseconds != 0 else { return nil }
        let signals = TerminalSignals.wake?.readDescriptor
        let woken = waitReadable([0] + [signals, inboxDescriptor].compactMap { $0 }, timeoutMilliseconds: timeoutMilliseconds)
        if let signals, woken.contains(signals) { TerminalSignals.wake?.drain() }
        if let key = readWaiting() { return key }
        // A terminal that went away without a SIGHUP reaching us would make poll(2) return at once
        // for ever: end the way a dropped connection does (restore, save, exit by SIGHUP).
        if woken.contains(0), Self.inputHungUp() { _ = raise(SIGHUP) }
        return nil
    }

    private static func inputHungUp() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) > 0 else { return false }
        return Int32(fd.revents) & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0
    }

    /// A key ncurses has (or can read now) without waiting; the resume after Ctrl-Z as a resize.
    private func readWaiting() -> Key? {
        if TerminalSignals.takeStopRequest() { return suspendSelf() }
        if TerminalSignals.takeContinued() { return resumed() }
        wtimeout(window, 0)
        return readOne()
    }

    private func readOne() -> Key? {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return nil }
        if status == scimterm_key_code_yes() { return NcursesKeys.functionKey(Int32(bitPattern: code)) }
        if code == 26 { return suspendSelf() }
        if code == 12 { return resumed() }  // ctrl-l: redraw every cell, as in any terminal program
        guard let key = NcursesKeys.character(code) else { return nil }
        return key == .escape ? readAfterEscape() : key
    }

    /// After ESC, a character already waiting means Alt or a sequence (bracketed paste) rather than
    /// the Esc key itself.
    private func readAfterEscape() -> Key {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status != ERR else { return .escape }
        if status == scimterm_key_code_yes() { return NcursesKeys.functionKey(Int32(bitPattern: code)) ?? .escape }
        if code == 91 { return readBracketed() ?? .alt("[") }
        guard let next = NcursesKeys.character(code) else { return .escape }
        return NcursesKeys.afterEscape(next)
    }

    private func readBracketed() -> Key? {
        var header = ""
        var code: wint_t = 0
        wtimeout(window, 50)
        while header.count < 4, wget_wch(window, &code) != ERR, let s = Unicode.Scalar(code) {
            header.append(Character(s))
        }
        guard header == "200~" else { return nil }
        var collector = PasteCollector()
        wtimeout(window, 1000)
        while wget_wch(window, &code) != ERR, let s = Unicode.Scalar(code) {
            if let text = collector.feed(Character(s)) { return .paste(text) }
        }
        return .paste(collector.text)
    }

    /// Ctrl-Z arrives as a key in raw mode (and SIGTSTP as a flag); stop the way the shell expects, then redraw.
    private func suspendSelf() -> Key {
        TerminalSignals.suspend()
        _ = TerminalSignals.takeContinued()
        return resumed()
    }

    private func resumed() -> Key {
        _ = wrefresh(window)
        previous = nil
        _ = wclear(window)
        return .resize
    }

    static func detectDepth() -> ColorDepth {
        guard has_colors() else { return .none }
        let count = scimterm_colors()
        // COLORTERM=truecolor alone is not enough: ncurses can send 24-bit colour only with a
        // direct-colour terminfo entry (e.g. xterm-direct), which reports 2^24 colours.
        if count >= 0x1000000 { return .trueColor }
        if count >= 256 { return .indexed256 }
        if count >= 16 { return .ansi16 }
        return count >= 8 ? .ansi8 : .none
    }
}
