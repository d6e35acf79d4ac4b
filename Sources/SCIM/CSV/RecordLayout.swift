/// The shape of the JSON every row becomes, built once from the mapping: which value slot feeds which
/// key of which object. A row fills an array of slots and `build` assembles its objects in one pass,
/// with no key lookups and no copy-on-write of half-built objects; that is most of what makes 100,000
/// rows convert in a fraction of a second.
struct RecordLayout: Sendable {
    struct Object: Sendable {
        var members: [Member] = []

        func index(of key: String) -> Int? {
            members.firstIndex { $0.key.caseInsensitiveEquals(key) }
        }
    }

    struct Member: Sendable {
        var key: String
        var content: Content
        /// An extension object whose URN goes into `schemas` when present: decided once, not per row.
        var listedInSchemas = false
        /// `"key":` as JSON bytes, made once: every row writes the same keys.
        let keyJSON: [UInt8]

        init(key: String, content: Content) {
            self.key = key
            self.content = content
            var bytes: [UInt8] = []
            JSONWriter.writeString(key, &bytes)
            bytes.append(UInt8(ascii: ":"))
            keyJSON = bytes
            if case .object = content, SCIMSchema.isExtensionKey(key) {
                listedInSchemas = !key.caseInsensitiveEquals(SCIMSchema.user) && !key.caseInsensitiveEquals(SCIMSchema.enterpriseUser)
            }
        }
    }

    enum Content: Sendable {
        case value(slot: Int)
        /// A complex attribute or an extension object.
        case object(Object)
        /// A multi-valued attribute: one element per filter (`[type eq "work"]`), in mapping order.
        case elements([Element])
    }

    struct Element: Sendable {
        var key: String
        var value: JSONValue
        var object: Object
    }

    /// One level on the way from the record to a value.
    enum Step {
        case object(String)
        case element(attribute: String, key: String, value: JSONValue)
    }

    private(set) var root = Object()
    private(set) var slotCount = 0

    /// The slot that feeds `path`, creating its containers; the same path always gets the same slot.
    /// Nil when the path clashes with an earlier one (`name` as a value and `name.givenName`).
    mutating func slot(for path: ResolvedPath) -> Int? {
        var steps: [Step] = path.urn.map { [.object($0)] } ?? []
        let leaf: String
        if let (key, value) = path.element {
            steps.append(.element(attribute: path.attribute, key: key, value: value))
            leaf = path.subAttribute ?? "value"
        } else if let sub = path.subAttribute {
            steps.append(.object(path.attribute))
            leaf = sub
        } else {
            leaf = path.attribute
        }
        return slot(steps: steps, leaf: leaf)
    }

    /// The slot for a key reached through `steps`; used as is for "remaining columns" keys, which are
    /// column names rather than attribute paths.
    mutating func slot(steps: [Step], leaf: String) -> Int? {
        let slot = Self.place(steps[...], leaf: leaf, in: &root, newSlot: slotCount)
        if slot == slotCount { slotCount += 1 }
        return slot
    }

    private static func place(_ steps: ArraySlice<Step>, leaf: String, in object: inout Object, newSlot: Int) -> Int? {
        guard let step = steps.first else {
            guard let i = object.index(of: leaf) else {
                object.members.append(Member(key: leaf, content: .value(slot: newSlot)))
                return newSlot
            }
            if case .value(let slot) = object.members[i].content { return slot }
            return nil
        }
        let rest = steps.dropFirst()
        switch step {
        case .object(let key):
            let i = object.index(of: key)
            var child = Object()
            if let i {
                guard case .object(let existing) = object.members[i].content else { return nil }
                child = existing
            }
            guard let slot = place(rest, leaf: leaf, in: &child, newSlot: newSlot) else { return nil }
            if let i { object.members[i].content = .object(child) } else { object.members.append(Member(key: key, content: .object(child))) }
            return slot
        case .element(let attribute, let key, let value):
            let i = object.index(of: attribute)
            var elements: [Element] = []
            if let i {
                guard case .elements(let existing) = object.members[i].content else { return nil }
                elements = existing
            }
            let e = elements.firstIndex { $0.key.caseInsensitiveEquals(key) && ResolvedPath.same($0.value, value) }
            var element = e.map { elements[$0] } ?? Element(key: key, value: value, object: Object())
            guard let slot = place(rest, leaf: leaf, in: &element.object, newSlot: newSlot) else { return nil }
            if let e { elements[e] = element } else { elements.append(element) }
            if let i { object.members[i].content = .elements(elements) } else { object.members.append(Member(key: attribute, content: .elements(elements))) }
            return slot
        }
    }

