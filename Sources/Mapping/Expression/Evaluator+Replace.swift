import Foundation

/// Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName,
/// template): which form applies depends on which arguments are given (Microsoft's reference lists five).
extension Evaluator {
    mutating func replace(_ arguments: Arguments) throws -> ExpressionValue {
        let source = try value(arguments, 0)
        if arguments.isGiven(1) {
            let old = try string(arguments, 1) ?? ""
            if arguments.isGiven(6) {
                let template = try string(arguments, 6) ?? ""
                return source.map { replacing(old, in: template, with: $0) }
            }
            let replacement = try string(arguments, 4) ?? ""
            return source.map { replacing(old, in: $0, with: replacement) }
        }
        guard arguments.isGiven(2), let pattern = try string(arguments, 2) else {
            throw arguments.failure("Replace: give oldValue (2nd argument) or regexPattern (3rd argument)")
        }
        let regex = try compile(pattern, arguments)
        let group = arguments.isGiven(3) ? try string(arguments, 3) : nil
        if let group, arguments.isGiven(5) {
            if !source.isNullOrEmpty { return source }
            guard let other = try string(arguments, 5) else { return .null }
            return RegexReplacement.groupValue(regex, group, in: other).map(ExpressionValue.string) ?? .null
        }
        let replacement = try string(arguments, 4) ?? ""
        if let group {
            return source.map { RegexReplacement.replaceGroup(regex, group, in: $0, with: replacement) }
        }
        return source.map { RegexReplacement.replace(regex, in: $0, template: replacement) }
    }

    private func replacing(_ old: String, in text: String, with new: String) -> String {
        old.isEmpty ? text : text.replacingOccurrences(of: old, with: new)
    }

    private func compile(_ pattern: String, _ arguments: Arguments) throws -> NSRegularExpression {
        do {
            return try RegexCache.shared.regex(pattern)
        } catch {
            throw arguments.failure("Replace: \"\(pattern)\" is not a valid regular expression")
        }
    }
}

/// .NET's Regex.Replace semantics on NSRegularExpression: `${name}`, `$1`, `$&` and `$$` in the
/// replacement; every match replaced, empty matches included (`[a-zA-Z_]*` on "john_doe72" gives "72").
enum RegexReplacement {
    static func replace(_ regex: NSRegularExpression, in text: String, template: String) -> String {
        let source = text as NSString
        var result = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            result += substitute(template, match, source)
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }

    /// Replaces only the named group's text in each match.
    static func replaceGroup(_ regex: NSRegularExpression, _ group: String, in text: String, with replacement: String) -> String {
        let source = text as NSString
        var result = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let range = match.range(withName: group)
            guard range.location != NSNotFound, range.location >= last else { continue }
            result += source.substring(with: NSRange(location: last, length: range.location - last)) + replacement
            last = range.location + range.length
        }
        return result + source.substring(from: last)
    }

    static func groupValue(_ regex: NSRegularExpression, _ group: String, in text: String) -> String? {
        let source = text as NSString
        guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: source.length)) else { return nil }
        let range = match.range(withName: group)
        return range.location == NSNotFound ? nil : source.substring(with: range)
    }

    private static func substitute(_ template: String, _ match: NSTextCheckingResult, _ source: NSString) -> String {
        let characters = Array(template)
        var result = ""
        var i = 0
        while i < characters.count {
            guard characters[i] == "$", i + 1 < characters.count else {
                result.append(characters[i]); i += 1; continue
            }
            let next = characters[i + 1]
            if next == "$" {
                result += "$"; i += 2
            } else if next == "&" {
                result += source.substring(with: match.range); i += 2
            } else if next == "{", let close = characters[(i + 2)...].firstIndex(of: "}") {
                let name = String(characters[(i + 2)..<close])
                result += group(name, match, source); i = close + 1
            } else if next.isASCII, next.isNumber {
                var end = i + 1
                while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                result += group(String(characters[(i + 1)..<end]), match, source); i = end
            } else {
                result.append("$"); i += 1
            }
        }
        return result
    }

    private static func group(_ name: String, _ match: NSTextCheckingResult, _ source: NSString) -> String {
        let range: NSRange
        if let number = Int(name) {
            guard number < match.numberOfRanges else { return "" }
            range = match.range(at: number)
        } else {
            range = match.range(withName: name)
        }
        return range.location == NSNotFound ? "" : source.substring(with: range)
    }
}
