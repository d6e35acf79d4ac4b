/// CDate, DateAdd, DateDiff, DateFromNum, NumFromDate, FormatDateTime and Now. Dates travel as
/// strings in Entra's "M/d/yyyy h:mm:ss tt" UTC format, as Microsoft documents for CDate's result.
extension Evaluator {
    mutating func date(_ function: ExpressionFunction, _ arguments: Arguments) throws -> ExpressionValue {
        switch function {
        case .now: return .string(DateText.format(EntraDateTime(context.now)))
        case .cDate:
            guard let date = try dateArgument(arguments, 0, function, "expression") else { return .null }
            return .string(DateText.format(date))
        case .dateAdd: return try dateAdd(arguments)
        case .dateDiff: return try dateDiff(arguments)
        case .dateFromNum: return try dateFromNum(arguments)
        case .numFromDate:
            guard let date = try dateArgument(arguments, 0, function, "value") else { return .null }
            return .string(String(date.ticks - EntraDateTime.fileTimeEpochTicks))
        default: return try formatDateTime(arguments)
        }
    }

    private mutating func dateArgument(
        _ arguments: Arguments, _ index: Int, _ function: ExpressionFunction, _ name: String
    ) throws -> EntraDateTime? {
        guard let text = try string(arguments, index) else { return nil }
        guard let date = DateText.parse(text) else {
            throw arguments.failure("\(function.rawValue): \(name) \"\(text)\" is not a date Entra reads")
        }
        return date
    }

    private mutating func interval(_ arguments: Arguments, _ function: ExpressionFunction) throws -> DateInterval {
        let text = try string(arguments, 0) ?? ""
        guard let interval = DateInterval(rawValue: text.lowercased()) else {
            throw arguments.failure("\(function.rawValue): interval \"\(text)\" is not one of yyyy, q, m, y, d, w, ww, h, n, s")
        }
        return interval
    }

    private mutating func dateAdd(_ arguments: Arguments) throws -> ExpressionValue {
        let interval = try interval(arguments, .dateAdd)
        guard let amount = try integer(arguments, 1, .dateAdd, "value"),
            let date = try dateArgument(arguments, 2, .dateAdd, "dateTime")
        else { return .null }
        guard let result = interval.add(amount, to: date) else {
            throw arguments.failure("DateAdd: the result is outside the years 1 to 9999")
        }
        return .string(DateText.format(result))
    }

    private mutating func dateDiff(_ arguments: Arguments) throws -> ExpressionValue {
        let interval = try interval(arguments, .dateDiff)
        guard let first = try dateArgument(arguments, 1, .dateDiff, "date1"),
            let second = try dateArgument(arguments, 2, .dateDiff, "date2")
        else { return .null }
        return .string(String(interval.difference(from: first, to: second)))
    }

    /// Active Directory's 100-ns intervals since 1601; 0 and Int64.max mean "never" and give null.
    private mutating func dateFromNum(_ arguments: Arguments) throws -> ExpressionValue {
        guard let text = try string(arguments, 0)?.trimmingSpaces else { return .null }
        guard let number = Int64(text) else {
            throw arguments.failure("DateFromNum: \"\(text)\" is not an Active Directory date number")
        }
        if number == 0 || number == Int64.max { return .null }
        guard let date = EntraDateTime(ticks: EntraDateTime.fileTimeEpochTicks).adding(ticks: number) else {
            throw arguments.failure("DateFromNum: \(text) is outside the years 1601 to 9999")
        }
        return .string(DateText.format(date))
    }

    /// FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat); the older three-argument
    /// form without dateTimeStyles is read too.
    private mutating func formatDateTime(_ arguments: Arguments) throws -> ExpressionValue {
        let formats = arguments.count == 4 ? (2, 3) : (1, 2)
        guard let source = try string(arguments, 0) else { return .null }
        let input = try string(arguments, formats.0) ?? ""
        let output = try string(arguments, formats.1) ?? ""
        guard let date = DotNetDateFormat(input).parse(source) else {
            throw arguments.failure("FormatDateTime: \"\(source)\" does not match the input format \"\(input)\"")
        }
        return .string(DotNetDateFormat(output).format(date))
    }
}

/// The interval strings of DateAdd and DateDiff (VBA's, as Microsoft lists them).
enum DateInterval: String {
    case year = "yyyy", quarter = "q", month = "m", dayOfYear = "y", day = "d", weekday = "w", week = "ww"
    case hour = "h", minute = "n", second = "s"

    func add(_ amount: Int, to date: EntraDateTime) -> EntraDateTime? {
        switch self {
        case .year: return months(amount, 12).flatMap(date.adding(months:))
        case .quarter: return months(amount, 3).flatMap(date.adding(months:))
        case .month: return date.adding(months: amount)
        case .day, .dayOfYear, .weekday: return ticks(amount, EntraDateTime.ticksPerDay).flatMap(date.adding(ticks:))
        case .week: return ticks(amount, 7 * EntraDateTime.ticksPerDay).flatMap(date.adding(ticks:))
        case .hour: return ticks(amount, 3600 * EntraDateTime.ticksPerSecond).flatMap(date.adding(ticks:))
        case .minute: return ticks(amount, 60 * EntraDateTime.ticksPerSecond).flatMap(date.adding(ticks:))
        case .second: return ticks(amount, EntraDateTime.ticksPerSecond).flatMap(date.adding(ticks:))
        }
    }

    /// nil when the amount is so large that it overflows (the date would be far outside 1 to 9999).
    private func months(_ amount: Int, _ factor: Int) -> Int? {
        let (product, overflow) = amount.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    private func ticks(_ amount: Int, _ unit: Int64) -> Int64? {
        let (product, overflow) = Int64(amount).multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }

    /// Visual Basic's DateDiff: calendar years, quarters and months; whole elapsed days, hours,
    /// minutes and seconds (truncated toward zero); "ww" counts Sundays crossed.
    func difference(from first: EntraDateTime, to second: EntraDateTime) -> Int64 {
        let a = first.civil, b = second.civil
        let elapsed = second.ticks - first.ticks
        switch self {
        case .year: return Int64(b.year - a.year)
        case .quarter: return Int64((b.year * 4 + (b.month - 1) / 3) - (a.year * 4 + (a.month - 1) / 3))
        case .month: return Int64((b.year * 12 + b.month) - (a.year * 12 + a.month))
        case .day, .dayOfYear: return elapsed / EntraDateTime.ticksPerDay
        case .weekday: return elapsed / EntraDateTime.ticksPerDay / 7
        case .week:
            let start = first.ticks - Int64(first.weekday) * EntraDateTime.ticksPerDay
            let end = second.ticks - Int64(second.weekday) * EntraDateTime.ticksPerDay
            return (end - start) / EntraDateTime.ticksPerDay / 7
        case .hour: return elapsed / (3600 * EntraDateTime.ticksPerSecond)
        case .minute: return elapsed / (60 * EntraDateTime.ticksPerSecond)
        case .second: return elapsed / EntraDateTime.ticksPerSecond
        }
    }
}
