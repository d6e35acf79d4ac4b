/// An object key of plain ASCII as it sits in the input, with the hash the fast path compares
/// first: names are matched and duplicates found without making a String of any key.
struct KeyText {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Equal for keys that are equal ignoring ASCII case (and for a few others: a hash).
    let folded: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        folded = Self.foldedHash(bytes)
    }

    /// A hash of the length and the first and last eight bytes with bit 5 set, which lower-cases
    /// letters (and merges a few punctuation pairs, harmless in a hash): keys are short, and this
    /// costs two loads where hashing every byte cost more than the look-ups it serves.
    static func foldedHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        let fold: UInt64 = 0x2020_2020_2020_2020
        var head: UInt64 = 0, tail: UInt64
        if n >= 8, let base = bytes.baseAddress {
            head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) | fold
            tail = UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self) | fold
        } else {
            for i in 0..<n { head |= UInt64(bytes[i] | 0x20) << (8 * UInt64(i)) }
            tail = head
        }
        let mixedTail = tail &* 0xC2B2_AE3D_27D4_EB4F
        return (head &* 0x9E37_79B9_7F4A_7C15) ^ (mixedTail << 31 | mixedTail >> 33) ^ UInt64(n)
    }

    func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == other.count else { return false }
        for i in 0..<bytes.count where bytes[i] != other[i] { return false }
        return true
    }

    /// As `String.caseInsensitiveEquals` answers for ASCII text: letters match either case,
    /// every other byte only itself.
    func equalsIgnoringCase(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.equalIgnoringCase(bytes, other)
    }

    static func equalIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] {
            let lower = a[i] | 0x20
            if lower != b[i] | 0x20 || lower < 0x61 || lower > 0x7A { return false }
        }
        return true
    }

    func equals(_ word: StaticString) -> Bool {
        equals(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    func equalsIgnoringCase(_ word: StaticString) -> Bool {
        equalsIgnoringCase(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// `SCIMSchema.isExtensionKey`: `urn:` in any case, and more after it.
    var isExtensionKey: Bool {
        bytes.count > 4 && bytes[0] | 0x20 == 0x75 && bytes[1] | 0x20 == 0x72 && bytes[2] | 0x20 == 0x6E && bytes[3] == 0x3A
    }
}
