/// ToUpper and ToLower as .NET does them: one character for one (simple case mapping), so "ß"
/// stays "ß" where Swift's full mapping would write "SS". Turkish and Azerbaijani cultures map the
/// dotted and dotless i; other cultures behave as the invariant one (no machine locale is read).
enum CaseMapping {
    static func upper(_ text: String, culture: String?) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) && !isTurkic(culture) { return text.uppercased() }
        return map(text) { scalar in
            if isTurkic(culture) && scalar == "i" { return "\u{130}" }
            return simple(scalar.properties.uppercaseMapping, of: scalar)
        }
    }

    static func lower(_ text: String, culture: String?) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) && !isTurkic(culture) { return text.lowercased() }
        return map(text) { scalar in
            if isTurkic(culture) && scalar == "I" { return "\u{131}" }
            if scalar == "\u{130}" { return "i" }
            return simple(scalar.properties.lowercaseMapping, of: scalar)
        }
    }

    private static func isTurkic(_ culture: String?) -> Bool {
        guard let language = culture?.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first else {
            return false
        }
        return language == "tr" || language == "az"
    }

    /// A full mapping that expands ("ß" → "SS") has no simple counterpart: the character stays.
    private static func simple(_ mapping: String, of scalar: Unicode.Scalar) -> Unicode.Scalar {
        var scalars = mapping.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return scalar }
        return first
    }

    private static func map(_ text: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(transform(scalar)) }
        return String(result)
    }
}
