import Foundation

/// Multi-valued and encoding functions: Split, Count, Item, RemoveDuplicates, ConvertToBase64,
/// ConvertToUTF8Hex, BitAnd.
extension Evaluator {
    mutating func collection(_ function: ExpressionFunction, _ arguments: Arguments) throws -> ExpressionValue {
        switch function {
        case .split: return try split(arguments)
        case .count: return .string(String(try value(arguments, 0).all.count))
        case .item:
            let values = try value(arguments, 0).all
            let index = try integer(arguments, 1, .item, "index") ?? 0
            return index >= 1 && index <= values.count ? .string(values[index - 1]) : .null
        case .removeDuplicates:
            var seen = Set<String>()
            let value = try value(arguments, 0)
            if case .string = value { return value }
            return .values(value.all.filter { seen.insert($0).inserted })
        case .convertToBase64:
            return try value(arguments, 0).map { text in
                let utf16 = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                return Data(utf16).base64EncodedString()
            }
        case .convertToUTF8Hex:
            return try value(arguments, 0).map { text in
                text.utf8.map { byte in
                    let digits = String(byte, radix: 16, uppercase: true)
                    return digits.count == 1 ? "0" + digits : digits
                }.joined()
            }
        default: return try bitAnd(arguments)
        }
    }

    /// Microsoft's example splits "PermissionSetOne, PermissionSetTwo" on "," into
    /// ["PermissionSetOne", "PermissionSetTwo"]: the spaces around each piece go.
    private mutating func split(_ arguments: Arguments) throws -> ExpressionValue {
        guard let text = try string(arguments, 0) else { return .null }
        let delimiter = try string(arguments, 1) ?? ""
        guard !delimiter.isEmpty else { return .multi([text]) }
        return .multi(text.components(separatedBy: delimiter).map(\.trimmingSpaces))
    }

    private mutating func bitAnd(_ arguments: Arguments) throws -> ExpressionValue {
        guard let first = try integer(arguments, 0, .bitAnd, "value1"),
            let second = try integer(arguments, 1, .bitAnd, "value2")
        else { return .null }
        return .string(String(first & second))
    }
}
