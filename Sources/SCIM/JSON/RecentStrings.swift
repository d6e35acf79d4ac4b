import Foundation

/// Strings the parser made recently, handed out again when the same bytes come back.
///
/// A payload repeats its keys and many of its values in every user. Making a String validates and
/// copies its bytes (and, past 15 bytes, allocates); finding it here is one hash and a compare,
/// and sharing a long one also saves its memory and its free.
struct RecentStrings {
    /// Strings of up to 15 bytes by their bytes packed in two words (with the length in the top
    /// byte), 256 slots; an empty slot holds the empty string, which is what its words say.
    private var shortWords: [UInt64] = []
    private var shortStrings: [String] = []
    /// Longer strings, 64 slots, compared byte by byte.
    private var longStrings: [String] = []

    /// The string for bytes already known to be valid UTF-8.
    mutating func string(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        bytes.count <= 15 ? short(bytes) : long(bytes)
    }

    private mutating func short(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if shortStrings.isEmpty {
            shortWords = Array(repeating: 0, count: 512)
            shortStrings = Array(repeating: "", count: 256)
        }
        var low: UInt64 = 0, high = UInt64(bytes.count) << 56
        for i in bytes.indices.reversed() {
            if i < 8 { low = low << 8 | UInt64(bytes[i]) } else { high |= UInt64(bytes[i]) << (UInt64(i - 8) << 3) }
        }
        let slot = Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 56)
        if shortWords[2 * slot] == low, shortWords[2 * slot + 1] == high { return shortStrings[slot] }
        let made = String(decoding: bytes, as: UTF8.self)
        shortWords[2 * slot] = low
        shortWords[2 * slot + 1] = high
        shortStrings[slot] = made
        return made
    }

    private mutating func long(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if longStrings.isEmpty { longStrings = Array(repeating: "", count: 64) }
        let raw = UnsafeRawBufferPointer(bytes)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        // Top six bits of a cheap hash of the length and the first and last eight bytes.
        let slot = Int(((head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(bytes.count)) >> 58)
        if Self.equal(longStrings[slot], bytes) { return longStrings[slot] }
        let made = String(decoding: bytes, as: UTF8.self)
        longStrings[slot] = made
        return made
    }

    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard string.utf8.count == bytes.count else { return false }
        return string.utf8.withContiguousStorageIfAvailable { stored in
            memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? false
    }
}
