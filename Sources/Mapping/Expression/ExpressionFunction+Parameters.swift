/// Parameter names as Microsoft's reference tables spell them, in lower camel case as Graph's
/// attributeMappingSource example writes them (`Mid` → source, start, length).
extension ExpressionFunction {
    /// The name of the argument at `index` of a call with `count` arguments.
    func parameterName(at index: Int, of count: Int) -> String {
        switch self {
        case .coalesce, .join, .selectUniqueValue: return repeating(index)
        case .switchCase:
            if index < 2 { return index == 0 ? "source" : "defaultValue" }
            return (index % 2 == 0 ? "key" : "value") + String((index - 2) / 2 + 1)
        case .formatDateTime where count == 3:
            return ["source", "inputFormat", "outputFormat"][index]
        default:
            let names = fixedParameters
            return index < names.count ? names[index] : "parameter\(index + 1)"
        }
    }

    private func repeating(_ index: Int) -> String {
        switch self {
        case .join: return index == 0 ? "separator" : "source\(index)"
        case .selectUniqueValue: return "uniqueValueRule\(index + 1)"
        default: return "source\(index + 1)"
        }
    }

    private var fixedParameters: [String] {
        switch self {
        case .append: return ["source", "suffix"]
        case .appRoleAssignmentsComplex, .singleAppRoleAssignment: return ["appRoleAssignments"]
        case .bitAnd: return ["value1", "value2"]
        case .cBool, .cDate, .ignoreFlowIfNullOrEmpty, .isNull, .isNullOrEmpty, .isPresent, .isString: return ["expression"]
        case .convertToBase64, .convertToUTF8Hex, .normalizeDiacritics, .not, .stripSpaces: return ["source"]
        case .count, .removeDuplicates: return ["attribute"]
        case .cStr, .dateFromNum, .numFromDate, .redact: return ["value"]
        case .dateAdd: return ["interval", "value", "dateTime"]
        case .dateDiff: return ["interval", "date1", "date2"]
        case .formatDateTime: return ["source", "dateTimeStyles", "inputFormat", "outputFormat"]
        case .iif: return ["condition", "valueIfTrue", "valueIfFalse"]
        case .inStr: return ["value1", "value2", "start", "compareType"]
        case .item: return ["attribute", "index"]
        case .left: return ["string", "numChars"]
        case .len: return ["string"]
        case .mid: return ["source", "start", "length"]
        case .pCase: return ["source", "wordSeparators"]
        case .randomString:
            return ["length", "minimumNumbers", "minimumSpecialCharacters", "minimumCapital", "minimumLowerCase",
                    "charactersToAvoid"]
        case .replace:
            return ["source", "oldValue", "regexPattern", "regexGroupName", "replacementValue",
                    "replacementAttributeName", "template"]
        case .split: return ["source", "delimiter"]
        case .toLower, .toUpper: return ["source", "culture"]
        case .word: return ["string", "wordNumber", "delimiters"]
        case .coalesce, .join, .selectUniqueValue, .switchCase, .defaultDomain, .guid, .now: return []
        }
    }
}
