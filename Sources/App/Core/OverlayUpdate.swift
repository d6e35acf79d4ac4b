import TerminalUI

extension AppState {
    /// Keys while the help, the palette or a dialog is open: they go nowhere else.
    mutating func overlayKey(_ key: Key, _ current: Overlay, effects: inout [AppEffect]) {
        switch current {
        case .help(let scroll):
            switch key {
            case .down, .character("j"):
                let last = HelpOverlay(keymap: helpKeymap, title: helpTitle).maxScroll(height: size.height)
                overlay = .help(scroll: min(last, scroll + 1))
            case .up, .character("k"): overlay = .help(scroll: max(0, scroll - 1))
            default: overlay = nil
            }
        case .palette(let palette):
            paletteKey(key, palette, effects: &effects)
        case .problems(let problems):
            problemsKey(key, problems, effects: &effects)
        case .dialog(let dialog, let purpose):
            let (updated, result) = dialog.handling(key)
            guard let result else {
                overlay = .dialog(updated, purpose)
                return
            }
            overlay = nil
            dialogAnswered(purpose, result, effects: &effects)
        }
    }

    /// What the help's frame says: exactly the keys that scroll it and that everything else closes it.
    var helpTitle: String { "Keys · \(screen.title) (↑↓ j k scroll · any other key closes)" }

    private mutating func paletteKey(_ key: Key, _ palette: PaletteState, effects: inout [AppEffect]) {
        var next = palette
        let entries = palette.matches(keymaps)
        switch key {
        case .escape, .ctrl("c"): overlay = nil; return
        case .up: next.selected = max(0, palette.selected - 1)
        case .down: next.selected = min(max(0, entries.count - 1), palette.selected + 1)
        case .enter:
            overlay = nil
            guard !entries.isEmpty else { return }
            let entry = entries[min(palette.selected, entries.count - 1)]
            if let target = entry.screen, target != screen { switchTo(target) }
            run(entry.binding, effects: &effects)
            return
        default:
            guard let edited = palette.field.handling(key) else { return }
            next.field = edited
            next.selected = 0
        }
        overlay = .palette(next)
    }

    /// JSON is recognised by content when read; only a CSV needs a mapping asked for first.
    /// An HR CSV, which may need a mapping; the portal's provisioning-log CSVs (named so by the
    /// portal's download) never do, and their content is recognised when read.
    static func looksLikeCSV(_ path: String) -> Bool {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        let portalLog = name.hasPrefix("provisioninglogs") || name.contains("_provisioningsteps") || name.contains("_modifiedproperties")
        return ["csv", "tsv", "txt"].contains(ext) && !portalLog
    }

    private mutating func dialogAnswered(_ purpose: DialogPurpose, _ result: DialogResult, effects: inout [AppEffect]) {
        switch (purpose, result) {
        case (.quit, .button(0)):
            quitRequested = true
        case (.saveAs, .submitted(let path)) where !path.trimmed.isEmpty:
            ensurePreview()
            effects.append(.writeFile(path: path.trimmed, bytes: preview?.allDocumentsPretty ?? []))
        case (.openFile, .submitted(let path)) where !path.trimmed.isEmpty:
            let file = path.trimmed
            if Self.looksLikeCSV(file) {
                overlay = .dialog(DialogState(
                    kind: .prompt(masked: false), title: "Mapping for \(file.split(separator: "/").last.map(String.init) ?? file)",
                    message: "A mapping file (TOML) for the CSV's columns, e.g. examples/csv2scim-mapping.toml. Leave it empty when the columns are named like SCIM paths (userName, name.givenName, …).",
                    input: mappingPath ?? ""), .openMapping(file: file))
            } else {
                message = StatusMessage("reading \(file)…")
                effects.append(.loadFile(path: file))
            }
        case (.openMapping(let file), .submitted(let mapping)):
            mappingPath = mapping.trimmed.isEmpty ? nil : mapping.trimmed
            message = StatusMessage("reading \(file)…")
            effects.append(.loadFile(path: file, mapping: mappingPath))
        case (.addExtensionAttribute, .submitted(let text)):
            addExtensionAttribute(named: text, effects: &effects)
        case (.exportHAR, .submitted(let path)) where !path.trimmed.isEmpty:
            exportAnswered(.exportHAR, path: path.trimmed, effects: &effects)
        case (.saveExchange(let id), .submitted(let path)) where !path.trimmed.isEmpty:
            exportAnswered(.saveExchange(id), path: path.trimmed, effects: &effects)
        case (.send(let scopes), .button(let i)) where i < scopes.count:
            startSend(scopes[i], effects: &effects)
        case (.resume(let found), .button(let i)):
            resumeAnswered(found, button: i, effects: &effects)
        case (.jobAction(let action), .button(0)):
            confirmJobAction(action, effects: &effects)
        case (.saveProfile, .submitted(let name)):
            saveProfile(named: name, effects: &effects)
        case (.extendSchema(let plan), .button(let i)):
            extendSchemaAnswered(plan, button: i, effects: &effects)
        default:
            break
        }
    }
}
