import Foundation

/// What differs between Microsoft's clouds in the identity platform's metadata and tokens
/// (ENTRA.md §2): the names in the OpenID discovery document and the v1 token issuer.
///
/// The emulator has one authority (its own address), so it takes the cloud from the host name the
/// client used: a client that reaches it as `login.microsoftonline.us` (a hosts-file entry) sees the
/// US Government cloud, and loopback or any other name sees the global cloud, whose Graph scope
/// scimterm and scripts ask for.
struct CloudInstance: Sendable, Equatable {
    var loginHosts: [String]
    /// `cloud_instance_name`
    var instanceName: String
    /// `cloud_graph_host_name` (Azure AD Graph, still published)
    var aadGraphHost: String
    /// `msgraph_host`
    var graphHost: String
    /// `tenant_region_scope` of the emulated tenants.
    var regionScope: String
    /// Prefix of the v1 issuer (`iss` of app-only Graph tokens) before `{tenantId}/`.
    var stsIssuerPrefix: String

    static let global = CloudInstance(
        loginHosts: ["login.microsoftonline.com", "login.microsoft.com", "login.windows.net", "sts.windows.net"],
        instanceName: "microsoftonline.com", aadGraphHost: "graph.windows.net", graphHost: "graph.microsoft.com",
        regionScope: "WW", stsIssuerPrefix: "https://sts.windows.net/")
    static let usGovernment = CloudInstance(
        loginHosts: ["login.microsoftonline.us", "login.usgovcloudapi.net"],
        instanceName: "microsoftonline.us", aadGraphHost: "graph.windows.net", graphHost: "graph.microsoft.us",
        regionScope: "USGov", stsIssuerPrefix: "https://login.microsoftonline.us/")
    static let china = CloudInstance(
        loginHosts: ["login.chinacloudapi.cn", "login.partner.microsoftonline.cn"],
        instanceName: "partner.microsoftonline.cn", aadGraphHost: "graph.chinacloudapi.cn",
        graphHost: "microsoftgraph.chinacloudapi.cn", regionScope: "AS", stsIssuerPrefix: "https://sts.chinacloudapi.cn/")

    static let all = [global, usGovernment, china]

    /// The cloud whose login host this is (a `Host` header, port allowed); global otherwise.
    static func reachedAs(_ host: String?) -> CloudInstance {
        guard let host else { return .global }
        let name = Self.hostName(host)
        return all.first { $0.loginHosts.contains(name) } ?? .global
    }

    func stsIssuer(tenant: String) -> String { "\(stsIssuerPrefix)\(tenant)/" }

    /// Every cloud's v1 issuer for `tenant`: a token is checked against all of them, since the cloud
    /// is a property of how the client reached the emulator, not of the tenant.
    static func stsIssuers(tenant: String) -> Set<String> { Set(all.map { $0.stsIssuer(tenant: tenant) }) }

    /// `host[:port]` or `[v6]:port` to a lowercase host name.
    static func hostName(_ authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let end = lower.firstIndex(of: "]") { return String(lower[lower.index(after: lower.startIndex)..<end]) }
        return String(lower.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
