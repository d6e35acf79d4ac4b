import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// Request context that keeps the channel, so a fault can drop the connection mid-request.
struct EmulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A running emulator on loopback: its address, its core (for tests to inspect), and how to stop it.
public final class RunningEmulator: Sendable {
    public let core: EmulatorCore
    public let port: Int
    public let baseURL: String
    /// PEM of the CA that signed the server certificate, when serving HTTPS.
    public let caPEM: String?
    private let task: Task<Void, any Error>

    init(core: EmulatorCore, port: Int, baseURL: String, caPEM: String?, task: Task<Void, any Error>) {
        self.core = core
        self.port = port
        self.baseURL = baseURL
        self.caPEM = caPEM
        self.task = task
    }

    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// The full bulkUpload URL of the first job of the first service principal.
    public var endpoint: String {
        let sp = core.config.tenants.first?.servicePrincipals.first
        return "\(baseURL)/v1.0/servicePrincipals/\(sp?.id ?? "")/synchronization/jobs/\(sp?.jobs.first?.id ?? "")/bulkUpload"
    }
}

public enum EmulatorServer {
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts the emulator on `host:port` (0 picks a free port) and returns once it accepts connections.
    public static func start(config: EmulatorConfig, host: String = "127.0.0.1", port: Int = 0, tls: Bool = false) async throws -> RunningEmulator {
        let core = EmulatorCore(config: config)
        let responder = CallbackResponder<EmulatorContext> { request, context in
            try await respond(request, context: context, core: core)
        }
        let http1 = HTTP1Channel.Configuration(idleTimeout: .seconds(Int64(config.idleTimeoutSeconds)))
        var server: HTTPServerBuilder = .http1(configuration: http1)
        var caPEM: String?
        if tls {
            let material = try LoopbackCertificates.generate(hosts: [host, "localhost", "127.0.0.1"])
            caPEM = material.caPEM
            server = try .tls(.http1(configuration: http1), tlsConfiguration: material.serverConfiguration())
        }
        var logger = Logger(label: "scimterm.emulator")
        logger.logLevel = .critical
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: responder, server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let task = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.runService(gracefulShutdownSignals: []) }
                group.addTask {
                    while !Task.isCancelled {
                        await core.processDue()
                        try await Task.sleep(nanoseconds: 100_000_000)
                    }
                }
                defer { portContinuation.finish() }
                try await group.next()
                group.cancelAll()
            }
        }
        var iterator = portStream.makeAsyncIterator()
        guard let actual = await iterator.next(), actual > 0 else {
            task.cancel()
            _ = try? await task.value
            throw StartError(description: "the emulator could not listen on \(host):\(port) (port in use?)")
        }
        let displayHost = host.contains(":") ? "[\(host)]" : host
        let base = "\(tls ? "https" : "http")://\(displayHost):\(actual)"
        await core.setBaseURL(base)
        return RunningEmulator(core: core, port: actual, baseURL: base, caPEM: caPEM, task: task)
    }

    static func respond(_ request: Request, context: EmulatorContext, core: EmulatorCore) async throws -> Response {
        var request = request
        var head = Self.head(of: request)
        if let refused = await core.preflight(head) { return response(refused) }
        let limit = core.config.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return response(await core.bodyTooLarge(head))
        }
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: limit) } catch let error as HTTPError where error.status == .contentTooLarge {
            return response(await core.bodyTooLarge(head))
        }
        head.body = Array(buffer: body)
        let answer = await core.handle(head)
        if answer.dropConnection {
            try await context.channel.close()
            throw HTTPError(.internalServerError)
        }
        return response(answer)
    }

    /// Method, path, query and headers: all the core needs to decide before the body.
    static func head(of request: Request) -> EmulatorRequest {
        var headers = request.headers.map { ($0.name.rawName, $0.value) }
        // HTTP/1's Host travels as the :authority pseudo-header; the core builds discovery URLs from it.
        if let authority = request.head.authority { headers.append(("Host", authority)) }
        var query: [String: String] = [:]
        if let q = request.uri.query {
            var components = URLComponents()
            components.percentEncodedQuery = q.replacingOccurrences(of: "+", with: "%20")
            for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        }
        return EmulatorRequest(method: request.method.rawValue, path: request.uri.path, query: query, headers: headers, body: [])
    }

    static func response(_ answer: EmulatorResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: .init(code: answer.status), headers: fields,
                        body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
