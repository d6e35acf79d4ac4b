import Foundation
import PackagePlugin

/// Stamps the executable with the git commit it was built from (`scimterm --version`). The
/// revision is read from `.git` by a small tool, not by running git, so a build needs no git on
/// the path; a source tree without `.git` is stamped "unknown".
@main
struct RevisionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildRevision.swift")
        // Rebuilt when HEAD moves or the branch it names gets a new commit.
        let inputs = ["HEAD", "packed-refs"] + Self.branchRef(root)
        let existing = inputs.map { root.appendingPathComponent(".git/" + $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        return [.buildCommand(displayName: "Stamping the git revision",
                              executable: try context.tool(named: "revision-stamp").url,
                              arguments: [root.path, output.path],
                              inputFiles: existing, outputFiles: [output])]
    }

    /// "refs/heads/main" when HEAD names a branch.
    static func branchRef(_ root: URL) -> [String] {
        guard let head = try? String(contentsOf: root.appendingPathComponent(".git/HEAD"), encoding: .utf8),
            head.hasPrefix("ref: ")
        else { return [] }
        return [String(head.dropFirst(5)).trimmingCharacters(in: .whitespacesAndNewlines)]
    }
}
