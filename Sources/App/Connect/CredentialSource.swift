import Provisioning
import TerminalUI

/// Where the client's proof of identity comes from. Only the *source* is ever saved (in a profile
/// or the workspace); a typed secret stays in memory.
public enum CredentialSource: Sendable, Equatable {
    /// A client secret typed into the masked field each session.
    case prompt
    /// A client secret read from this environment variable when the connection is made.
    case environment(String)
    /// A certificate and its private key, both PEM files.
    case certificate(certificatePath: String, privateKeyPath: String)

    /// The three kinds the Connect screen's picker cycles through.
    public enum Kind: Int, CaseIterable, Sendable {
        case prompt, environment, certificate

        public var title: String {
            switch self {
            case .prompt: return "client secret (typed, kept in memory)"
            case .environment: return "client secret from an environment variable"
            case .certificate: return "certificate + private key (PEM files)"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .prompt: return .prompt
        case .environment: return .environment
        case .certificate: return .certificate
        }
    }

    /// Spelt as in config.toml: "prompt", "env:NAME" or "certificate" (the paths are keys of their own).
    public var spelling: String {
        switch self {
        case .prompt: return "prompt"
        case .environment(let name): return "env:" + name
        case .certificate: return "certificate"
        }
    }

    /// Reads the spelling back; paths come from their own keys. Unknown spellings are nil so the
    /// caller can say which profile is wrong.
    public init?(spelling: String, certificatePath: String = "", privateKeyPath: String = "") {
        if spelling == "prompt" || spelling.isEmpty {
            self = .prompt
        } else if spelling.hasPrefix("env:") {
            self = .environment(String(spelling.dropFirst(4)))
        } else if spelling == "certificate" {
            self = .certificate(certificatePath: certificatePath, privateKeyPath: privateKeyPath)
        } else {
            return nil
        }
    }
}

/// What "Test connection" proves identity with. A typed secret travels in memory only; the others
/// are names and paths, read by the runner when it connects.
public enum CredentialInput: Sendable, Equatable {
    case secret(String)
    case environment(String)
    case certificate(certificatePath: String, privateKeyPath: String)
}

/// A profile label's colour. Named colours map to theme roles, so every theme (mono included)
/// still draws the label distinctly.
public enum Accent: String, CaseIterable, Sendable {
    case red, yellow, green, blue

    public var role: ThemeRole {
        switch self {
        case .red: return .error
        case .yellow: return .warning
        case .green: return .success
        case .blue: return .accent
        }
    }
}

extension Cloud {
    /// The cloud picker's order is the enum's; this steps through it, wrapping around.
    func stepped(_ delta: Int) -> Cloud {
        let all = Cloud.allCases
        let i = all.firstIndex(of: self) ?? 0
        return all[((i + delta) % all.count + all.count) % all.count]
    }
}
