import Foundation

/// NormalizeDiacritics: Microsoft's table maps accented letters to their base letter and a few
/// letters with no decomposition to fixed spellings (æ → ae, ø → oe, ß → ss, ł → l, ı → i).
enum Diacritics {
    private static let spelled: [Unicode.Scalar: String] = [
        "æ": "ae", "Æ": "AE", "ø": "oe", "Ø": "OE", "œ": "oe", "Œ": "OE", "ß": "ss",
        "ł": "l", "Ł": "L", "ı": "i",
    ]

    static func normalize(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                result.append(character)
                continue
            }
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars where !isCombiningMark(scalar) {
                if let spelling = spelled[scalar] { result += spelling } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
