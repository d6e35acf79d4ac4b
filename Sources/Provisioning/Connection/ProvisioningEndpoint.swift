import Foundation

/// The bulkUpload endpoint of one provisioning job: where records go.
///
/// Users paste the portal's "Provisioning API Endpoint"; parsing it gives the cloud, the API version,
/// the service principal and the job, from which every other URL (job status, logs) is derived.
public struct ProvisioningEndpoint: Sendable, Hashable, Codable {
    public enum Version: String, Sendable, CaseIterable, Codable {
        case v1 = "v1.0"
        case beta
    }

    public var cloud: Cloud
    public var version: Version
    /// The enterprise application's object id (not its appId: a common mistake).
    public var servicePrincipalId: String
    public var jobId: String
    /// Base URL of the Graph API when it is not the cloud's (the emulator, a proxy); no trailing slash.
    public var graphBase: String?

    public init(cloud: Cloud = .global, version: Version = .v1, servicePrincipalId: String, jobId: String, graphBase: String? = nil) {
        self.cloud = cloud
        self.version = version
        self.servicePrincipalId = servicePrincipalId
        self.jobId = jobId
        self.graphBase = graphBase
    }

    /// `https://graph.microsoft.com` or the override.
    public var graphRoot: String { graphBase ?? "https://\(cloud.graphHost)" }

    public var jobURL: String {
        "\(graphRoot)/\(version.rawValue)/servicePrincipals/\(servicePrincipalId)/synchronization/jobs/\(jobId)"
    }

    public var bulkUploadURL: String { jobURL + "/bulkUpload" }

    public func jobActionURL(_ action: JobAction) -> String { jobURL + "/" + action.rawValue }

    public var provisioningLogsURL: String { "\(graphRoot)/\(version.rawValue)/auditLogs/provisioning" }

    /// The token scope for this Graph: `https://graph.microsoft.com/.default`.
    public var scope: String { "https://\(cloud.graphHost)/.default" }
}

public enum JobAction: String, Sendable, CaseIterable {
    case start, pause, restart
}

/// What is wrong with a pasted endpoint, worded for the person who pasted it.
public struct EndpointParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension ProvisioningEndpoint {
    /// Parses the portal's full URL. Any host is accepted (the emulator, a proxy); a known Graph host
    /// sets the cloud, any other becomes `graphBase`.
    public init(parsing text: String) throws(EndpointParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URLComponents(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host,
            scheme == "https" || scheme == "http"
        else {
            throw EndpointParseError(message: "not a URL: paste the \"Provisioning API Endpoint\" from the app's Overview page")
        }
        let parts = url.path.split(separator: "/").map(String.init)
        guard parts.count >= 6, let version = Version(rawValue: parts[0]),
            parts[1].lowercased() == "serviceprincipals", parts[3].lowercased() == "synchronization",
            parts[4].lowercased() == "jobs"
        else {
            throw EndpointParseError(
                message: "expected …/v1.0/servicePrincipals/{id}/synchronization/jobs/{jobId}/bulkUpload, got \(url.path)")
        }
        if parts.count > 6, parts[6].lowercased() != "bulkupload" || parts.count > 7 {
            throw EndpointParseError(message: "the URL should end with /bulkUpload")
        }
        let cloud = Cloud(graphHost: host)
        var base: String?
        if cloud == nil || scheme == "http" || url.port != nil {
            base = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        }
        self.init(cloud: cloud ?? .global, version: version, servicePrincipalId: parts[2], jobId: parts[5], graphBase: base)
        try checkIdentifiers()
    }

    /// Catches the mistakes people make: an appId or display name for the object id, a truncated job id.
    public func checkIdentifiers() throws(EndpointParseError) {
        guard Self.isGUID(servicePrincipalId) else {
            throw EndpointParseError(message: "service principal id \"\(servicePrincipalId)\" is not a GUID: use the enterprise application's object id")
        }
        guard Self.isJobId(jobId) else {
            throw EndpointParseError(message: "job id \"\(jobId)\" does not look like API2AAD.<32 hex>.<guid> or API2AD.<32 hex>.<guid>")
        }
    }

    static func isGUID(_ s: String) -> Bool {
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// Job ids look like `API2AAD.<32 hex>.<guid>`; the emulator and older jobs vary, so only the
    /// shape `<template>.<hex>.<guid>` is required.
    static func isJobId(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        return parts[1].count == 32 && parts[1].allSatisfy(\.isHexDigit) && isGUID(String(parts[2]))
    }
}
