/// The one gate every drawn string passes: nothing from data can reach the terminal as a control.
///
/// Payloads come from customers and logs; an ESC could recolour or move the cursor, a BEL beep, a CR
/// overwrite a line, a bidi override reverse what the operator reads. Each such character becomes a
/// visible placeholder instead, so it is both harmless and noticeable.
public enum Sanitizer {
    /// Returns `text` with every control, escape, bidi control and invisible format character replaced
    /// by a visible placeholder. Printable text, including emoji sequences, is kept as is.
    public static func clean(_ text: String) -> String {
        if DisplayWidth.isPrintableASCII(text) { return text }
        var out = String.UnicodeScalarView()
        var atClusterStart = true
        for scalar in text.unicodeScalars {
            if let replacement = placeholder(for: scalar) {
                out.append(contentsOf: replacement.unicodeScalars)
                atClusterStart = true
                continue
            }
            // A combining mark with nothing to sit on would merge into whatever the terminal drew last.
            if atClusterStart && isCombining(scalar) {
                out.append("\u{25CC}")
            }
            out.append(scalar)
            atClusterStart = false
        }
        return String(out)
    }

    /// The placeholder for one scalar, or `nil` when it is safe to draw.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x00..<0x20:
            // Control Pictures block: ␀ … ␟, including ␛ for ESC, ␇ for BEL, ␍ for CR.
            return String(Character(Unicode.Scalar(0x2400 + v) ?? "\u{FFFD}"))
        case 0x7F:
            return "␡"
        case 0x80..<0xA0, 0xFFFE, 0xFFFF:
            return codePoint(v)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return codePoint(v)
        case 0x200B, 0x2028, 0x2029, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB:
            return codePoint(v)
        default:
            return nil
        }
    }

    /// Shows a scalar by its code point, e.g. `⟨U+202E⟩`.
    public static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}
