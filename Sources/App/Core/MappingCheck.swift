import Foundation
import Mapping
import SCIM

/// The job's mapping as validation checks users against it (issue 12 §3): only a mapping that was
/// read (the job's schema, or a `--schema` file). Microsoft's default stands in when nothing was
/// read, and findings against a mapping we only guessed would be noise, so it gives no check.
///
/// Compared by where the mapping came from (and the clock its expressions see), never by its
/// contents: a new pull is a new `origin`, which is what tells a stale answer from a fresh one.
public struct MappingCheck: Sendable, Equatable {
    public let origin: EntraMapping.Origin
    public let now: Date
    let compiled: CompiledMapping
    /// The API directory's User attributes: an unread attribute the schema declares needs a
    /// mapping, not a schema extension (the same reading as `schema extend`'s).
    let declared: DeclaredAttributes

    /// nil for Microsoft's default mapping.
    public init?(_ mapping: EntraMapping, now: Date) {
        if case .microsoftDefault = mapping.origin { return nil }
        origin = mapping.origin
        self.now = now
        compiled = mapping.compiled
        declared = DeclaredAttributes(mapping.schema)
    }

    public static func == (a: MappingCheck, b: MappingCheck) -> Bool { a.origin == b.origin && a.now == b.now }

    /// Findings for one user, paths relative to the record (the form, on every keystroke).
    func check(_ record: UserRecord) -> [Diagnostic] {
        var findings = MappingFindings(compiled: compiled, declared: declared, context: EvaluationContext(now: now))
        return findings.check(record.data)
    }

    /// Every user's findings, by record id, and the notes about the whole file (source.absent).
    /// Runs in the validation effect: 100,000 users never touch the loop.
    func check(_ entries: [RecordEntry]) -> (byID: [Int: [Diagnostic]], fileNotes: [Diagnostic]) {
        var findings = MappingFindings(compiled: compiled, declared: declared, context: EvaluationContext(now: now))
        var byID: [Int: [Diagnostic]] = [:]
        for (index, entry) in entries.enumerated() {
            let found = findings.check(entry.record.data)
            guard !found.isEmpty else { continue }
            byID[entry.id] = found.map { d in
                var placed = d
                placed.record = index
                return placed
            }
        }
        return (byID, entries.isEmpty ? [] : findings.fileNotes())
    }

    func isDeclared(_ name: String) -> Bool { declared.covers(name) }

    static let unreadRule = "schema.attribute.unread"

    /// The schema's name of the attribute at a record-relative path (`urn:…:User:badgeId`,
    /// `name.givenName`), as MappingFindings places an unread attribute.
    static func attributeName(_ path: JSONPath?) -> String? {
        let keys = (path?.components ?? []).compactMap { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        guard let first = keys.first else { return nil }
        if first.lowercased().hasPrefix("urn:"), keys.count > 1 { return first + ":" + keys.dropFirst().joined(separator: ".") }
        return keys.joined(separator: ".")
    }

    /// The extension URN of an attribute named `urn:…:User:badgeId`; nil for a core attribute or the
    /// enterprise extension (SchemaExtension names those by the SCIM catalog, not by a URN).
    static func customURN(of name: String) -> String? {
        guard name.lowercased().hasPrefix("urn:"), let colon = name.lastIndex(of: ":") else { return nil }
        let urn = String(name[..<colon])
        return AttributeCatalog.standard.schema(urn) == nil ? urn : nil
    }

    /// "job schema read 3 min ago", "schema file hr.json": which mapping the findings come from.
    static func label(_ origin: EntraMapping.Origin, now: Date) -> String {
        switch origin {
        case .microsoftDefault: return "Microsoft's default (no findings)"
        case .file(let path): return "schema file " + (path as NSString).lastPathComponent
        case .job(let readAt): return "job schema read " + EntraMapping.age(from: readAt, to: now)
        }
    }
}

/// The mapping half of a bulk validation's answer: which mapping it checked against (nil: none)
/// and the notes about the whole file.
public struct MappingValidation: Sendable {
    public var origin: EntraMapping.Origin?
    public var fileNotes: [Diagnostic]

    public init(origin: EntraMapping.Origin?, fileNotes: [Diagnostic]) {
        self.origin = origin
        self.fileNotes = fileNotes
    }
}

extension AppState {
    /// The check validation runs now, or nil when the mapping is Microsoft's stand-in.
    var mappingCheck: MappingCheck? { MappingCheck(entraMapping, now: clock) }

    /// The bulk validation of every user, with the mapping's findings when there is a mapping.
    var validateEffect: AppEffect { .validate(generation: changeGeneration, store.entries, mapping: mappingCheck) }

    /// Where the findings come from, for the Problems and Users headers; nil without a read mapping.
    var mappingFindingsLabel: String? {
        guard let check = mappingCheck else { return nil }
        return "mapping: " + MappingCheck.label(check.origin, now: clock)
    }
}
