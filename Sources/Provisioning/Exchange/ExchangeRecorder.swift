import Foundation

/// Keeps every exchange of a session, in order, and tells listeners as they happen.
///
/// Redaction happens in `record`, before anything is stored, so nothing downstream can leak.
public actor ExchangeRecorder {
    private var exchanges: [HTTPExchange] = []
    private var continuations: [UUID: AsyncStream<HTTPExchange>.Continuation] = [:]

    public init() {}

    @discardableResult
    public func record(purpose: HTTPExchange.Purpose, request: TransportRequest, response: TransportResponse?,
                       failure: String?, startedAt: Date, duration: Double, attempt: Int) -> HTTPExchange {
        let exchange = HTTPExchange(
            id: exchanges.count + 1, purpose: purpose, startedAt: startedAt,
            request: Redactor.request(method: request.method, url: request.url, headers: request.headers, body: request.body),
            response: response.map { Redactor.response(status: $0.status, headers: $0.headers, body: $0.body) },
            failure: failure, durationMilliseconds: duration * 1000, attempt: attempt)
        exchanges.append(exchange)
        for c in continuations.values { c.yield(exchange) }
        return exchange
    }

    public func all() -> [HTTPExchange] { exchanges }

    public func updates() -> AsyncStream<HTTPExchange> {
        let (stream, continuation) = AsyncStream.makeStream(of: HTTPExchange.self)
        let id = UUID()
        continuations[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    private func remove(_ id: UUID) { continuations[id] = nil }
}
