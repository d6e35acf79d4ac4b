/// The Microsoft clouds Entra lives in, with their sign-in and Graph hosts (ENTRA.md §2).
///
/// A tenant exists in exactly one cloud: the wrong cloud is the usual cause of AADSTS90002
/// ("tenant not found"), so the cloud is a first-class setting, not a URL detail.
public enum Cloud: String, Sendable, CaseIterable, Codable {
    case global
    case usgov
    case dod
    case china

    public var loginHost: String {
        switch self {
        case .global: return "login.microsoftonline.com"
        case .usgov, .dod: return "login.microsoftonline.us"
        case .china: return "login.chinacloudapi.cn"
        }
    }

    public var graphHost: String {
        switch self {
        case .global: return "graph.microsoft.com"
        case .usgov: return "graph.microsoft.us"
        case .dod: return "dod-graph.microsoft.us"
        case .china: return "microsoftgraph.chinacloudapi.cn"
        }
    }

    public var displayName: String {
        switch self {
        case .global: return "Global (also GCC)"
        case .usgov: return "US Gov L4 (GCC High)"
        case .dod: return "US Gov L5 (DoD)"
        case .china: return "China (21Vianet)"
        }
    }

    /// Microsoft does not offer provisioning logs in the China cloud.
    public var hasProvisioningLogs: Bool { self != .china }

    /// The cloud whose Graph host this is, for a pasted endpoint URL.
    public init?(graphHost host: String) {
        guard let cloud = Cloud.allCases.first(where: { $0.graphHost == host.lowercased() }) else {
            return nil
        }
        self = cloud
    }
}
