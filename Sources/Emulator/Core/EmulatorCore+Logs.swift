import Foundation
import SCIM

extension EmulatorCore {
    static let logPermissions = ["AuditLog.Read.All", "ProvisioningLog.Read.All"]

    /// `GET /{ver}/auditLogs/provisioning` with `$filter`, `$top`, `$orderby` and `@odata.nextLink` paging.
    func provisioningLogs(_ request: EmulatorRequest, version: String, now: Date) async -> EmulatorResponse {
        let requestId = UUID().uuidString.lowercased()
        let clientRequestId = request.header("client-request-id") ?? UUID().uuidString.lowercased()
        do throws(GraphError) {
            guard request.method == "GET" else { throw .methodNotAllowed }
            let claims = try authenticate(request, tenantOf: nil, now: now)
            guard claims.roles.contains(where: Self.logPermissions.contains) else { throw .forbidden(Self.logPermissions[0]) }
            processDueSlice(now: now)  // one slice: a big backlog is left to the background loop, so this answers at once
            let filter: LogFilter
            switch LogFilter.parse(request.query["$filter"] ?? "", version: version) {
            case .success(let f): filter = f
            case .failure(let e): throw e
            }
            let top = min(max(Int(request.query["$top"] ?? "") ?? 50, 1), 1000)
            let skip = max(Int(request.query["$skiptoken"] ?? "") ?? 0, 0)
            let ascending = (request.query["$orderby"] ?? "").lowercased().hasSuffix(" asc")
            let tenantJobs = Set(config.tenants.first { $0.id == claims.tenant }?.servicePrincipals.flatMap { $0.jobs.map(\.id) } ?? [])
            var matching = logs.filter { tenantJobs.contains($0.jobId) && filter.matches($0) }
            matching.sort { ascending ? $0.activityDateTime < $1.activityDateTime : $0.activityDateTime > $1.activityDateTime }
            let page = Array(matching.dropFirst(skip).prefix(top))
            var body: JSONObject = [
                "@odata.context": .string("\(baseURL)/\(version)/$metadata#auditLogs/provisioning"),
                "value": .array(page.map(\.json)),
            ]
            if skip + page.count < matching.count {
                body.append("@odata.nextLink", .string(nextLink(request, version: version, top: top, skip: skip + page.count)))
            }
            return .json(200, .object(body), headers: [("request-id", requestId), ("client-request-id", clientRequestId)])
        } catch {
            return error.response(requestId: requestId, clientRequestId: clientRequestId, now: now)
        }
    }

    private func nextLink(_ request: EmulatorRequest, version: String, top: Int, skip: Int) -> String {
        var components = URLComponents()
        var items: [URLQueryItem] = []
        for key in ["$filter", "$orderby"] { if let v = request.query[key] { items.append(URLQueryItem(name: key, value: v)) } }
        items.append(URLQueryItem(name: "$top", value: String(top)))
        items.append(URLQueryItem(name: "$skiptoken", value: String(skip)))
        components.queryItems = items
        return "\(baseURL)/\(version)/auditLogs/provisioning" + (components.string ?? "")
    }
}
