/// A path to a value inside a JSON document, e.g. `Operations[3].data.emails[0].type`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    public static let root = JSONPath()

    public func appending(_ key: String) -> JSONPath { appending(component: .key(key)) }
    public func appending(index: Int) -> JSONPath { appending(component: .index(index)) }
    public func appending(_ other: JSONPath) -> JSONPath { JSONPath(components + other.components) }

    /// One allocation, at the exact size (`components + [c]` made two: the literal, then the sum).
    private func appending(component: Component) -> JSONPath {
        var longer: [Component] = []
        longer.reserveCapacity(components.count + 1)
        longer += components
        longer.append(component)
        return JSONPath(longer)
    }

    public var description: String {
        var out = ""
        for c in components {
            switch c {
            case .index(let i): out += "[\(i)]"
            case .key(let k) where JSONPath.isPlainName(k):
                out += out.isEmpty ? k : "." + k
            case .key(let k): out += "[\"\(k)\"]"
            }
        }
        return out.isEmpty ? "$" : out
    }

    public static func < (a: JSONPath, b: JSONPath) -> Bool { a.description < b.description }

    private static func isPlainName(_ k: String) -> Bool {
        !k.isEmpty && k.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "$")
        }
    }

    /// The value at this path, if every step exists (object keys matched exactly).
    public func resolve(in value: JSONValue) -> JSONValue? {
        var current = value
        for c in components {
            switch (c, current) {
            case (.key(let k), .object(let o)):
                guard let next = o[k] else { return nil }
                current = next
            case (.index(let i), .array(let a)):
                guard a.indices.contains(i) else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }
}
