/// Reads and writes colours as theme files spell them: a name, a number 0–255, or `#rrggbb`.
public enum ColorSpec {
    static let names: [(String, UInt8)] = [
        ("black", 0), ("red", 1), ("green", 2), ("yellow", 3), ("blue", 4), ("magenta", 5), ("cyan", 6), ("white", 7),
        ("bright-black", 8), ("bright-red", 9), ("bright-green", 10), ("bright-yellow", 11),
        ("bright-blue", 12), ("bright-magenta", 13), ("bright-cyan", 14), ("bright-white", 15),
    ]
    static let aliases: [String: UInt8] = ["grey": 8, "gray": 8]

    /// The colour named by `text`, or `nil` when it means nothing.
    public static func parse(_ text: String) -> Color? {
        let lower = text.lowercased().trimmingSpaces
        if lower == "default" || lower == "terminal" { return .terminalDefault }
        if let n = names.first(where: { $0.0 == lower })?.1 ?? aliases[lower] { return .ansi(n) }
        if lower.hasPrefix("#") { return parseHex(String(lower.dropFirst())) }
        if let n = Int(lower), (0...255).contains(n) { return .indexed(UInt8(n)) }
        return nil
    }

    public static func parse(index: Int) -> Color? {
        (0...255).contains(index) ? .indexed(UInt8(index)) : nil
    }

    private static func parseHex(_ hex: String) -> Color? {
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    public static let expected = "a colour name (e.g. \"cyan\", \"bright-red\", \"default\"), a number 0–255, or \"#rrggbb\""
}