    /// The record's JSON for one row's slot values, `schemas` first; objects and elements with no
    /// value are left out.
    ///
    /// `schemas` lists what `UserRecord.expectedSchemas` would (core, enterprise, then each extension
    /// object present, in order), computed from the layout rather than by rescanning the record.
    func buildRecord(_ slots: [JSONValue?]) -> JSONObject {
        var members: [JSONObject.Member] = [("schemas", .null)]
        members.reserveCapacity(root.members.count + 1)
        var schemas: [JSONValue] = [.string(SCIMSchema.user), .string(SCIMSchema.enterpriseUser)]
        for member in root.members {
            guard let value = Self.build(member, slots) else { continue }
            members.append((member.key, value))
            if member.listedInSchemas { schemas.append(.string(member.key)) }
        }
        members[0].value = .array(schemas)
        return JSONObject(members)
    }

    private static func build(_ member: Member, _ slots: [JSONValue?]) -> JSONValue? {
        switch member.content {
        case .value(let slot):
            return slots[slot]
        case .object(let child):
            return build(child, slots, first: nil).map(JSONValue.object)
        case .elements(let elements):
            var items: [JSONValue] = []
            for element in elements {
                if let built = build(element.object, slots, first: (element.key, element.value)) { items.append(.object(built)) }
            }
            return items.isEmpty ? nil : .array(items)
        }
    }

    private static func build(_ object: Object, _ slots: [JSONValue?], first: JSONObject.Member?) -> JSONObject? {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(object.members.count + 1)
        if let first { members.append(first) }
        for member in object.members {
            if let value = build(member, slots) { members.append((member.key, value)) }
        }
        return members.count > (first == nil ? 0 : 1) ? JSONObject(members) : nil
    }
}

extension RecordLayout {
    /// The record's top-level members, in mapping order.
    var rootMembers: [Member] { root.members }

    /// The slot of the top-level `externalId`, for bulkIds chosen before a record is written.
    var externalIdSlot: Int? {
        for m in root.members where m.key == "externalId" {
            if case .value(let slot) = m.content { return slot }
        }
        return nil
    }

    /// Writes the record's compact JSON straight from the slots: byte for byte what
    /// `JSONWriter.compact` makes of `buildRecord(slots)`, without building it.
    func writeRecord(_ slots: [JSONValue?], into out: inout [UInt8]) {
        out.append(contentsOf: #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#.utf8)
        for member in root.members where member.listedInSchemas && Self.hasValue(member.content, slots) {
            out.append(UInt8(ascii: ","))
            JSONWriter.writeString(member.key, &out)
        }
        out.append(UInt8(ascii: "]"))
        for member in root.members where Self.hasValue(member.content, slots) {
            out.append(UInt8(ascii: ","))
            Self.write(member, slots, &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func hasValue(_ content: Content, _ slots: [JSONValue?]) -> Bool {
        switch content {
        case .value(let slot): return slots[slot] != nil
        case .object(let o): return o.members.contains { hasValue($0.content, slots) }
        case .elements(let es): return es.contains { e in e.object.members.contains { hasValue($0.content, slots) } }
        }
    }

    private static func write(_ member: Member, _ slots: [JSONValue?], _ out: inout [UInt8]) {
        out.append(contentsOf: member.keyJSON)
        switch member.content {
        case .value(let slot):
            if let value = slots[slot] { JSONWriter.compact.write(value, into: &out) }
        case .object(let o):
            write(o, first: nil, slots, &out)
        case .elements(let elements):
            out.append(UInt8(ascii: "["))
            var firstElement = true
            for e in elements where e.object.members.contains(where: { hasValue($0.content, slots) }) {
                if !firstElement { out.append(UInt8(ascii: ",")) }
                firstElement = false
                write(e.object, first: (e.key, e.value), slots, &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    private static func write(_ object: Object, first: JSONObject.Member?, _ slots: [JSONValue?], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var separator = false
        if let first {
            JSONWriter.writeString(first.key, &out)
            out.append(UInt8(ascii: ":"))
            JSONWriter.compact.write(first.value, into: &out)
            separator = true
        }
        for member in object.members where hasValue(member.content, slots) {
            if separator { out.append(UInt8(ascii: ",")) }
            separator = true
            write(member, slots, &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
