import Foundation

/// The theme chosen for a run, with anything that went wrong on the way.
public struct ThemeSelection: Sendable {
    public var theme: Theme
    /// The file the theme came from; `nil` for the built-in fallback.
    public var source: URL?
    /// Errors to show the user (the theme then falls back to the default).
    public var problems: [ThemeError]
}

/// Finds theme files and picks one, falling back to the default on any problem.
///
/// `themes/*.toml` at the package root are the source of truth. SwiftPM cannot bundle a folder
/// outside a target, so the shipped directory is looked for next to the executable (an install puts
/// it there or in `../share/scimterm/themes`) and then at the package root this file was built from.
/// User themes in `~/.config/scimterm/themes/` take precedence over shipped ones of the same name.
public struct ThemeLoader: Sendable {
    /// Directories searched in order.
    public var directories: [URL]

    public init(directories: [URL]) { self.directories = directories }

    /// The usual search path for this process.
    public static func standard(environment: [String: String]) -> ThemeLoader {
        var directories = [userDirectory(environment: environment)]
        if let shipped = shippedDirectory() { directories.append(shipped) }
        return ThemeLoader(directories: directories)
    }

    /// `$XDG_CONFIG_HOME/scimterm/themes`, or `~/.config/scimterm/themes`.
    public static func userDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("scimterm/themes")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/scimterm/themes")
    }

    /// The shipped `themes` directory: beside the executable, in `../share/scimterm/themes`, or at the
    /// package root.
    public static func shippedDirectory() -> URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let dir = executable.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("themes"))
            candidates.append(dir.appendingPathComponent("../share/scimterm/themes").standardizedFileURL)
        }
        candidates.append(packageThemesDirectory)
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("default.toml").path) }
    }

    /// `<package root>/themes`, found from this source file's own path at build time.
    public static var packageThemesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Themes
            .deletingLastPathComponent() // TerminalUI
            .deletingLastPathComponent() // Sources
            .deletingLastPathComponent()
            .appendingPathComponent("themes")
    }

    /// Names of all themes found, sorted, without duplicates.
    public func availableThemes() -> [String] {
        var names = Set<String>()
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// The file a theme name resolves to, first directory winning.
    public func url(forTheme name: String) -> URL? {
        directories.lazy.map { $0.appendingPathComponent("\(name).toml") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Loads one theme by name; on any problem returns the default theme and says why.
    public func load(named name: String) -> ThemeSelection {
        guard let url = url(forTheme: name) else {
            let fallback = name == "default" ? [] : [ThemeError(file: "\(name).toml", line: nil, key: nil,
                message: "theme not found in \(directories.map(\.path).joined(separator: ", "))")]
            return withDefault(problems: fallback)
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            let theme = try ThemeParser.parse(text, file: url.path, fallbackName: name)
            return ThemeSelection(theme: theme, source: url, problems: [])
        } catch let error as ThemeError {
            return withDefault(problems: [error])
        } catch {
            return withDefault(problems: [ThemeError(file: url.path, line: nil, key: nil, message: "\(error)")])
        }
    }

    private func withDefault(problems: [ThemeError]) -> ThemeSelection {
        var selection = loadDefaultFile()
        selection.problems = problems + selection.problems
        return selection
    }

    private func loadDefaultFile() -> ThemeSelection {
        guard let url = url(forTheme: "default"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return ThemeSelection(theme: .builtinDefault, source: nil, problems: [])
        }
        do {
            return ThemeSelection(theme: try ThemeParser.parse(text, file: url.path, fallbackName: "default"), source: url, problems: [])
        } catch {
            return ThemeSelection(theme: .builtinDefault, source: nil, problems: [error])
        }
    }

    /// Picks the theme for a run: `mono` when `NO_COLOR` is set (any value) or the terminal has no
    /// colour, otherwise the named one (default when nil), degraded to the terminal's depth.
    public func select(name: String?, environment: [String: String], depth: ColorDepth) -> ThemeSelection {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        if noColor || depth == .none {
            var selection = load(named: "mono")
            selection.theme = selection.theme.degraded(to: .none)
            return selection
        }
        var selection = load(named: name ?? "default")
        selection.theme = selection.theme.degraded(to: depth)
        return selection
    }
}
