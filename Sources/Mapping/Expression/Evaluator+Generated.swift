/// Functions whose value does not come from the record: Guid, RandomString, DefaultDomain,
/// SelectUniqueValue (asks the target directory), Redact, and the app-role functions.
extension Evaluator {
    mutating func generated(_ function: ExpressionFunction, _ arguments: Arguments) throws -> ExpressionValue {
        switch function {
        case .guid: return .string(context.guid().uuidString.lowercased())
        case .randomString: return try randomString(arguments)
        case .redact:
            redacted = true
            return try value(arguments, 0)
        case .defaultDomain:
            guard let domain = context.defaultDomain else {
                throw arguments.failure("DefaultDomain: the tenant has no default verified domain (none was given)")
            }
            return .string(domain)
        case .selectUniqueValue: return try selectUniqueValue(arguments)
        case .singleAppRoleAssignment:
            let roles = try value(arguments, 0).all
            guard roles.count <= 1 else {
                throw arguments.failure("SingleAppRoleAssignment: the user has \(roles.count) app role assignments; it supports one")
            }
            return roles.first.map(ExpressionValue.string) ?? .null
        default:
            throw arguments.failure(
                "AppRoleAssignmentsComplex is not supported here: it reads Entra app role assignments, which an API-driven inbound source does not have")
        }
    }

    /// The first rule whose value the target directory does not hold yet; all taken escrows the entry.
    private mutating func selectUniqueValue(_ arguments: Arguments) throws -> ExpressionValue {
        var tried: [String] = []
        for index in 0..<arguments.count {
            guard let candidate = try string(arguments, index), !candidate.isEmpty else { continue }
            if !context.isValueTaken(candidate) { return .string(candidate) }
            tried.append(candidate)
        }
        throw arguments.failure("SelectUniqueValue: every candidate already exists (\(tried.joined(separator: ", "))); Entra escrows the entry")
    }

    /// The special characters of Windows' password complexity rule, which Microsoft's page points to.
    static let specialCharacters = Array("~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/")

    private mutating func randomString(_ arguments: Arguments) throws -> ExpressionValue {
        let names = ["Length", "MinimumNumbers", "MinimumSpecialCharacters", "MinimumCapital", "MinimumLowerCase"]
        var numbers: [Int] = []
        for (index, name) in names.enumerated() {
            numbers.append(try integer(arguments, index, .randomString, name) ?? 0)
        }
        let avoid = Set(try string(arguments, 5) ?? "")
        let length = numbers[0]
        guard (1...256).contains(length), numbers.dropFirst().allSatisfy({ (0...256).contains($0) }),
            numbers.dropFirst().reduce(0, +) <= length
        else {
            throw arguments.failure("RandomString: Length must be 1 to 256 and at least the sum of the minimums")
        }
        let classes = [Array("0123456789"), Self.specialCharacters, Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                       Array("abcdefghijklmnopqrstuvwxyz")].map { $0.filter { !avoid.contains($0) } }
        var characters: [Character] = []
        for (pool, minimum) in zip(classes, numbers.dropFirst()) where minimum > 0 {
            guard !pool.isEmpty else { throw arguments.failure("RandomString: CharactersToAvoid leaves nothing to draw from") }
            for _ in 0..<minimum { characters.append(pool[context.random.next(below: pool.count)]) }
        }
        let everything = classes.flatMap { $0 }
        guard !everything.isEmpty else { throw arguments.failure("RandomString: CharactersToAvoid leaves nothing to draw from") }
        while characters.count < length { characters.append(everything[context.random.next(below: everything.count)]) }
        for index in stride(from: characters.count - 1, to: 0, by: -1) {
            characters.swapAt(index, context.random.next(below: index + 1))
        }
        return .string(String(characters))
    }
}
