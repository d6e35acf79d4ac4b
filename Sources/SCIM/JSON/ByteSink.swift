/// Where JSON bytes go: a growing array, or a cursor into memory reserved beforehand. The CSV
/// converter bounds a row's size before writing it, so its bytes go through `ByteCursor` and none
/// of them pays the array's uniqueness and capacity checks (a fifth of a row's cost).
protocol ByteSink {
    mutating func put(_ byte: UInt8)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteSink {
    mutating func put<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { put(b) }
    }
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always) mutating func put(_ byte: UInt8) { append(byte) }
    @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// Writes from `position` on and checks nothing: the caller has made room for all it writes.
struct ByteCursor: ByteSink {
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ position: UnsafeMutablePointer<UInt8>) { self.position = position }

    @inline(__always) mutating func put(_ byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        position.update(from: base, count: bytes.count)
        position += bytes.count
    }
}
