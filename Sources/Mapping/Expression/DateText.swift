/// Reads the date strings CDate and the other date functions accept: ISO 8601 (a date alone, with
/// an offset as Workday sends "2020-03-16-07:00", or with a time) and the "M/d/yyyy h:mm:ss tt"
/// that CDate, DateAdd and Now themselves produce. Without an offset a time is UTC.
enum DateText {
    private static let usFormats = ["M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
                                    "M/d/yyyy"].map(DotNetDateFormat.init)

    static func parse(_ text: String) -> EntraDateTime? {
        let trimmed = text.trimmingSpaces
        if let iso = iso8601(trimmed) { return iso }
        for format in usFormats {
            if let date = format.parse(trimmed) { return date }
        }
        return nil
    }

    static func format(_ date: EntraDateTime) -> String {
        DotNetDateFormat.entraDefault.format(date)
    }

    private static func iso8601(_ text: String) -> EntraDateTime? {
        var s = DateScanner(text)
        guard let year = s.digits(4, max: 4), s.take("-"), let month = s.digits(2, max: 2), s.take("-"),
            let day = s.digits(2, max: 2)
        else { return nil }
        var civil = EntraDateTime.Civil(year: year, month: month, day: day)
        if s.peek() == "T" || s.peek() == "t" || (s.peek() == " " && s.peek(1)?.isNumber == true) {
            _ = s.take(String(s.peek() ?? " "))
            guard readTime(&s, into: &civil) else { return nil }
        }
        while s.peek() == " " { _ = s.take(" ") }
        var offset = 0
        if !s.atEnd {
            guard let parsed = s.offset(optional: false) else { return nil }
            offset = parsed
        }
        guard s.atEnd else { return nil }
        return EntraDateTime(civil, offsetMinutes: offset)
    }

    private static func readTime(_ s: inout DateScanner, into civil: inout EntraDateTime.Civil) -> Bool {
        guard let hour = s.digits(2, max: 2), s.take(":"), let minute = s.digits(2, max: 2) else { return false }
        civil.hour = hour
        civil.minute = minute
        if s.take(":") {
            guard let second = s.digits(2, max: 2) else { return false }
            civil.second = second
            if s.take(".") || s.take(",") {
                guard let digits = s.digitText(1, max: 30) else { return false }
                civil.fraction = Int((digits + "000000").prefix(7)) ?? 0
            }
        }
        return true
    }
}
