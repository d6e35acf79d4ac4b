/// ParseExact with the invariant culture and FormatDateTime's default styles (AllowLeadingWhite,
/// AllowTrailingWhite, RoundtripKind): an offset in the text is converted to UTC; without one the
/// time is taken as UTC (Entra's servers run in UTC).
extension DotNetDateFormat {
    func parse(_ text: String) -> EntraDateTime? {
        var scanner = DateScanner(text.trimmingSpaces)
        var fields = ParsedFields()
        for token in tokens {
            switch token {
            case .literal(let literal):
                guard scanner.take(literal) else { return nil }
            case .field(let letter, let count):
                guard read(letter, count, &scanner, &fields) else { return nil }
            }
        }
        guard scanner.atEnd else { return nil }
        return fields.dateTime
    }

    private func read(_ letter: Character, _ count: Int, _ s: inout DateScanner, _ f: inout ParsedFields) -> Bool {
        switch letter {
        case "y":
            guard let year = s.digits(count <= 2 ? 2 : count, max: count <= 2 ? 2 : max(count, 4)) else { return false }
            f.year = count <= 2 ? (year < 50 ? 2000 + year : 1900 + year) : year
        case "M":
            if count >= 3 {
                guard let month = s.name(Self.monthNames, abbreviated: count == 3) else { return false }
                f.month = month + 1
            } else {
                guard let month = s.digits(count, max: 2) else { return false }
                f.month = month
            }
        case "d":
            if count >= 3 { return s.name(Self.dayNames, abbreviated: count == 3) != nil }
            guard let day = s.digits(count, max: 2) else { return false }
            f.day = day
        case "h", "H", "m", "s":
            guard let value = s.digits(min(count, 2), max: 2) else { return false }
            switch letter {
            case "h": f.hour12 = value
            case "H": f.hour = value
            case "m": f.minute = value
            default: f.second = value
            }
        case "f", "F":
            guard let digits = s.digitText(letter == "f" ? count : 0, max: count) else { return false }
            f.fraction = Int((digits + String(repeating: "0", count: max(0, 7 - digits.count))).prefix(7)) ?? 0
        case "t":
            guard let pm = s.meridiem(full: count >= 2) else { return false }
            f.isPM = pm
        case "z", "K":
            guard let offset = s.offset(optional: letter == "K") else { return false }
            f.offsetMinutes = offset
        default:
            return false
        }
        return true
    }
}

/// What ParseExact has read so far.
struct ParsedFields {
    var year = 1, month = 1, day = 1
    var hour: Int?, hour12: Int?, minute = 0, second = 0, fraction = 0
    var isPM: Bool?
    var offsetMinutes: Int?

    var dateTime: EntraDateTime? {
        var h = hour ?? 0
        if let hour12 {
            guard (1...12).contains(hour12) else { return nil }
            h = hour12 % 12 + (isPM == true ? 12 : 0)
        } else if let isPM, hour != nil {
            if isPM && h < 12 { h += 12 } else if !isPM && h == 12 { h = 0 }
        }
        let civil = EntraDateTime.Civil(year: year, month: month, day: day, hour: h, minute: minute,
                                        second: second, fraction: fraction)
        return EntraDateTime(civil, offsetMinutes: offsetMinutes ?? 0)
    }
}
