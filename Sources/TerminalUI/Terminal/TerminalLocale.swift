#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character set the screen is written in.
///
/// ncursesw encodes through the C library's LC_CTYPE, so under `LANG=C` (common over SSH when no
/// locale is forwarded) every character outside ASCII is silently dropped: "Zoë Ångström" becomes
/// "Zo ngstrm". A terminal of any modern type is UTF-8 in practice, so the screen switches to a
/// UTF-8 locale the system has; a legacy terminal type, or a system without one, gets placeholders
/// instead, which keep the columns aligned and show that something is there.
public enum TerminalLocale {
    public enum Outcome: Equatable, Sendable {
        /// The environment's locale is UTF-8 already.
        case utf8
        /// The environment's locale is not UTF-8; the screen uses this one.
        case switched(to: String)
        /// Nothing outside ASCII can be shown: such characters are drawn as placeholders.
        case placeholders
    }

    /// What the status line says once when characters are replaced.
    public static let advice = "this terminal's locale is not UTF-8: characters it cannot show appear as ? (start scimterm with LANG=C.UTF-8 to see them)"

    static let candidates = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// Terminal types that predate UTF-8: sending it multibyte text could garble the screen.
    static func isLegacy(_ term: String) -> Bool {
        term.isEmpty || term == "dumb" || term == "ansi" || term.hasPrefix("vt")
    }

    /// The decision alone: `tryLocale` sets LC_CTYPE and reports whether the system has it.
    static func decide(codesetIsUTF8: Bool, term: String, tryLocale: (String) -> Bool) -> Outcome {
        if codesetIsUTF8 { return .utf8 }
        if isLegacy(term) { return .placeholders }
        for name in candidates where tryLocale(name) { return .switched(to: name) }
        return .placeholders
    }

    /// Sets the process's locale from the environment, then applies the decision to LC_CTYPE.
    static func apply(term: String) -> Outcome {
        _ = setlocale(LC_ALL, "")
        return decide(codesetIsUTF8: codesetIsUTF8(), term: term) { name in
            setlocale(LC_CTYPE, name) != nil && codesetIsUTF8()
        }
    }

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased().filter { $0 != "-" }
        return name == "UTF8"
    }
}
