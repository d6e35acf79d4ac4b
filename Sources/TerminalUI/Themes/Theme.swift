/// A semantic use of colour. Widgets ask for roles, never for colours, so a theme can change them all.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case background, text, muted, accent, title, border
    case selection, focus, mark, header, searchMatch, lineNumber, cursorLine
    case error, warning, success
    case statusBar, tabActive, tabInactive, dialog
    case jsonKey, jsonString, jsonNumber, jsonLiteral, jsonPunctuation
    case httpMethod, httpStatus, httpStatusError, httpHeader

    /// How the role is spelt in theme files: `json-key`, `http-status-error`, `search-match`.
    public var fileKey: String {
        var out = ""
        for c in rawValue {
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    public init?(fileKey: String) {
        guard let role = ThemeRole.allCases.first(where: { $0.fileKey == fileKey }) else { return nil }
        self = role
    }
}

/// A named set of styles, one per role. A role the file leaves out looks like `text`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? styles[.text] ?? .plain
    }

    /// The theme as a terminal of `depth` can show it; with no colour at all only attributes remain.
    public func degraded(to depth: ColorDepth) -> Theme {
        var copy = self
        for (role, style) in styles {
            copy.styles[role] = Style(
                foreground: style.foreground.flatMap { $0.degraded(to: depth) },
                background: style.background.flatMap { $0.degraded(to: depth) },
                attributes: style.attributes)
        }
        return copy
    }

    /// The theme used when no file can be read: the terminal's own colours, accents by attribute
    /// and a few ANSI colours that read on both light and dark backgrounds. `themes/default.toml`
    /// must say the same (a test checks it).
    public static let builtinDefault: Theme = {
        func s(_ fg: Color? = nil, _ bg: Color? = nil, _ a: Attributes = []) -> Style {
            Style(foreground: fg, background: bg, attributes: a)
        }
        return Theme(name: "default", styles: [
            .background: s(.terminalDefault, .terminalDefault), .text: s(.terminalDefault, .terminalDefault),
            .muted: s(nil, nil, .dim), .accent: s(.ansi(6)), .title: s(nil, nil, .bold), .border: s(nil, nil, .dim),
            .selection: s(nil, nil, .reverse), .focus: s(.ansi(6), nil, .bold), .mark: s(.ansi(5), nil, .bold),
            .header: s(nil, nil, [.bold, .underline]), .searchMatch: s(.ansi(0), .ansi(3)),
            .lineNumber: s(nil, nil, .dim), .cursorLine: s(nil, nil, .bold),
            .error: s(.ansi(1), nil, .bold), .warning: s(.ansi(3)), .success: s(.ansi(2)),
            .statusBar: s(nil, nil, .reverse), .tabActive: s(nil, nil, [.bold, .reverse]), .tabInactive: s(nil, nil, .dim),
            .dialog: s(), .jsonKey: s(.ansi(4), nil, .bold), .jsonString: s(.ansi(2)), .jsonNumber: s(.ansi(5)),
            .jsonLiteral: s(.ansi(3)), .jsonPunctuation: s(nil, nil, .dim), .httpMethod: s(.ansi(6), nil, .bold),
            .httpStatus: s(.ansi(2), nil, .bold), .httpStatusError: s(.ansi(1), nil, .bold), .httpHeader: s(.ansi(4)),
        ])
    }()
}
