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
        let n = bytes.count
        if n <= 32 {
            // A row is mostly short pieces (keys, punctuation, names): copied in words here, since
            // a call to memmove for each cost more than the copying itself.
            Self.copyShort(from: UnsafeRawPointer(base), to: UnsafeMutableRawPointer(position), count: n)
        } else {
            position.update(from: base, count: n)
        }
        position += n
    }

    /// Copies up to 32 bytes with unaligned word loads and stores, the last word overlapping.
    @inline(__always) private static func copyShort(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count n: Int) {
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else {
            for i in 0..<n { target.storeBytes(of: source.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
        }
    }
}
