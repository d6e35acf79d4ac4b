/// `RecordLayout.writeRecord` compiled once per mapping for rows of `SlotValue`s: every key, the
/// `"type":"work"` of each element and each constant are JSON bytes made before the first row, and
/// each object knows the slots beneath it, so a row is written with copies and one escape per cell.
/// Its bytes equal `JSONWriter.compact` of `RecordLayout.buildRecord` (a test holds them together).
struct RecordByteWriter: Sendable {
    indirect enum Node: Sendable {
        case value(key: [UInt8], slot: Int)
        /// `key` then `{…}`; an element of a multi-valued attribute has no key and opens with `first`.
        case object(key: [UInt8], first: [UInt8]?, children: [Node], slots: [Int])
        case elements(key: [UInt8], [Node], slots: [Int])

        var slots: [Int] {
            switch self {
            case .value(_, let slot): return [slot]
            case .object(_, _, _, let slots), .elements(_, _, let slots): return slots
            }
        }
    }

    private let root: [Node]
    /// `,"urn…"` for each extension object listed in `schemas` when present, with its slots.
    private let listed: [(json: [UInt8], slots: [Int])]
    /// JSON of each plan step's constant, by step index (empty for the other steps).
    private let constants: [[UInt8]]

    static let recordHead = Array(#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#.utf8)

    init(_ plan: CSVPlan) {
        root = plan.layout.rootMembers.map(Self.node)
        listed = zip(plan.layout.rootMembers, root).filter { $0.0.listedInSchemas }.map { member, node in
            var json: [UInt8] = [UInt8(ascii: ",")]
            JSONWriter.writeString(member.key, &json)
            return (json, node.slots)
        }
        constants = plan.steps.map { step in
            guard case .constant(let value) = step.source else { return [] }
            return JSONWriter.compact.bytes(value)
        }
    }

    private static func node(_ member: RecordLayout.Member) -> Node {
        switch member.content {
        case .value(let slot):
            return .value(key: member.keyJSON, slot: slot)
        case .object(let object):
            return objectNode(member.keyJSON, object, first: nil)
        case .elements(let elements):
            let nodes = elements.map { e -> Node in
                var first: [UInt8] = []
                JSONWriter.writeString(e.key, &first)
                first.append(UInt8(ascii: ":"))
                JSONWriter.compact.write(e.value, into: &first)
                return objectNode([], e.object, first: first)
            }
            return .elements(key: member.keyJSON, nodes, slots: nodes.flatMap(\.slots))
        }
    }

    private static func objectNode(_ key: [UInt8], _ object: RecordLayout.Object, first: [UInt8]?) -> Node {
        let children = object.members.map(node)
        return .object(key: key, first: first, children: children, slots: children.flatMap(\.slots))
    }

    /// The record's compact JSON for one row, `schemas` first; objects and elements with no value
    /// are left out. `typed` holds the row's typed cells; `row` reads its fields.
    func write(_ slots: [SlotValue], typed: [UInt8], row: CSVScanner, into out: inout [UInt8]) {
        let context = Context(slots: slots, typed: typed, row: row, constants: constants)
        out.append(contentsOf: Self.recordHead)
        for (json, under) in listed where context.any(under) { out.append(contentsOf: json) }
        out.append(UInt8(ascii: "]"))
        for node in root where context.any(node.slots) {
            out.append(UInt8(ascii: ","))
            context.write(node, &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private struct Context {
        let slots: [SlotValue]
        let typed: [UInt8]
        let row: CSVScanner
        let constants: [[UInt8]]

        func any(_ under: [Int]) -> Bool { under.contains { !slots[$0].isNone } }

        func write(_ node: Node, _ out: inout [UInt8]) {
            switch node {
            case .value(let key, let slot):
                out.append(contentsOf: key)
                value(slots[slot], &out)
            case .object(let key, let first, let children, _):
                out.append(contentsOf: key)
                out.append(UInt8(ascii: "{"))
                var separator = false
                if let first {
                    out.append(contentsOf: first)
                    separator = true
                }
                for child in children where any(child.slots) {
                    if separator { out.append(UInt8(ascii: ",")) }
                    separator = true
                    write(child, &out)
                }
                out.append(UInt8(ascii: "}"))
            case .elements(let key, let elements, _):
                out.append(contentsOf: key)
                out.append(UInt8(ascii: "["))
                var separator = false
                for element in elements where any(element.slots) {
                    if separator { out.append(UInt8(ascii: ",")) }
                    separator = true
                    write(element, &out)
                }
                out.append(UInt8(ascii: "]"))
            }
        }

        private func value(_ value: SlotValue, _ out: inout [UInt8]) {
            switch value {
            case .none: break
            case .field(let span): row.withBytes(span) { JSONWriter.writeString(utf8: $0, validUTF8: true, &out) }
            case .json(let range): out.append(contentsOf: typed[range])
            case .constant(let step): out.append(contentsOf: constants[step])
            case .bool(let b): out.append(contentsOf: b ? Self.trueJSON : Self.falseJSON)
            }
        }

        private static let trueJSON = Array("true".utf8)
        private static let falseJSON = Array("false".utf8)
    }
}
