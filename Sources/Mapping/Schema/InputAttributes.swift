import Foundation
import SCIM

/// The attributes an input carries, named as the job's schema names the API's attributes
/// (`name.givenName`, `emails[type eq "work"].value`, `urn:…:contoso:1.0:User:badgeId`), in first-seen
/// order, each with the Graph attribute type its values suggest. Fed one user (or one CSV header)
/// at a time, so a big payload is never held whole: only the names are kept.
public struct InputAttributes: Sendable, Equatable {
    public struct Attribute: Sendable, Equatable {
        public var name: String
        /// Graph's attributeType as the values read so far suggest: String unless every value was
        /// a Boolean (or every one an integer).
        public var type: String

        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    public private(set) var attributes: [Attribute] = []
    private var index: [String: Int] = [:]

    public init() {}

    public var names: [String] { attributes.map(\.name) }

    /// Sub-attributes that qualify a multi-valued element rather than carry a value.
    private static let qualifiers: Set<String> = ["type", "primary", "display"]
    private static let envelope: Set<String> = ["schemas", "id", "meta"]

    /// Adds every attribute one SCIM user carries.
    public mutating func add(record: JSONObject) {
        for member in record.members where !Self.envelope.contains(member.key.lowercased()) {
            let key = member.key
            if key.lowercased().hasPrefix("urn:"), let object = member.value.objectValue {
                let core = key.caseInsensitiveCompare(SCIMSchema.user) == .orderedSame
                for sub in object.members { nested(core ? sub.key : "\(key):\(sub.key)", sub.value) }
            } else {
                nested(key, member.value)
            }
        }
    }

    /// Adds the SCIM paths a CSV's columns land on: each assignment of the mapping (or, without
    /// one, the columns named like SCIM paths), and the other named columns under `remainingURN`,
    /// as `convert --extension-urn` would send them.
    public mutating func add(csvHeader header: [String], mapping: CSVMapping?, remainingURN: String?,
                             catalog: AttributeCatalog = .standard) {
        let effective = mapping ?? CSVMapping.selfNaming(header: header, catalog: catalog).mapping
        for assignment in effective.assignments {
            var type = "String"
            if case .rule = assignment.source { type = "Boolean" }
            if case .constant(let value) = assignment.source { type = Self.graphType(of: value) ?? "String" }
            note(assignment.path.description, type)
        }
        guard let urn = effective.remainingExtension ?? remainingURN else { return }
        let read = Set(effective.columns.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        for column in header where !column.isEmpty && !read.contains(column.trimmingCharacters(in: .whitespaces).lowercased()) {
            note("\(urn):\(column)", "String")
        }
    }

    private mutating func nested(_ name: String, _ value: JSONValue) {
        switch value {
        case .object(let object):
            for sub in object.members { note("\(name).\(sub.key)", Self.graphType(of: sub.value)) }
        case .array(let elements) where elements.contains(where: { $0.objectValue != nil }):
            for element in elements {
                guard let object = element.objectValue else { continue }
                let filter = object.attribute("type")?.stringValue.map { "[type eq \"\($0)\"]" } ?? ""
                for sub in object.members where !Self.qualifiers.contains(sub.key.lowercased()) {
                    note("\(name)\(filter).\(sub.key)", Self.graphType(of: sub.value))
                }
            }
        default:
            note(name, Self.graphType(of: value))
        }
    }

    /// Records a name; a later value of another type makes it a String (what Entra takes of anything).
    private mutating func note(_ name: String, _ type: String?) {
        let key = name.lowercased()
        guard let i = index[key] else {
            index[key] = attributes.count
            attributes.append(Attribute(name: name, type: type ?? "String"))
            return
        }
        if let type, attributes[i].type != type { attributes[i].type = "String" }
    }

    /// nil for null (it says nothing about the type).
    static func graphType(of value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .bool: return "Boolean"
        case .number(let n): return n.intValue != nil ? "Integer" : "String"
        case .array(let items): return items.lazy.compactMap(graphType(of:)).first ?? nil
        default: return "String"
        }
    }
}
