/// Where a walk is inside a JSON value: the member or element position taken at each level.
///
/// Pushing an index costs nothing, where building a `JSONPath` for every value visited copied its
/// key strings and allocated arrays; the path is made only for the rare value with a problem.
struct PositionTrail {
    private var positions: [Int] = []

    mutating func push(_ position: Int) { positions.append(position) }
    mutating func pop() { positions.removeLast() }

    /// The path these positions lead to from `root`, spelled with the payload's own keys.
    func path(from root: JSONValue) -> JSONPath {
        var components: [JSONPath.Component] = []
        components.reserveCapacity(positions.count)
        var value = root
        for position in positions {
            switch value {
            case .object(let o):
                components.append(.key(o.members[position].key))
                value = o.members[position].value
            case .array(let items):
                components.append(.index(position))
                value = items[position]
            default:
                preconditionFailure("a trail position below a scalar")
            }
        }
        return JSONPath(components)
    }
}
