/// .NET custom date and time format strings (learn.microsoft.com/dotnet/standard/base-types/
/// custom-date-and-time-format-strings) with the invariant culture: English names, '/' and ':' as
/// themselves. Values are UTC, so `zzz` writes +00:00 and `K` writes Z.
struct DotNetDateFormat {
    enum Token: Equatable {
        /// A specifier letter and how many times it repeats (`yyyy` is ("y", 4)).
        case field(Character, Int)
        case literal(String)
    }

    let tokens: [Token]

    /// The Entra output format of CDate, DateAdd and Now.
    static let entraDefault = DotNetDateFormat("M/d/yyyy h:mm:ss tt")

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let specifiers: Set<Character> = ["d", "f", "F", "g", "h", "H", "K", "m", "M", "s", "t", "y", "z"]

    /// One-letter standard formats, expanded as the invariant culture does.
    private static let standard: [String: String] = [
        "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
        "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss", "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
        "d": "MM/dd/yyyy", "D": "dddd, dd MMMM yyyy", "t": "HH:mm", "T": "HH:mm:ss",
        "g": "MM/dd/yyyy HH:mm", "G": "MM/dd/yyyy HH:mm:ss", "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
        "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    ]

    init(_ pattern: String) {
        tokens = Self.tokenize(Self.standard[pattern] ?? pattern)
    }

    private static func tokenize(_ pattern: String) -> [Token] {
        let characters = Array(pattern)
        var tokens: [Token] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "'" || c == "\"" {
                var text = ""
                i += 1
                while i < characters.count, characters[i] != c {
                    if characters[i] == "\\", i + 1 < characters.count { i += 1 }
                    text.append(characters[i]); i += 1
                }
                tokens.append(.literal(text)); i += 1
            } else if c == "\\", i + 1 < characters.count {
                tokens.append(.literal(String(characters[i + 1]))); i += 2
            } else if c == "%", i + 1 < characters.count, specifiers.contains(characters[i + 1]) {
                i += 1
            } else if specifiers.contains(c) {
                var run = 1
                while i + run < characters.count, characters[i + run] == c { run += 1 }
                tokens.append(.field(c, run)); i += run
            } else {
                tokens.append(.literal(String(c))); i += 1
            }
        }
        return tokens
    }

    func format(_ date: EntraDateTime) -> String {
        let c = date.civil
        var out = ""
        for token in tokens {
            switch token {
            case .literal(let text): out += text
            case .field(let letter, let count): out += Self.field(letter, count, c, weekday: date.weekday)
            }
        }
        return out
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func field(_ letter: Character, _ count: Int, _ c: EntraDateTime.Civil, weekday: Int) -> String {
        let hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12
        switch letter {
        case "y": return count == 2 ? padded(c.year % 100, 2) : padded(count == 1 ? c.year % 100 : c.year, count)
        case "M":
            if count >= 4 { return monthNames[c.month - 1] }
            return count == 3 ? String(monthNames[c.month - 1].prefix(3)) : padded(c.month, count)
        case "d":
            if count >= 4 { return dayNames[weekday] }
            return count == 3 ? String(dayNames[weekday].prefix(3)) : padded(c.day, count)
        case "h": return padded(hour12, min(count, 2))
        case "H": return padded(c.hour, min(count, 2))
        case "m": return padded(c.minute, min(count, 2))
        case "s": return padded(c.second, min(count, 2))
        case "t": return String((c.hour < 12 ? "AM" : "PM").prefix(count >= 2 ? 2 : 1))
        case "f", "F": return fraction(c.fraction, digits: min(count, 7), trimZeros: letter == "F")
        case "z": return count == 1 ? "+0" : (count == 2 ? "+00" : "+00:00")
        case "K": return "Z"
        default: return "AD"
        }
    }

    private static func fraction(_ ticks: Int, digits: Int, trimZeros: Bool) -> String {
        var text = String(padded(ticks, 7).prefix(digits))
        if trimZeros { while text.last == "0" { text.removeLast() } }
        return text
    }
}
