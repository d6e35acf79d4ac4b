import SCIM
import TerminalUI

/// One form field's place in the record: its JSON path (whose description is also the field id, so
/// a diagnostic's path finds its field) and how typed text becomes a JSON value.
struct FieldSpec: Equatable, Sendable {
    enum Kind: Equatable, Sendable { case text, boolean, number, json }
    var path: JSONPath
    var kind: Kind
    var id: String { path.description }
}

/// Builds the user form from the attribute catalog and a record, and writes edits back.
///
/// Sections follow the catalog (Identity, Name, Contact, Job, Enterprise), then one per custom
/// extension present, then the attributes scimterm does not model, shown as JSON and kept as they
/// are unless edited.
enum UserFormFields {
    static let multiValued: [(name: String, subs: [String])] = [
        ("emails", ["value", "type", "primary"]),
        ("phoneNumbers", ["value", "type", "primary"]),
        ("addresses", ["streetAddress", "locality", "region", "postalCode", "country", "type", "primary"]),
    ]

    /// `pending` are extension attributes the operator added that have no value yet: they get a
    /// field (and their URN a section) without writing anything into the record until typed in.
    static func build(_ record: UserRecord, pending: [EntryEditing.ExtensionAttribute] = [],
                      catalog: AttributeCatalog = .standard) -> (items: [FormItem], specs: [FieldSpec]) {
        var items: [FormItem] = []
        var specs: [FieldSpec] = []
        func add(_ path: JSONPath, _ label: String, _ kind: FieldSpec.Kind, masked: Bool = false) {
            let spec = FieldSpec(path: path, kind: kind)
            specs.append(spec)
            let text = value(at: path, in: record.data).map(display) ?? ""
            items.append(.field(FormField(id: spec.id, label: label, text: text, masked: masked)))
        }
        let core = catalog.core.attributes
        func simple(_ section: String) -> [AttributeDefinition] {
            core.filter { $0.section == section && !$0.multiValued && $0.type != .complex }
        }
        items.append(.section("Identity"))
        let identity = simple("Identity").sorted { ($0.name == "externalId" ? 0 : 1) < ($1.name == "externalId" ? 0 : 1) }
        for a in identity { add(JSONPath([.key(a.name)]), a.name, kind(a), masked: a.name == "password") }
        items.append(.section("Name"))
        for sub in catalog.core.attribute("name")?.subAttributes ?? [] {
            add(JSONPath([.key("name"), .key(sub.name)]), sub.name, kind(sub))
        }
        items.append(.section("Contact"))
        for (name, subs) in multiValued {
            let count = max(1, record.data.attribute(name)?.arrayValue?.count ?? 0)
            for i in 0..<count {
                for sub in subs {
                    let label = count > 1 ? "\(name)[\(i)].\(sub)" : "\(name).\(sub)"
                    add(JSONPath([.key(name), .index(i), .key(sub)]), label, sub == "primary" ? .boolean : .text)
                }
            }
        }
        items.append(.section("Job"))
        for a in simple("Job") { add(JSONPath([.key(a.name)]), a.name, kind(a)) }
        items.append(.section("Enterprise"))
        let urn = catalog.enterprise.urn
        for a in catalog.enterprise.attributes {
            if a.type == .complex {
                add(JSONPath([.key(urn), .key(a.name), .key("value")]), a.name + ".value", .text)
            } else {
                add(JSONPath([.key(urn), .key(a.name)]), a.name, kind(a))
            }
        }
        func addExtensionMembers(_ ext: (urn: String, attributes: JSONObject)?, urn: String, skipping known: Set<String>) {
            for member in ext?.attributes.members ?? [] where !known.contains(member.key.lowercased()) {
                add(JSONPath([.key(urn), .key(member.key)]), member.key, member.value.stringValue != nil ? .text : .json)
            }
            for p in pending where p.urn.lowercased() == urn.lowercased() && ext?.attributes.attribute(p.name) == nil {
                add(JSONPath([.key(urn), .key(p.name)]), p.name, .text)
            }
        }
        let extensions = record.extensions
        let enterprise = extensions.first { $0.urn.lowercased() == urn.lowercased() }
        addExtensionMembers(enterprise.map { ($0.urn, $0.attributes) }, urn: enterprise?.urn ?? urn,
                            skipping: Set(catalog.enterprise.attributes.map { $0.name.lowercased() }))
        var customURNs = extensions.map(\.urn).filter { $0.lowercased() != urn.lowercased() }
        for p in pending where !customURNs.contains(where: { $0.lowercased() == p.urn.lowercased() }) && p.urn.lowercased() != urn.lowercased() {
            customURNs.append(p.urn)
        }
        for custom in customURNs {
            items.append(.section(custom))
            let ext = extensions.first { $0.urn == custom }
            addExtensionMembers(ext.map { ($0.urn, $0.attributes) }, urn: custom, skipping: [])
        }
        let kept = keptAttributes(record, catalog: catalog)
        if !kept.isEmpty {
            items.append(.section("Other attributes (kept as they are; edit as JSON)"))
            for key in kept { add(JSONPath([.key(key)]), key, .json) }
        }
        return (items, specs)
    }

    /// Top-level members the form has no field for: unknown attributes, and modelled ones with no
    /// field (groups, roles, ims…). They are shown so nobody wonders where they went.
    static func keptAttributes(_ record: UserRecord, catalog: AttributeCatalog) -> [String] {
        let fielded = Set((catalog.core.attributes.filter { !$0.multiValued && $0.type != .complex }.map(\.name)
            + ["name", "schemas"] + multiValued.map(\.name)).map { $0.lowercased() })
        return record.data.members.map(\.key).filter { key in
            !fielded.contains(key.lowercased()) && !SCIMSchema.isExtensionKey(key)
        }
    }

    static func kind(_ a: AttributeDefinition) -> FieldSpec.Kind {
        switch a.type {
        case .boolean: return .boolean
        case .integer, .decimal: return .number
        case .complex: return .json
        default: return .text
        }
    }

    static func display(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        default: return JSONWriter.compact.string(value)
        }
    }

    /// The JSON a field's text stands for; nil (remove the attribute) when the text is empty.
    /// Text that does not fit the type is kept as a string so validation can say what is wrong.
    static func parse(_ text: String, kind: FieldSpec.Kind) -> JSONValue? {
        if text.isEmpty { return nil }
        switch kind {
        case .text: return .string(text)
        case .boolean:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .string(text)
            }
        case .number: return JSONNumber(parsing: text).map { .number($0) } ?? .string(text)
        case .json: return (try? JSONParser.parse(text)) ?? .string(text)
        }
    }

    /// Reads a value, matching keys case-insensitively as SCIM does.
    static func value(at path: JSONPath, in object: JSONObject) -> JSONValue? {
        var current: JSONValue = .object(object)
        for component in path.components {
            switch component {
            case .key(let k):
                guard let next = current.objectValue?.attribute(k) else { return nil }
                current = next
            case .index(let i):
                guard let array = current.arrayValue, i < array.count else { return nil }
                current = array[i]
            }
        }
        return current
    }
}
