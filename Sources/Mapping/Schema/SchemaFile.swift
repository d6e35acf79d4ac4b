import Foundation

/// Reading and writing a schema as JSON: Graph's answer, the portal's "download schema" file and
/// `scimterm schema pull`'s output are one shape.
extension SynchronizationSchema {
    public struct DecodeError: Error, Sendable, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Decodes a schema, or says in a person's words what is wrong with it.
    public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> SynchronizationSchema {
        let schema: SynchronizationSchema
        do {
            schema = try JSONDecoder().decode(SynchronizationSchema.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw DecodeError(description: Self.explain(error))
        } catch {
            throw DecodeError(description: "not a synchronizationSchema: \(error)")
        }
        guard !schema.directories.isEmpty || !schema.synchronizationRules.isEmpty else {
            throw DecodeError(description: "not a synchronizationSchema: it has neither directories nor synchronizationRules")
        }
        return schema
    }

    /// Reads a schema file (`--schema FILE`).
    public static func load(path: String) throws(DecodeError) -> SynchronizationSchema {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DecodeError(description: "\(path): cannot read the file")
        }
        do {
            return try decode(Array(data))
        } catch {
            throw DecodeError(description: "\(path): \(error.description)")
        }
    }

    /// Pretty, with sorted keys, so two pulls of the same schema are the same bytes.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every member is a string, number, bool, array or object: encoding cannot fail.
        return (try? Array(encoder.encode(self))) ?? Array("{}".utf8)
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "the top level" : String(p.drop { $0 == "." })
        }
        switch error {
        case .dataCorrupted(let c) where c.codingPath.isEmpty:
            return "not valid JSON (\(c.underlyingError.map { "\($0)" } ?? c.debugDescription))"
        case .dataCorrupted(let c):
            return "\(path(c)): \(c.debugDescription)"
        case .keyNotFound(let key, let c):
            return "\(path(c)): missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let c):
            return "\(path(c)): expected \(Self.typeName(type))"
        case .valueNotFound(let type, let c):
            return "\(path(c)): expected \(Self.typeName(type)), found null"
        @unknown default:
            return "not a synchronizationSchema: \(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a number"
        default: return String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
