import Foundation

/// A UTC instant as .NET counts it: 100-nanosecond ticks since 0001-01-01. Pure arithmetic on the
/// proleptic Gregorian calendar, so no Calendar, locale or time zone of the machine is involved.
struct EntraDateTime: Equatable, Comparable {
    var ticks: Int64

    static let ticksPerSecond: Int64 = 10_000_000
    static let ticksPerDay: Int64 = 86_400 * ticksPerSecond
    /// 1970-01-01 and 1601-01-01 (Active Directory's epoch) in ticks.
    static let unixEpochTicks: Int64 = 621_355_968_000_000_000
    static let fileTimeEpochTicks: Int64 = 504_911_232_000_000_000
    static let maximumTicks: Int64 = 3_155_378_975_999_999_999

    struct Civil: Equatable {
        var year: Int, month: Int, day: Int
        var hour = 0, minute = 0, second = 0
        /// Ticks past the second, 0 ..< 10,000,000.
        var fraction = 0
    }

    init(ticks: Int64) {
        self.ticks = ticks
    }

    init(_ date: Date) {
        ticks = Int64((date.timeIntervalSince1970 * Double(Self.ticksPerSecond)).rounded(.down)) + Self.unixEpochTicks
    }

    /// Nil for a date that does not exist (February 30th, hour 24).
    init?(_ civil: Civil, offsetMinutes: Int = 0) {
        guard (1...9999).contains(civil.year), (1...12).contains(civil.month),
            (1...Self.daysIn(civil.month, of: civil.year)).contains(civil.day),
            (0..<24).contains(civil.hour), (0..<60).contains(civil.minute), (0..<60).contains(civil.second)
        else { return nil }
        let days = Int64(Self.daysSinceEpoch(civil.year, civil.month, civil.day))
        let seconds = Int64(civil.hour * 3600 + civil.minute * 60 + civil.second - offsetMinutes * 60)
        ticks = days * Self.ticksPerDay + seconds * Self.ticksPerSecond + Int64(civil.fraction)
        guard (0...Self.maximumTicks).contains(ticks) else { return nil }
    }

    var civil: Civil {
        let days = Int(ticks / Self.ticksPerDay)
        let rest = ticks % Self.ticksPerDay
        let (year, month, day) = Self.civilFromDays(days)
        let seconds = Int(rest / Self.ticksPerSecond)
        return Civil(year: year, month: month, day: day, hour: seconds / 3600, minute: seconds / 60 % 60,
                     second: seconds % 60, fraction: Int(rest % Self.ticksPerSecond))
    }

    /// 0 = Sunday … 6 = Saturday; 0001-01-01 was a Monday.
    var weekday: Int { Int((ticks / Self.ticksPerDay + 1) % 7) }

    static func < (lhs: EntraDateTime, rhs: EntraDateTime) -> Bool { lhs.ticks < rhs.ticks }

    /// .NET's AddMonths: the day is clamped to the new month's length (Jan 31 + 1 month = Feb 28/29).
    func adding(months: Int) -> EntraDateTime? {
        var c = civil
        let (total, overflow) = (c.year * 12 + (c.month - 1)).addingReportingOverflow(months)
        guard !overflow, total >= 12 else { return nil }
        c.year = total / 12
        c.month = total % 12 + 1
        guard (1...9999).contains(c.year) else { return nil }
        c.day = min(c.day, Self.daysIn(c.month, of: c.year))
        return EntraDateTime(c)
    }

    func adding(ticks delta: Int64) -> EntraDateTime? {
        let (sum, overflow) = ticks.addingReportingOverflow(delta)
        guard !overflow, (0...Self.maximumTicks).contains(sum) else { return nil }
        return EntraDateTime(ticks: sum)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0001-01-01 (Howard Hinnant's days_from_civil, shifted to .NET's epoch).
    private static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + 719_162
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days - 719_162 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
