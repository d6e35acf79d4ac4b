import Foundation
import SCIM

/// A property of `provisioningObjectSummary` that `$filter` may name (ENTRA.md §5), read from the
/// entry's JSON, so a property the entries gain needs no new stored field here.
struct LogFilterField: Equatable, Sendable {
    /// The name as Graph's schema spells it.
    var name: String
    /// Where the value is in the entry; the first path that holds a value is read (beta's deprecated
    /// names fall back to the current ones, which the emulator writes).
    var paths: [[String]]
    /// `activityDateTime`: compared as a point in time, with an unquoted date-time.
    var isDate = false

    private static func text(_ name: String, _ paths: [[String]]? = nil) -> LogFilterField {
        LogFilterField(name: name, paths: paths ?? [name.split(separator: "/").map(String.init)])
    }

    static let activityDateTime = LogFilterField(name: "activityDateTime", paths: [["activityDateTime"]], isDate: true)

    /// Both versions: the properties the provisioning logs are filtered on.
    static let common: [LogFilterField] = [
        text("jobId"), text("cycleId"), text("changeId"), activityDateTime,
        text("sourceIdentity/id"), text("sourceIdentity/displayName"), text("targetIdentity/id"), text("servicePrincipal/id"),
        text("provisioningAction"), text("provisioningStatusInfo/status"),
    ]

    /// beta also knows the deprecated `statusInfo` and `action` (replaced by `provisioningStatusInfo`
    /// and `provisioningAction`, which the emulator writes; they are read instead when absent).
    static let betaOnly: [LogFilterField] = [
        text("statusInfo/status", [["statusInfo", "status"], ["provisioningStatusInfo", "status"]]),
        text("action", [["action"], ["provisioningAction"]]),
    ]

    static func fields(version: String) -> [LogFilterField] {
        version == "beta" ? common + betaOnly : common
    }

    /// The field a filter names (property names are case-insensitive), or why not.
    static func lookup(_ word: String, version: String, at position: Int) -> Result<LogFilterField, LogFilterError> {
        let wanted = word.lowercased()
        if let field = fields(version: version).first(where: { $0.name.lowercased() == wanted }) { return .success(field) }
        if version != "beta", let beta = betaOnly.first(where: { $0.name.lowercased() == wanted }) {
            let current = beta.paths.last?.joined(separator: "/") ?? ""
            return .failure(LogFilterError("'\(word)' is a beta property", at: position, hint: "v1.0 names it \(current)"))
        }
        let known = fields(version: version).map(\.name).joined(separator: ", ")
        return .failure(LogFilterError("unknown property '\(word)'", at: position, hint: "the provisioning logs filter on \(known)"))
    }

    /// The field's text values in an entry: none when it is absent or null, several when a step of
    /// the path is a collection (Graph's schema calls `servicePrincipal` one; any element matches).
    func values(in entry: JSONValue) -> [String] {
        for path in paths {
            let found = Self.walk(entry, path[...])
            if !found.isEmpty { return found }
        }
        return []
    }

    private static func walk(_ value: JSONValue, _ path: ArraySlice<String>) -> [String] {
        if let items = value.arrayValue { return items.flatMap { walk($0, path) } }
        guard let key = path.first else { return value.stringValue.map { [$0] } ?? [] }
        guard let next = value.objectValue?[key] else { return [] }
        return walk(next, path.dropFirst())
    }
}
