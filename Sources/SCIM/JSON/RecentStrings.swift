import Foundation

/// Long strings the parser made recently, so a repeated one is shared instead of allocated again.
///
/// Strings of up to 15 UTF-8 bytes live inline and cost nothing; longer ones each take a heap block.
/// SCIM payloads repeat the same long ones in every user (schema URNs, the enterprise extension's
/// key, job titles), and sharing them saves the allocation, its memory, and its free at exit.
struct RecentStrings {
    private var slots: [String] = []

    /// The string for bytes already known to be valid UTF-8.
    mutating func string(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        if slots.isEmpty { slots = Array(repeating: "", count: 64) }
        let slot = Self.slot(of: bytes)
        if Self.equal(slots[slot], bytes) { return slots[slot] }
        let made = String(decoding: bytes, as: UTF8.self)
        slots[slot] = made
        return made
    }

    /// One of the 64 slots, from a cheap hash of the length and the first and last eight bytes
    /// (there are at least 16).
    private static func slot(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(bytes.count)
        return Int(mixed >> 58)
    }

    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard string.utf8.count == bytes.count else { return false }
        return string.utf8.withContiguousStorageIfAvailable { stored in
            memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? false
    }
}
