/// Every fault the emulator can inject into bulkUpload, one row each: the TOML keys, the CLI flags,
/// their help and the injector's draw all read this table, so a new fault is added in one place.
///
/// The order of the cases is the order of the draw: a seed replays the same faults only while it holds.
public enum EmulatorFault: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case dropConnection
    case unavailable
    case internalError
    case throttleWithoutRetryAfter

    /// The key in the `[faults]` table of an emulator TOML file.
    public var tomlKey: String {
        switch self {
        case .dropConnection: return "drop_connection_rate"
        case .unavailable: return "unavailable_rate"
        case .internalError: return "internal_error_rate"
        case .throttleWithoutRetryAfter: return "throttle_without_retry_after_rate"
        }
    }

    /// The command-line option (`--fault-drop 0.1`).
    public var flag: String {
        switch self {
        case .dropConnection: return "fault-drop"
        case .unavailable: return "fault-unavailable"
        case .internalError: return "fault-internal-error"
        case .throttleWithoutRetryAfter: return "fault-throttle"
        }
    }

    /// What the client sees, for the option's help and docs/EMULATOR.md.
    public var summary: String {
        switch self {
        case .dropConnection: return "Probability (0–1) of dropping the connection on bulkUpload (no answer at all)."
        case .unavailable: return "Probability (0–1) of an injected 503 on bulkUpload."
        case .internalError: return "Probability (0–1) of an injected 500 on bulkUpload."
        case .throttleWithoutRetryAfter: return "Probability (0–1) of a 429 without Retry-After on bulkUpload."
        }
    }
}
