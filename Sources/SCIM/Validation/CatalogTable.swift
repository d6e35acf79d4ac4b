/// The attribute catalog flattened for the validator's fast path (`CleanBatchScan`): names as
/// bytes in one array, each definition's sub-attributes as a range of nodes, no references.
///
/// The walk over a million users looks a name up for every key; comparing bytes of the input with
/// bytes here needs no String for the key, and plain arrays of plain values cost no reference
/// counting on the workers (definitions are classes: see `AttributeCatalog.copyForWorker`).
/// Lookups answer as `SchemaDefinition.attribute`, `AttributeDefinition.subAttribute` and
/// `AttributeCatalog.schema` do, for ASCII keys (the fast path takes no other).
struct CatalogTable: Sendable {
    struct Node: Sendable {
        var nameStart: Int
        var nameCount: Int
        /// `KeyText.foldedHash` of the name: two names equal but for case have the same.
        var folded: UInt64
        var type: AttributeDefinition.DataType
        var multiValued: Bool
        /// Entra reads only `type: "work"` items of it (`RecordRules.entraReadsWorkOnly`).
        var workOnly: Bool
        var children: Range<Int>
    }

    private(set) var names: [UInt8] = []
    private(set) var nodes: [Node] = []
    /// The schemas, in the order `AttributeCatalog.schema` tries them: core, enterprise, extensions.
    private(set) var schemas: [Int] = []

    var core: Int { schemas[0] }

    init(_ catalog: AttributeCatalog) {
        let all = [catalog.core, catalog.enterprise] + catalog.extensions
        let first = nodes.count
        for schema in all { nodes.append(placeholder(schema.urn)) }
        schemas = Array(first..<nodes.count)
        for (i, schema) in all.enumerated() { nodes[first + i].children = add(schema.attributes) }
    }

    private mutating func placeholder(_ name: String) -> Node {
        let start = names.count
        names += name.utf8
        return Node(nameStart: start, nameCount: names.count - start, folded: Array(name.utf8).withUnsafeBufferPointer(KeyText.foldedHash),
                    type: .complex, multiValued: false, workOnly: false, children: 0..<0)
    }

    /// Adds the definitions as consecutive nodes, then their sub-attributes after them.
    private mutating func add(_ definitions: [AttributeDefinition]) -> Range<Int> {
        let first = nodes.count
        for def in definitions {
            var node = placeholder(def.name)
            node.type = def.type
            node.multiValued = def.multiValued
            node.workOnly = def.name.caseInsensitiveEquals("emails") || def.name.caseInsensitiveEquals("phonenumbers")
                || def.name.caseInsensitiveEquals("addresses")
            nodes.append(node)
        }
        for (i, def) in definitions.enumerated() { nodes[first + i].children = add(def.subAttributes) }
        return first..<first + definitions.count
    }

    /// The table's arrays for the length of a scan, so looking nodes up retains nothing.
    func withView<R>(_ body: (View) -> R) -> R {
        names.withUnsafeBufferPointer { n in nodes.withUnsafeBufferPointer { body(View(names: n, nodes: $0, schemas: schemas)) } }
    }

    /// How a key matched a name list.
    enum Match: Equatable {
        case exact(Int)
        /// Only ignoring case.
        case folded(Int)
        case none
    }

    struct View {
        let names: UnsafeBufferPointer<UInt8>
        let nodes: UnsafeBufferPointer<Node>
        let schemas: [Int]

        var core: Int { schemas[0] }

        /// The first child spelled exactly as `key`, else the first equal to it ignoring case.
        func child(of parent: Int, _ key: KeyText) -> Match {
            var folded = -1
            for i in nodes[parent].children where nodes[i].folded == key.folded {
                let name = self.name(i)
                if key.equals(name) { return .exact(i) }
                if folded < 0, key.equalsIgnoringCase(name) { folded = i }
            }
            return folded < 0 ? .none : .folded(folded)
        }

        /// `SchemaDefinition.attribute`: an exact match first, else one ignoring case.
        func attribute(of schema: Int, _ key: KeyText) -> Int? {
            switch child(of: schema, key) {
            case .exact(let i), .folded(let i): return i
            case .none: return nil
            }
        }

        /// `AttributeDefinition.subAttribute`: the first whose name matches ignoring case.
        func subAttribute(of parent: Int, _ key: KeyText) -> Int? {
            for i in nodes[parent].children where nodes[i].folded == key.folded && key.equalsIgnoringCase(name(i)) {
                return i
            }
            return nil
        }

        /// `AttributeCatalog.schema`: the first schema whose URN matches ignoring case.
        func schema(_ key: KeyText) -> Int? {
            schemas.first { nodes[$0].folded == key.folded && key.equalsIgnoringCase(name($0)) }
        }

        func name(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: names[nodes[i].nameStart..<nodes[i].nameStart + nodes[i].nameCount])
        }
    }
}
