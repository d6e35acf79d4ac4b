import Foundation

/// String functions: Append, Join, Left, Mid, Len, InStr, Word, PCase, ToLower, ToUpper,
/// StripSpaces, NormalizeDiacritics, CStr. Positions are 1-based and count Characters.
extension Evaluator {
    mutating func text(_ function: ExpressionFunction, _ arguments: Arguments) throws -> ExpressionValue {
        switch function {
        case .append:
            let suffix = try string(arguments, 1) ?? ""
            return try value(arguments, 0).map { $0 + suffix }
        case .join: return try join(arguments)
        case .left: return try left(arguments)
        case .mid: return try mid(arguments)
        case .len: return .string(String((try string(arguments, 0) ?? "").count))
        case .inStr: return try inStr(arguments)
        case .word: return try word(arguments)
        case .pCase: return try pCase(arguments)
        case .toLower, .toUpper: return try changeCase(function, arguments)
        case .stripSpaces: return try value(arguments, 0).map { $0.utf8.contains(0x20) ? String($0.filter { $0 != " " }) : $0 }
        case .normalizeDiacritics: return try value(arguments, 0).map(Diacritics.normalize)
        default:
            guard let text = try string(arguments, 0) else { return .null }
            return .string(text)
        }
    }

    /// Null and empty sources are skipped: Microsoft's `Join(", ", "", [surname], [givenName])` gives
    /// "Doe, John". A multi-valued source contributes each of its values.
    private mutating func join(_ arguments: Arguments) throws -> ExpressionValue {
        let separator = try string(arguments, 0) ?? ""
        var joined = ""
        var isFirst = true
        func add(_ part: String) {
            guard !part.isEmpty else { return }
            if !isFirst { joined += separator }
            joined += part
            isFirst = false
        }
        for index in 1..<arguments.count {
            switch try value(arguments, index) {
            case .null: continue
            case .string(let part): add(part)
            case .multi(let parts): parts.forEach(add)
            }
        }
        return .string(joined)
    }

    /// "If numChars = 0, return empty string. If numChars < 0, return input string. If string is null,
    /// return empty string."
    private mutating func left(_ arguments: Arguments) throws -> ExpressionValue {
        guard let text = try string(arguments, 0) else { return .string("") }
        let count = try integer(arguments, 1, .left, "NumChars") ?? 0
        if count < 0 { return .string(text) }
        return .string(String(text.prefix(count)))
    }

    private mutating func mid(_ arguments: Arguments) throws -> ExpressionValue {
        guard let text = try string(arguments, 0) else { return .null }
        let start = max(1, try integer(arguments, 1, .mid, "start") ?? 1)
        let length = max(0, try integer(arguments, 2, .mid, "length") ?? 0)
        return .string(String(text.dropFirst(start - 1).prefix(length)))
    }

    /// InStr(value1, value2, start, compareType): the 1-based position of value2, 0 when absent.
    private mutating func inStr(_ arguments: Arguments) throws -> ExpressionValue {
        guard let haystack = try string(arguments, 0) else { return .null }
        let needle = try string(arguments, 1) ?? ""
        let start = min(max(1, try integer(arguments, 2, .inStr, "start") ?? 1), haystack.count + 1)
        let textCompare = (try string(arguments, 3))?.lowercased() == "vbtextcompare"
        let characters = Array(textCompare ? haystack.lowercased() : haystack)
        let wanted = Array(textCompare ? needle.lowercased() : needle)
        if wanted.isEmpty { return .string(String(min(start, characters.count + 1))) }
        var index = start - 1
        while index + wanted.count <= characters.count {
            if Array(characters[index..<index + wanted.count]) == wanted { return .string(String(index + 1)) }
            index += 1
        }
        return .string("0")
    }

    /// Word(string, number, delimiters): words are runs between any of the delimiter characters.
    private mutating func word(_ arguments: Arguments) throws -> ExpressionValue {
        guard let text = try string(arguments, 0) else { return .string("") }
        let number = try integer(arguments, 1, .word, "WordNumber") ?? 0
        let delimiters = Set(try string(arguments, 2) ?? "")
        let words = text.split(whereSeparator: { delimiters.contains($0) })
        guard number >= 1, number <= words.count else { return .string("") }
        return .string(String(words[number - 1]))
    }

    /// Without separators every character that is not a letter, digit or apostrophe separates words
    /// (.NET's ToTitleCase: "d'ythaq" becomes "D'ythaq"); with them only those characters do.
    /// Everything else is lowered, one character for one.
    private mutating func pCase(_ arguments: Arguments) throws -> ExpressionValue {
        let separators = try string(arguments, 1).map(Set.init)
        return try value(arguments, 0).map { text in
            var result = ""
            var startOfWord = true
            for c in text {
                let isSeparator = separators.map { $0.contains(c) }
                    ?? !(c.isLetter || c.isNumber || c == "'" || c == "\u{2019}")
                result += startOfWord ? CaseMapping.upper(String(c), culture: nil) : CaseMapping.lower(String(c), culture: nil)
                startOfWord = isSeparator
            }
            return result
        }
    }

    /// Invariant culture unless one is named (RFC 4646, e.g. "tr-TR"); see CaseMapping.
    private mutating func changeCase(_ function: ExpressionFunction, _ arguments: Arguments) throws -> ExpressionValue {
        let culture = try string(arguments, 1)
        let upper = function == .toUpper
        return try value(arguments, 0).map {
            upper ? CaseMapping.upper($0, culture: culture) : CaseMapping.lower($0, culture: culture)
        }
    }
}
