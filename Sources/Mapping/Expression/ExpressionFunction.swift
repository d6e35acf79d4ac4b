/// Every function in Microsoft's "Reference for writing expressions for attribute mappings in
/// Microsoft Entra ID" (learn.microsoft.com/entra/identity/app-provisioning/functions-for-customizing-application-data).
public enum ExpressionFunction: String, Sendable, Equatable, CaseIterable {
    case append = "Append"
    case appRoleAssignmentsComplex = "AppRoleAssignmentsComplex"
    case bitAnd = "BitAnd"
    case cBool = "CBool"
    case cDate = "CDate"
    case coalesce = "Coalesce"
    case convertToBase64 = "ConvertToBase64"
    case convertToUTF8Hex = "ConvertToUTF8Hex"
    case count = "Count"
    case cStr = "CStr"
    case dateAdd = "DateAdd"
    case dateDiff = "DateDiff"
    case dateFromNum = "DateFromNum"
    case defaultDomain = "DefaultDomain"
    case formatDateTime = "FormatDateTime"
    case guid = "Guid"
    case ignoreFlowIfNullOrEmpty = "IgnoreFlowIfNullOrEmpty"
    case iif = "IIF"
    case inStr = "InStr"
    case isNull = "IsNull"
    case isNullOrEmpty = "IsNullOrEmpty"
    case isPresent = "IsPresent"
    case isString = "IsString"
    case item = "Item"
    case join = "Join"
    case left = "Left"
    case len = "Len"
    case mid = "Mid"
    case normalizeDiacritics = "NormalizeDiacritics"
    case not = "Not"
    case now = "Now"
    case numFromDate = "NumFromDate"
    case pCase = "PCase"
    case randomString = "RandomString"
    case redact = "Redact"
    case removeDuplicates = "RemoveDuplicates"
    case replace = "Replace"
    case selectUniqueValue = "SelectUniqueValue"
    case singleAppRoleAssignment = "SingleAppRoleAssignment"
    case split = "Split"
    case stripSpaces = "StripSpaces"
    case switchCase = "Switch"
    case toLower = "ToLower"
    case toUpper = "ToUpper"
    case word = "Word"

    /// Looks a name up without regard to case: Microsoft's own page writes `switch(…)` and `IsNullorEmpty`.
    public init?(named name: String) {
        guard let match = Self.byLowercasedName[name.lowercased()] else { return nil }
        self = match
    }

    private static let byLowercasedName: [String: ExpressionFunction] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) })

    /// Results that differ from one evaluation to the next; the CLI says so.
    public var isNonDeterministic: Bool {
        self == .now || self == .guid || self == .randomString
    }

    /// How many arguments the reference allows (nil: no upper bound).
    var arity: (minimum: Int, maximum: Int?) {
        switch self {
        case .guid, .now, .defaultDomain: return (0, 0)
        case .appRoleAssignmentsComplex, .cBool, .cDate, .convertToBase64, .convertToUTF8Hex, .count, .cStr,
            .dateFromNum, .ignoreFlowIfNullOrEmpty, .isNull, .isNullOrEmpty, .isPresent, .isString, .len,
            .normalizeDiacritics, .not, .numFromDate, .redact, .removeDuplicates, .singleAppRoleAssignment,
            .stripSpaces:
            return (1, 1)
        case .append, .bitAnd, .item, .left, .split: return (2, 2)
        case .pCase, .toLower, .toUpper: return (1, 2)
        case .dateAdd, .dateDiff, .iif, .mid, .word: return (3, 3)
        case .formatDateTime: return (3, 4)
        case .inStr: return (2, 4)
        case .randomString: return (5, 6)
        case .replace: return (7, 7)
        case .coalesce: return (1, nil)
        case .join: return (2, nil)
        case .selectUniqueValue: return (2, nil)
        case .switchCase: return (4, nil)
        }
    }

    /// The arity rule as a person reads it, for a parse error.
    var arityDescription: String {
        let (minimum, maximum) = arity
        let noun = { (n: Int) in n == 1 ? "1 argument" : "\(n) arguments" }
        if self == .switchCase { return "an even number of arguments, at least 4" }
        guard let maximum else { return "at least \(noun(minimum))" }
        if minimum == maximum { return noun(minimum) }
        return "\(minimum) to \(maximum) arguments"
    }

    func accepts(argumentCount count: Int) -> Bool {
        let (minimum, maximum) = arity
        if count < minimum { return false }
        if let maximum, count > maximum { return false }
        return self != .switchCase || count % 2 == 0
    }
}
