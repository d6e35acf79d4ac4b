/// IIF, Switch, Coalesce, IgnoreFlowIfNullOrEmpty and the tests (IsNull, IsPresent, Not, CBool …).
extension Evaluator {
    mutating func condition(_ function: ExpressionFunction, _ arguments: Arguments) throws -> ExpressionValue {
        switch function {
        case .iif: return try iif(arguments)
        case .switchCase: return try switchCase(arguments)
        case .coalesce: return try coalesce(arguments)
        case .ignoreFlowIfNullOrEmpty:
            let value = try value(arguments, 0)
            if value.isNullOrEmpty { ignored = true }
            return value
        case .isNull: return .boolean(try value(arguments, 0).isNull)
        case .isNullOrEmpty: return .boolean(try value(arguments, 0).isNullOrEmpty)
        case .isPresent: return .boolean(!(try value(arguments, 0).isNullOrEmpty))
        case .isString:
            if case .string = try value(arguments, 0) { return .true }
            return .false
        case .not: return .boolean(!(try value(arguments, 0).isTrue))
        default: return try cBool(arguments)
        }
    }

    /// "If the expression evaluates to a non-zero value, then CBool returns True, else False."
    private mutating func cBool(_ arguments: Arguments) throws -> ExpressionValue {
        let value = try value(arguments, 0)
        guard let text = value.text?.trimmingSpaces, !text.isEmpty else { return .false }
        let lowered = text.lowercased()
        if lowered == "true" || lowered == "false" || Double(text) != nil { return .boolean(value.isTrue) }
        throw arguments.failure("CBool: \"\(text)\" is neither a number nor True/False")
    }

    /// Microsoft documents that IIF's condition check fails when an attribute it reads is null or
    /// empty (IIF([country]="",…) is "unsupported"); we fail the same way, naming the workaround.
    private mutating func iif(_ arguments: Arguments) throws -> ExpressionValue {
        let condition = arguments[0]
        if case .call(.ignoreFlowIfNullOrEmpty, _, _) = condition {
            throw arguments.failure(
                "IIF: IgnoreFlowIfNullOrEmpty is a flow-control wrapper, not a condition; wrap the whole IIF in it instead")
        }
        for reference in condition.attributeReferences where context.attributes.value(of: reference).isNullOrEmpty {
            throw arguments.failure(
                "IIF: the condition reads [\(reference.name)], which is null or empty, so Entra's condition check fails; "
                    + "use Switch([\(reference.name)], [\(reference.name)], \"\", \"default\") to test for a missing value")
        }
        let result = try evaluate(condition)
        guard !result.isNull else { throw arguments.failure("IIF: the condition has no value") }
        return try evaluate(arguments[result.isTrue ? 1 : 2])
    }

    /// Switch(source, defaultValue, key1, value1, …): a case-sensitive match; an absent source
    /// matches the key "" (Microsoft's documented test for a missing value).
    private mutating func switchCase(_ arguments: Arguments) throws -> ExpressionValue {
        let source = try string(arguments, 0) ?? ""
        var index = 2
        while index + 1 < arguments.count {
            if (try string(arguments, index) ?? "") == source { return try value(arguments, index + 1) }
            index += 2
        }
        return try value(arguments, 1)
    }

    /// The first argument that is not null; the last one doubles as the default value.
    private mutating func coalesce(_ arguments: Arguments) throws -> ExpressionValue {
        for index in 0..<arguments.count {
            let value = try value(arguments, index)
            if !value.isNull { return value }
        }
        return .null
    }
}
