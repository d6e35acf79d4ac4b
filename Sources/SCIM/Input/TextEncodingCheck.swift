/// Names the encodings scimterm does not read, from a file's first bytes, so a UTF-16 export (what
/// Excel's "Unicode text" and PowerShell 5's `Out-File` write) is called that instead of "binary".
public enum TextEncodingCheck {
    /// "UTF-16 LE", "UTF-32 BE"… for a byte-order mark or the NUL pattern ASCII text has in those
    /// encodings; nil for UTF-8 (with or without its BOM) and anything else.
    public static func unsupported<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        let b = Array(bytes.prefix(4))
        func at(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }
        switch (at(0), at(1), at(2), at(3)) {
        case (0xFF, 0xFE, 0x00, 0x00): return "UTF-32 LE"
        case (0x00, 0x00, 0xFE, 0xFF): return "UTF-32 BE"
        case (0xFF, 0xFE, _, _): return "UTF-16 LE"
        case (0xFE, 0xFF, _, _): return "UTF-16 BE"
        case (.some(let first), 0x00, 0x00, 0x00) where first != 0: return "UTF-32 LE"
        case (0x00, 0x00, 0x00, .some(let last)) where last != 0: return "UTF-32 BE"
        case (.some(let first), 0x00, .some(let third), 0x00) where first != 0 && third != 0: return "UTF-16 LE"
        case (0x00, .some(let second), 0x00, .some(let fourth)) where second != 0 && fourth != 0: return "UTF-16 BE"
        default: return nil
        }
    }

    /// The sentence for an input in such an encoding.
    static func message(_ encoding: String) -> String {
        let from = encoding.replacingOccurrences(of: " ", with: "")
        return "\(encoding) text, not UTF-8: save it as UTF-8 (iconv -f \(from) -t UTF-8 IN > OUT, or Excel's \"CSV UTF-8\")"
    }
}
