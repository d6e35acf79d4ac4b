import TerminalUI

/// What the Preview screen's keys do.
public enum PreviewCommand: Hashable, Sendable {
    case move(ListMove)
    case search, nextDocument, previousDocument, jumpToUser, saveAs
    /// Switches between the JSON and "What Entra will set" for the selected user.
    case whatEntraWillSet
    /// Asks Entra's parseExpression about the selected user's mappings and marks any disagreement.
    case checkWithEntra

    var name: String {
        if case .move(let move) = self { return move.rawValue }
        return "\(self)"
    }
}

/// The Preview screen's keys (merged into `AppKeymap.standard`).
enum PreviewKeymap {
    private static func b(_ command: PreviewCommand, _ keys: [Key], _ label: String, _ help: String) -> AppBinding {
        AppBinding(.preview(command), keys: keys, label: label, help: help, group: "Preview")
    }

    static let bindings: [AppBinding] =
        AppKeymap.movement("Preview", ListMove.rows + [.left, .right, .nextMatch, .previousMatch]) { .preview(.move($0)) }.map(needingMatches) + [
            b(.search, [.character("/")], "search", "Search the JSON"),
            b(.nextDocument, [.character("]"), .character(".")], "next doc", "Next document"),
            b(.previousDocument, [.character("["), .character(",")], "prev doc", "Previous document"),
            b(.jumpToUser, [.character("o")], "user's op", "Jump to the operation of the selected user"),
            b(.saveAs, [.character("w"), .ctrl("s")], "save as", "Save the documents to a file"),
            b(.whatEntraWillSet, [.character("e")], "Entra sets",
              "What Entra will set for the selected user (the job's mapping computed), or the JSON again"),
            b(.checkWithEntra, [.character("c")], "check with Entra",
              "Check with Entra: ask the job's parseExpression about the selected user's mappings and mark any disagreement"),
        ]

    /// n and N say what to do first when nothing was searched.
    private static func needingMatches(_ binding: AppBinding) -> AppBinding {
        guard binding.action == .preview(.move(.nextMatch)) || binding.action == .preview(.move(.previousMatch)) else { return binding }
        var copy = binding
        copy.disabledReason = { ($0.preview?.pane.matches.isEmpty ?? true) ? "nothing found to step through: / searches the JSON" : nil }
        return copy
    }

    static let hints: [AppCommand] = [
        .preview(.search), .preview(.nextDocument), .preview(.jumpToUser), .preview(.whatEntraWillSet), .global(.send), .preview(.saveAs),
        .global(.help),
    ]
}
