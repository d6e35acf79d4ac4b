import Foundation
import Mapping
import SCIM

/// The attribute mapping "What Entra will set" computes with, and where it came from: the job's
/// schema as read on connect, a schema file given with `--schema`, or Microsoft's default mapping.
/// Every view that shows a computed value names this source and its age, so a schema read an hour
/// ago is never taken for the job's mapping now.
public struct EntraMapping: Sendable {
    public enum Origin: Sendable, Equatable {
        /// Nothing was read: Microsoft's default API-driven mapping stands in.
        case microsoftDefault
        /// A schema file (`--schema FILE`): the portal's "download schema" or `schema pull`'s output.
        case file(String)
        /// The job's schema, read from Graph at this time.
        case job(readAt: Date)
    }

    public private(set) var origin: Origin
    public private(set) var schema: SynchronizationSchema
    /// Parsed once per schema: a keystroke re-evaluates, it never re-parses.
    public private(set) var compiled: CompiledMapping
    /// Why the job's schema was not read on connect ("needs Synchronization.Read.All"), when it was not.
    public var pullProblem: String?
    /// The last "check with Entra" of a user against this mapping; a new mapping drops it.
    public var check: EntraCheck?

    public init(origin: Origin, schema: SynchronizationSchema) {
        self.origin = origin
        self.schema = schema
        self.compiled = CompiledMapping(schema: schema)
    }

    public static var microsoftDefault: EntraMapping { EntraMapping(origin: .microsoftDefault, schema: .defaultAPIDriven) }

    public var isFromFile: Bool {
        if case .file = origin { return true }
        return false
    }

    /// One user's computed attributes. One user is a couple of dozen small expressions, so views
    /// compute it inline on the loop; only the benchmark's 100,000 users need more.
    public func compute(_ record: UserRecord, now: Date) -> ComputedUser {
        compiled.evaluate(record.data, in: EvaluationContext(now: now))
    }

    /// Where the values come from, with the age measured on the App's clock (never the wall clock).
    public func label(now: Date) -> String {
        switch origin {
        case .microsoftDefault:
            // The reason it was not read says more than "not read", and both do not fit at 80 columns.
            return pullProblem.map { "default mapping · schema: \($0)" } ?? "Microsoft's default mapping (not read from the job)"
        case .file(let path):
            return "from \((path as NSString).lastPathComponent) (a schema file, not read from the job now)"
        case .job(let readAt):
            return "job schema read \(Self.age(from: readAt, to: now))"
        }
    }

    /// "just now", "3 min ago", "2 h ago", "4 days ago".
    static func age(from then: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(then)))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86_400) day\(seconds / 86_400 == 1 ? "" : "s") ago"
        }
    }
}

/// The answer of `.pullSchema`: the job's schema, or why it could not be read.
public enum SchemaPull: Sendable {
    case schema(SynchronizationSchema)
    case failed(String)
}
