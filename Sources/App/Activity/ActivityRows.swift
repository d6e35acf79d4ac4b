import Foundation

/// The rows of the Activity list as exchange ids, without making an array of every id.
public struct ActivityRows: RandomAccessCollection, Equatable, Sendable {
    let total: Int
    let matches: [Int]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { matches?.count ?? total }
    public subscript(position: Int) -> Int { matches?[position] ?? position + 1 }

    /// The row of `id`: ids are in order, so a binary search.
    public func firstIndex(of id: Int) -> Int? {
        guard let matches else { return id >= 1 && id <= total ? id - 1 : nil }
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < matches.count && matches[low] == id ? low : nil
    }
}
