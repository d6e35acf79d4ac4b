import Foundation

/// Keeps the exchanges of a session, in order, and tells listeners as they happen.
///
/// Redaction happens in `record`, before anything is stored, so nothing downstream can leak.
/// The TUI writes every exchange to its `ExchangeStore` (what the Activity pane pages through) and
/// keeps only the most recent in memory, and tells its loop through `feed`, in summaries; the command line keeps only what its
/// summary reads and, with `--har`, streams each exchange to the file as it is recorded, so a send's
/// memory does not grow with its payloads.
public actor ExchangeRecorder {
    public enum Retention: Sendable, Equatable {
        /// Every exchange with its bodies, for the Activity pane.
        case everything
        /// Every exchange without request or response bodies: status, headers (request ids),
        /// timing and failure stay; the bodies went to the HAR stream, if any, and nowhere else.
        case withoutBodies
        /// Nothing kept: listeners and the HAR stream hear each exchange, `all()` stays empty. What
        /// `scimterm send` uses: its summary comes from the uploader and the journal.
        case nothing
        /// The last `n` exchanges with their bodies: what a listener that subscribes late catches up
        /// on, while the store (if any) keeps them all.
        case recent(Int)
    }

    public let retention: Retention
    private var exchanges: [HTTPExchange] = []
    private var recorded = 0
    private var har: HARStream?
    /// Where every exchange is written before listeners hear of it (the TUI's Activity store).
    public nonisolated let store: ExchangeStore?
    /// The last write to the store that failed, if any (the exchange still reached the listeners).
    public private(set) var storeFailure: String?
    /// A summary of every exchange, for the TUI's loop to take when it is ready (bounded: a send
    /// faster than the screen costs a fixed amount of memory, not a queue of payloads).
    public nonisolated let feed = ExchangeFeed()
    private var continuations: [UUID: AsyncStream<HTTPExchange>.Continuation] = [:]

    public init(retention: Retention = .everything, store: ExchangeStore? = nil) {
        self.retention = retention
        self.store = store
    }

    /// Also writes each exchange to a HAR file at `harPath` (0600), complete once `finishHAR` runs.
    public init(retention: Retention, harPath: String) throws(PrivateFile.WriteError) {
        self.retention = retention
        store = nil
        har = try HARStream(path: harPath)
    }

    @discardableResult
    public func record(purpose: HTTPExchange.Purpose, request: TransportRequest, response: TransportResponse?,
                       failure: String?, startedAt: Date, duration: Double, attempt: Int) -> HTTPExchange {
        recorded += 1
        let exchange = HTTPExchange(
            id: recorded, purpose: purpose, startedAt: startedAt,
            request: Redactor.request(method: request.method, url: request.url, headers: request.headers, body: request.body),
            response: response.map { Redactor.response(status: $0.status, headers: $0.headers, body: $0.body) },
            failure: failure, durationMilliseconds: duration * 1000, attempt: attempt)
        har?.append(exchange)
        if let store {
            do { try store.append(exchange) } catch { storeFailure = "\(error)" }
        }
        // After the store: a listener that pages the summary's exchange in finds it there.
        feed.push(ExchangeSummary(exchange))
        let kept = keep(exchange)
        for c in continuations.values { c.yield(kept) }
        return kept
    }

    /// What `retention` keeps in memory; the exchange as listeners get it.
    private func keep(_ exchange: HTTPExchange) -> HTTPExchange {
        switch retention {
        case .everything:
            exchanges.append(exchange)
        case .withoutBodies:
            exchanges.append(exchange.withoutBodies)
            return exchange.withoutBodies
        case .nothing:
            return exchange.withoutBodies
        case .recent(let n):
            exchanges.append(exchange)
            if exchanges.count > max(0, n) { exchanges.removeFirst(exchanges.count - max(0, n)) }
        }
        return exchange
    }

    public func all() -> [HTTPExchange] { exchanges }

    /// Completes the HAR file (nothing when there is none); later exchanges are no longer written.
    public func finishHAR() throws(PrivateFile.WriteError) {
        guard let stream = har else { return }
        har = nil
        try stream.finish()
    }

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

extension HTTPExchange {
    /// The same exchange with empty bodies: what a summary reads, not what a HAR shows.
    public var withoutBodies: HTTPExchange {
        var copy = self
        copy.request.body = []
        copy.response?.body = []
        return copy
    }
}
