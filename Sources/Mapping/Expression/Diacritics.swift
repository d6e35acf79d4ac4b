import Foundation

/// NormalizeDiacritics: Microsoft's table maps accented letters to their base letter and a few
/// letters with no decomposition to fixed spellings (æ → ae, ø → oe, ß → ss, ł → l, ı → i).
enum Diacritics {
    private static let spelled: [Unicode.Scalar: String] = [
        "æ": "ae", "Æ": "AE", "ø": "oe", "Ø": "OE", "œ": "oe", "Œ": "OE", "ß": "ss",
        "ł": "l", "Ł": "L", "ı": "i",
    ]

    static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                result.append(character)
            } else if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                let known = latin[scalar.value] {
                result += known
            } else {
                result += slow(character)
            }
        }
        return result
    }

    /// The Latin letters with diacritics (Latin-1 Supplement to Latin Extended Additional), worked out
    /// once: Foundation's decomposition is too slow to run for every letter of 100,000 names.
    private static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) { add(value, to: &table) }
        for value in UInt32(0x1E00)...UInt32(0x1EFF) { add(value, to: &table) }
        return table
    }()

    private static func add(_ value: UInt32, to table: inout [UInt32: String]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        table[value] = slow(Character(scalar))
    }

    private static func slow(_ character: Character) -> String {
        var result = ""
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars where !isCombiningMark(scalar) {
            if let spelling = spelled[scalar] { result += spelling } else { result.unicodeScalars.append(scalar) }
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
