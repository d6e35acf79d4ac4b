import Foundation
import Provisioning
import TerminalUI

/// The Activity pane: every request and response of the session.
public struct ActivityState: Equatable, Sendable {
    public private(set) var exchanges: [HTTPExchange] = []
    public init() {}

    /// Adds an exchange in id order; one already there (posted twice at start-up) is ignored.
    mutating func append(_ exchange: HTTPExchange) {
        if let last = exchanges.last, exchange.id <= last.id {
            guard !exchanges.contains(where: { $0.id == exchange.id }) else { return }
            let at = exchanges.firstIndex { $0.id > exchange.id } ?? exchanges.count
            exchanges.insert(exchange, at: at)
        } else {
            exchanges.append(exchange)
        }
    }
}
