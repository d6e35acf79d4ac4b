/// Who connects where: the tenant and app, and the job's endpoint.
public struct ConnectionSettings: Sendable, Equatable {
    public var tenant: String
    public var clientId: String
    public var endpoint: ProvisioningEndpoint
    /// Base URL of the token service when it is not the cloud's (the emulator, a proxy).
    public var authority: String?

    public init(tenant: String, clientId: String, endpoint: ProvisioningEndpoint, authority: String? = nil) {
        self.tenant = tenant
        self.clientId = clientId
        self.endpoint = endpoint
        self.authority = authority.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    public var tokenURL: String {
        "\(authority ?? "https://\(endpoint.cloud.loginHost)")/\(tenant)/oauth2/v2.0/token"
    }
}
