import Foundation

// Usage: revision-stamp PACKAGE_ROOT OUTPUT.swift
// Writes `enum BuildRevision { static let commit = "<12 hex digits>" }` from PACKAGE_ROOT/.git,
// following a worktree's `gitdir:` file, a branch's loose ref and packed-refs.

func read(_ url: URL) -> String? {
    (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
}

func gitDirectory(_ root: URL) -> URL {
    let dotGit = root.appendingPathComponent(".git")
    if let text = read(dotGit), text.hasPrefix("gitdir: ") {
        let path = String(text.dropFirst(8))
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }
    return dotGit
}

func commit(in git: URL) -> String? {
    guard let head = read(git.appendingPathComponent("HEAD")) else { return nil }
    guard head.hasPrefix("ref: ") else { return head }
    let ref = String(head.dropFirst(5))
    if let loose = read(git.appendingPathComponent(ref)) { return loose }
    // A worktree keeps its HEAD but shares the main repository's refs.
    let common = read(git.appendingPathComponent("commondir")).map { git.appendingPathComponent($0) } ?? git
    if let loose = read(common.appendingPathComponent(ref)) { return loose }
    let packed = read(common.appendingPathComponent("packed-refs")) ?? ""
    return packed.split(separator: "\n").first { $0.hasSuffix(" " + ref) }.map { String($0.prefix(40)) }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: revision-stamp PACKAGE_ROOT OUTPUT.swift\n".utf8))
    exit(2)
}
let full = commit(in: gitDirectory(URL(fileURLWithPath: arguments[1]))) ?? ""
let isHash = full.count == 40 && full.allSatisfy(\.isHexDigit)
let revision = isHash ? String(full.prefix(12)) : "unknown"
let source = """
    // Generated at build time by revision-stamp; not in the repository.
    enum BuildRevision {
        static let commit = "\(revision)"
    }

    """
let output = URL(fileURLWithPath: arguments[2])
if read(output) != source.trimmingCharacters(in: .whitespacesAndNewlines) {
    try source.write(to: output, atomically: true, encoding: .utf8)
}
