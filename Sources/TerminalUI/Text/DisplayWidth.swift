/// Column widths of text, computed in pure Swift from Unicode properties.
///
/// `wcwidth` depends on the process locale and the C library's tables, which differ between machines
/// and give -1 before `setlocale`; a grid must agree with itself in tests and on every host, so the
/// rules live here: East Asian Wide/Fullwidth and emoji take 2 columns, combining marks and format
/// characters 0, everything else 1.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = scalarWidth(first)
        if base == 2 { return 2 }
        // A text-style emoji followed by VS16 (U+FE0F) is drawn in emoji presentation: two columns.
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if base == 1 { return 1 }
        // A cluster that starts with a zero-width scalar takes the width of its first visible one.
        for scalar in scalars.dropFirst() {
            let w = scalarWidth(scalar)
            if w > 0 { return w }
        }
        return 0
    }

    /// Columns taken by a string, cluster by cluster.
    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// True when every byte is printable ASCII: one column per byte, no clusters to find. Most text
    /// drawn is like this, and it is the difference between meeting the frame budget or not.
    @inlinable
    public static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Columns taken by a single scalar out of context.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            // U+00AD SOFT HYPHEN is a format character that terminals nevertheless draw.
            return scalar.value != 0xAD
        default:
            // Hangul medial vowels and final consonants join the preceding leading consonant.
            return (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value)
        }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15), as half-open ranges sorted by start.
    private static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x1160), (0x231A, 0x231C), (0x2329, 0x232B), (0x2E80, 0x303F), (0x3041, 0x3248),
        (0x3250, 0x4DC0), (0x4E00, 0xA4D0), (0xA960, 0xA980), (0xAC00, 0xD7A4), (0xF900, 0xFB00),
        (0xFE10, 0xFE1A), (0xFE30, 0xFE70), (0xFF00, 0xFF61), (0xFFE0, 0xFFE7), (0x16FE0, 0x16FE5),
        (0x17000, 0x18D09), (0x1AFF0, 0x1B2FC), (0x1F200, 0x1F203), (0x1F210, 0x1F23C),
        (0x1F240, 0x1F249), (0x1F250, 0x1F252), (0x1F260, 0x1F266), (0x20000, 0x2FFFE), (0x30000, 0x3FFFE),
    ]

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0, high = wideRanges.count
        while low < high {
            let mid = (low + high) / 2
            let (start, end) = wideRanges[mid]
            if v < start { high = mid } else if v >= end { low = mid + 1 } else { return true }
        }
        return false
    }
}

extension String {
    /// Columns this string takes on a terminal (not `count`, which counts clusters).
    public var displayWidth: Int { DisplayWidth.of(self) }
}
