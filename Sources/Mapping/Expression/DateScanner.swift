/// A cursor over date text for the parsers.
struct DateScanner {
    private let characters: [Character]
    private(set) var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var atEnd: Bool { position == characters.count }

    func peek(_ offset: Int = 0) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    mutating func take(_ literal: String) -> Bool {
        let wanted = Array(literal)
        guard position + wanted.count <= characters.count,
            Array(characters[position..<position + wanted.count]) == wanted
        else { return false }
        position += wanted.count
        return true
    }

    /// Between `min` and `max` ASCII digits, as text.
    mutating func digitText(_ minimum: Int, max maximum: Int) -> String? {
        var text = ""
        while text.count < maximum, let c = peek(), c.isASCII, c.isNumber {
            text.append(c)
            position += 1
        }
        return text.count >= minimum ? text : nil
    }

    mutating func digits(_ minimum: Int, max maximum: Int) -> Int? {
        guard let text = digitText(max(minimum, 1), max: maximum) else { return nil }
        return Int(text)
    }

    /// An English month or day name; answers its index.
    mutating func name(_ names: [String], abbreviated: Bool) -> Int? {
        for (index, name) in names.enumerated() {
            let candidate = abbreviated ? String(name.prefix(3)) : name
            let end = position + candidate.count
            guard end <= characters.count else { continue }
            if String(characters[position..<end]).lowercased() == candidate.lowercased() {
                position = end
                return index
            }
        }
        return nil
    }

    mutating func meridiem(full: Bool) -> Bool? {
        guard let first = peek()?.uppercased() else { return nil }
        guard first == "A" || first == "P" else { return nil }
        position += 1
        if full {
            guard peek()?.uppercased() == "M" else { return nil }
            position += 1
        }
        return first == "P"
    }

    /// `Z`, `+hh`, `+hhmm` or `+hh:mm` in minutes east of UTC; `optional` accepts nothing (K).
    mutating func offset(optional: Bool) -> Int? {
        guard let sign = peek() else { return optional ? 0 : nil }
        if sign == "Z" || sign == "z" {
            position += 1
            return 0
        }
        guard sign == "+" || sign == "-" else { return optional ? 0 : nil }
        position += 1
        guard let hours = digits(1, max: 2) else { return nil }
        var minutes = 0
        if peek() == ":" {
            position += 1
            guard let m = digits(2, max: 2) else { return nil }
            minutes = m
        } else if let c = peek(), c.isNumber {
            guard let m = digits(2, max: 2) else { return nil }
            minutes = m
        }
        let total = hours * 60 + minutes
        return sign == "-" ? -total : total
    }
}
