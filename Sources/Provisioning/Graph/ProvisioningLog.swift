import Foundation
import SCIM

/// One provisioning log entry, reduced to what an operator reads (ENTRA.md §5).
public struct ProvisioningLog: Sendable, Equatable, Identifiable {
    public struct Step: Sendable, Equatable {
        public var name: String
        public var type: String
        public var status: String
        public var description: String

        public init(name: String, type: String, status: String, description: String) {
            self.name = name
            self.type = type
            self.status = status
            self.description = description
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
    public var action: String
    public var status: String
    public var externalId: String
    public var displayName: String
    public var steps: [Step]
    public var changes: [Change]
    public var errorCode: String?
    public var reason: String?
    public var recommendedAction: String?
    /// The entry as Graph sent it, for the detail view and exports.
    public var raw: JSONValue

    /// An entry from Graph's JSON (one element of `value`); nil when it has no id.
    public init?(_ value: JSONValue) {
        guard let o = value.objectValue, let id = o["id"]?.stringValue else { return nil }
        self.id = id
        activityDateTime = o["activityDateTime"]?.stringValue ?? ""
        cycleId = o["cycleId"]?.stringValue ?? ""
        action = o["provisioningAction"]?.stringValue ?? ""
        let info = o["provisioningStatusInfo"]?.objectValue
        status = info?["status"]?.stringValue ?? ""
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
        let error = info?["errorInformation"]?.objectValue
        errorCode = error?["errorCode"]?.stringValue
        reason = error?["reason"]?.stringValue
        recommendedAction = error?["recommendedAction"]?.stringValue
        raw = value
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
