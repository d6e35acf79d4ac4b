import Foundation

/// Dates as scimterm prints them: fixed width and locale-free, so a dialog wraps the same way at
/// 9:05 as at 23:34 and in every locale (a test once failed on "11:34 PM" moving a word).
public enum TimeText {
    /// "2026-12-05 09:05" in `timeZone`.
    public static func minute(_ date: Date, timeZone: TimeZone) -> String {
        format(date, "yyyy-MM-dd HH:mm", timeZone)
    }

    /// "09:05" in `timeZone`.
    public static func clock(_ date: Date, timeZone: TimeZone) -> String {
        format(date, "HH:mm", timeZone)
    }

    /// "09:05:07" in `timeZone`.
    public static func second(_ date: Date, timeZone: TimeZone) -> String {
        format(date, "HH:mm:ss", timeZone)
    }

    /// "20261205-090507", for file names.
    public static func fileStamp(_ date: Date, timeZone: TimeZone) -> String {
        format(date, "yyyyMMdd-HHmmss", timeZone)
    }

    /// The one formatter behind every time scimterm shows: POSIX locale, Gregorian, the zone given.
    static func format(_ date: Date, _ pattern: String, _ timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
