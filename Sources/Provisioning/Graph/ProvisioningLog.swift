import Foundation
import SCIM

/// One provisioning log entry, reduced to what an operator reads (ENTRA.md §5).
///
/// Graph's enum casing is not reliable (its schema says `nonServiceFailure`, its example responses
/// `NonServiceFailure` and `"provisioningStepType": "Import"`), and beta still names two properties
/// the old way (`statusInfo`, `action`): every enum is read without regard to case and kept in the
/// schema's spelling, so the rest of scimterm compares plain values.
public struct ProvisioningLog: Sendable, Equatable, Identifiable {
    public struct Step: Sendable, Equatable {
        /// Graph's identifier, e.g. `EntryImport`, `EntrySynchronizationAdd`, `EntryExportUpdate`.
        public var name: String
        /// import, scoping, matching, processing, referenceResolution or export.
        public var type: String
        public var status: String
        /// The service's own words for what the step did (the portal shows them).
        public var description: String

        public init(name: String, type: String, status: String, description: String) {
            self.name = name
            self.type = ProvisioningEnum.stepType(type)
            self.status = ProvisioningEnum.status(status)
            self.description = description
        }

        /// The portal's label for the step ("Import from API"), nil when neither the name nor the
        /// type is one we know.
        public var label: String? { ProvisioningStepLabel.label(name: name, type: type) }

        /// "Import from API (EntryImport)": the portal's words beside Graph's, or whichever exists.
        public var title: String {
            guard let label else { return name.isEmpty ? type : name }
            return name.isEmpty || name == label ? label : "\(label) (\(name))"
        }
    }

    public struct Change: Sendable, Equatable {
        public var property: String
        public var old: String?
        public var new: String?

        public init(property: String, old: String?, new: String?) {
            self.property = property
            self.old = old
            self.new = new
        }
    }

    public var id: String
    public var activityDateTime: String
    public var cycleId: String
    /// create, update, delete, stagedDelete, disable or other (from beta's old `action` when that is all there is).
    public var action: String
    /// success, warning, failure or skipped.
    public var status: String
    public var externalId: String
    public var displayName: String
    public var steps: [Step]
    public var changes: [Change]
    public var errorCode: String?
    public var reason: String?
    /// nonServiceFailure, serviceFailure, … as the schema spells them.
    public var errorCategory: String?
    public var recommendedAction: String?
    /// The entry as Graph sent it, for the detail view and exports.
    public var raw: JSONValue

    /// An entry from Graph's JSON (one element of `value`), v1.0 or beta; nil when it has no id.
    public init?(_ value: JSONValue) {
        guard let o = value.objectValue, let id = o["id"]?.stringValue else { return nil }
        self.id = id
        activityDateTime = o["activityDateTime"]?.stringValue ?? ""
        cycleId = o["cycleId"]?.stringValue ?? ""
        action = ProvisioningEnum.action(o["provisioningAction"]?.stringValue ?? o["action"]?.stringValue ?? "")
        let info = (o["provisioningStatusInfo"]?.objectValue ?? o["statusInfo"]?.objectValue)
        status = ProvisioningEnum.status(info?["status"]?.stringValue ?? "")
        let source = o["sourceIdentity"]?.objectValue
        externalId = source?["id"]?.stringValue ?? ""
        displayName = source?["displayName"]?.stringValue ?? ""
        steps = (o["provisioningSteps"]?.arrayValue ?? []).compactMap(\.objectValue).map {
            Step(name: $0["name"]?.stringValue ?? "", type: $0["provisioningStepType"]?.stringValue ?? "",
                 status: $0["status"]?.stringValue ?? "", description: $0["description"]?.stringValue ?? "")
        }
        changes = (o["modifiedProperties"]?.arrayValue ?? []).compactMap(\.objectValue).map {
            Change(property: $0["displayName"]?.stringValue ?? "", old: $0["oldValue"]?.stringValue, new: $0["newValue"]?.stringValue)
        }
        // beta's statusInfo (statusBase) has only a status: the error is in provisioningStatusInfo.
        let error = (o["provisioningStatusInfo"]?.objectValue ?? info)?["errorInformation"]?.objectValue
        errorCode = error?["errorCode"]?.stringValue
        reason = error?["reason"]?.stringValue
        errorCategory = error?["errorCategory"]?.stringValue.map(ProvisioningEnum.errorCategory)
        recommendedAction = error?["recommendedAction"]?.stringValue
        raw = value
    }

    public var isFailure: Bool { status == "failure" }

    /// `activityDateTime` as a date ("2025-05-01T10:42:03Z", fractions of a second and an offset
    /// allowed); nil when it is not one.
    public var date: Date? { Self.date(activityDateTime) }

    /// A Graph date-time ("2025-05-01T10:42:03.1234567Z"; fractions and an offset allowed); nil when it is not one.
    public static func date(_ text: String) -> Date? {
        guard text.count >= 19 else { return nil }
        var rest = Substring(text.dropFirst(19))
        if rest.first == "." { rest = rest.drop { $0 == "." || $0.isNumber } }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: String(text.prefix(19)) + (rest.isEmpty ? "Z" : String(rest)))
    }
}

/// Which logs to read: all of them are for one job; the rest narrows down.
public struct LogQuery: Sendable, Equatable {
    public var externalId: String?
    public var cycleId: String?
    public var since: Date?
    public var failuresOnly = false
    public var pageSize = 100

    public init(externalId: String? = nil, cycleId: String? = nil, since: Date? = nil, failuresOnly: Bool = false) {
        self.externalId = externalId
        self.cycleId = cycleId
        self.since = since
        self.failuresOnly = failuresOnly
    }

    func filter(jobId: String) -> String {
        var clauses = ["jobId eq '\(jobId)'"]
        if let externalId { clauses.append("sourceIdentity/id eq '\(externalId.replacingOccurrences(of: "'", with: "''"))'") }
        if let cycleId { clauses.append("cycleId eq '\(cycleId)'") }
        if let since {
            let f = ISO8601DateFormatter()
            clauses.append("activityDateTime ge \(f.string(from: since))")
        }
        if failuresOnly { clauses.append("provisioningStatusInfo/status eq 'failure'") }
        return clauses.joined(separator: " and ")
    }
}

extension GraphClient {
    /// Every matching entry, newest first, following `@odata.nextLink` up to `limit` entries.
    public func provisioningLogs(_ query: LogQuery, limit: Int = 5000) async throws(ProvisioningError) -> [ProvisioningLog] {
        var components = URLComponents(string: settings.endpoint.provisioningLogsURL)
        components?.queryItems = [URLQueryItem(name: "$filter", value: query.filter(jobId: settings.endpoint.jobId)),
                                  URLQueryItem(name: "$top", value: String(query.pageSize)),
                                  URLQueryItem(name: "$orderby", value: "activityDateTime desc")]
        var next = components?.url?.absoluteString
        var entries: [ProvisioningLog] = []
        while let url = next, entries.count < limit {
            let response = try await require(method: "GET", url: url, purpose: .provisioningLogs)
            let page = (try? JSONParser.parse(response.body))?.objectValue
            entries += (page?["value"]?.arrayValue ?? []).compactMap(ProvisioningLog.init)
            next = page?["@odata.nextLink"]?.stringValue
        }
        return entries
    }
}
