import Foundation

extension ExchangeStore {
    /// How many exchanges a HAR export reads at a time: the memory an export of any size needs.
    static let exportPage = 100

    /// Writes the whole session as HAR 1.2 to `path` (0600, complete or absent), a page at a time,
    /// so exporting thousands of large exchanges never holds them all; the number of entries.
    public func exportHAR(to path: String) throws -> Int {
        let stream = try HARStream(path: path)
        var last = 0, written = 0
        while true {
            let page = try exchanges(after: last, limit: Self.exportPage)
            guard let end = page.last else { break }
            for exchange in page { stream.append(exchange) }
            written += page.count
            last = end.id
        }
        try stream.finish()
        return written
    }
}
