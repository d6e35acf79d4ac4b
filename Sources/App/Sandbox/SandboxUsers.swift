import Foundation

/// The sandbox sample set: 25 users with non-ASCII names, a manager chain, and one record with a
/// deliberate warning. It is `sandbox-users.json` next to this file, shipped as a resource of the
/// App target (so `scimterm --sandbox` never depends on the current directory); the
/// `examples/sandbox-users.json` users are pointed at is a link to the same file, so there is one copy.
public enum SandboxUsers {
    /// Where the bundled file is; nil when the resource bundle was not installed beside the binary.
    public static var url: URL? {
        Bundle.module.url(forResource: "sandbox-users", withExtension: "json")
    }

    /// The file's text; empty (so the sandbox starts with no users) when the resource cannot be read.
    public static let json: String = {
        guard let url, let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()
}
