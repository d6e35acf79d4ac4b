import TerminalUI

/// A screen as text with its colours written in, so a test can say "this line is drawn as an
/// error" as plainly as it says what the line reads.
///
/// Runs are matched to theme roles by foreground colour (dialogs and selections patch the
/// background, the role's colour survives); runs in none of `roles` stay plain text.
public enum StyleRuns {
    /// Each row, with runs in one of `roles` written `[role]text[/]`; trailing spaces trimmed.
    public static func rows(_ buffer: ScreenBuffer, theme: Theme, roles: [ThemeRole]) -> [String] {
        let plain = theme[.text].foreground
        let colours: [(ThemeRole, Color)] = roles.compactMap { role in
            theme[role].foreground.flatMap { $0 == plain ? nil : (role, $0) }
        }
        return (0..<buffer.size.height).map { y in
            var out = ""
            var open: ThemeRole?
            // Spaces wait until the next glyph says whether they are inside a run or between runs.
            var spaces = ""
            for cell in buffer.row(y) where cell.width > 0 {
                if cell.grapheme == " " { spaces += " "; continue }
                let role = colours.first { $0.1 == cell.style.foreground }?.0
                if role != open {
                    if open != nil { out += "[/]" }
                    out += spaces
                    if let role { out += "[\(role.rawValue)]" }
                    open = role
                } else {
                    out += spaces
                }
                spaces = ""
                out += cell.grapheme
            }
            if open != nil { out += "[/]" }
            return out
        }
    }

    /// The runs of one role across the screen, in reading order: `["✗ 1 user with errors"]`.
    public static func runs(of role: ThemeRole, in buffer: ScreenBuffer, theme: Theme) -> [String] {
        let marker = "[\(role.rawValue)]"
        return rows(buffer, theme: theme, roles: [role]).flatMap { row in
            row.components(separatedBy: marker).dropFirst().compactMap { part in
                part.components(separatedBy: "[/]").first?.trimmingSpaces
            }
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
