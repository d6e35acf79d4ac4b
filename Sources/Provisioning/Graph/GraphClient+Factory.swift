import Foundation

extension GraphClient {
    /// A client with the transport it owns: whoever made it shuts the transport down (AsyncHTTPClient
    /// traps in debug builds when a client is released without `shutdown()`).
    public struct Live: Sendable {
        public let client: GraphClient
        public let transport: AsyncHTTPTransport
    }

    /// The one way the CLI and the TUI connect: transport (extra CA, proxy for the endpoint's host
    /// from the environment), then a token provider and a client sharing it and the recorder. Each
    /// caller words the thrown error for its own audience (a flag error, a dialog with a fix).
    public static func live(settings: ConnectionSettings, credential: ClientCredential, caFile: String?,
                            recorder: ExchangeRecorder,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(TransportError) -> Live {
        let transport = try AsyncHTTPTransport(options: .init(
            caFile: caFile, proxy: ProxySettings.from(environment: environment, targetHost: proxiedHost(settings))))
        let tokens = TokenProvider(settings: settings, credential: credential, transport: transport, recorder: recorder)
        return Live(client: GraphClient(settings: settings, tokens: tokens, transport: transport, recorder: recorder),
                    transport: transport)
    }

    /// The host whose NO_PROXY entry decides the proxy: the bulkUpload one, where the documents go.
    static func proxiedHost(_ settings: ConnectionSettings) -> String {
        URLComponents(string: settings.endpoint.bulkUploadURL)?.host ?? ""
    }
}
