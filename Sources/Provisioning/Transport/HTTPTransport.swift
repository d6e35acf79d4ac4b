import Foundation

/// The one door to the network. Tests and the sandbox use the real implementation against the
/// loopback emulator; nothing else in Provisioning knows how bytes travel.
public protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse
    func shutdown() async
}

public struct TransportRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    public var timeout: Double

    public init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8] = [], timeout: Double = 60) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

public struct TransportResponse: Sendable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? { headers.value(named: name) }
}
