/// `RecordLayout.writeRecord` compiled once per mapping into a flat program for rows of
/// `SlotValue`s: every key, the `"type":"work"` of each element and each constant are bytes of one
/// buffer, and each object knows the slots beneath it, so a row runs a loop over plain integers,
/// copying byte ranges and escaping one cell at a time, with no reference counting (walking a tree
/// of nodes per row was most of its cost). Its bytes equal `JSONWriter.compact` of
/// `RecordLayout.buildRecord` (tests hold them together).
struct RecordByteWriter: Sendable {
    struct Op: Sendable {
        enum Code: UInt8, Sendable {
            /// Append `text[a..<b]`.
            case text
            /// Append slot `a`'s value.
            case value
            /// Unless a slot of `groups[a..<b]` has a value, go on at op `c` (the member is left out).
            case skipUnlessAny
            /// A new object or array at depth `a`: its first member takes no comma.
            case open
            /// A comma unless this is the first member at depth `a`.
            case comma
        }

        let code: Code
        var a = 0, b = 0, c = 0
    }

    private var ops: [Op] = []
    private var text: [UInt8] = []
    private var groups: [Int] = []
    /// The JSON of each plan step's constant, by step index, as a range of `text`.
    private var constants: [Range<Int>] = []
    private var trueText = 0..<0, falseText = 0..<0
    /// Where the last guarded section ends: text after it must not merge into the skipped ops.
    private var jumpTarget = -1
    /// The most `value` ops that read one slot (1 for every layout today), for `bound`.
    private var slotReads = 1

    init(_ plan: CSVPlan) {
        trueText = literal(Array("true".utf8))
        falseText = literal(Array("false".utf8))
        constants = plan.steps.map { step in
            guard case .constant(let value) = step.source else { return 0..<0 }
            return literal(JSONWriter.compact.bytes(value))
        }
        let members = plan.layout.rootMembers
        emit(Array(#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#.utf8))
        for member in members where member.listedInSchemas {
            var urn: [UInt8] = [UInt8(ascii: ",")]
            JSONWriter.writeString(member.key, &urn)
            guarded(Self.slots(member.content)) { $0.emit(urn) }
        }
        emit([UInt8(ascii: "]")])
        for member in members {
            guarded(Self.slots(member.content)) {
                $0.emit([UInt8(ascii: ",")])
                $0.member(member, depth: 0)
            }
        }
        emit([UInt8(ascii: "}")])
        let reads = Dictionary(grouping: ops.filter { $0.code == .value }, by: \.a).values.map(\.count)
        slotReads = max(1, reads.max() ?? 1)
    }

    // MARK: compiling

    private mutating func literal(_ bytes: [UInt8]) -> Range<Int> {
        text.append(contentsOf: bytes)
        return (text.count - bytes.count)..<text.count
    }

    /// Appends literal bytes, merged into the previous text op when that one ends where they start.
    private mutating func emit(_ bytes: [UInt8]) {
        let range = literal(bytes)
        if let last = ops.last, last.code == .text, last.b == range.lowerBound, ops.count != jumpTarget {
            ops[ops.count - 1].b = range.upperBound
        } else {
            ops.append(Op(code: .text, a: range.lowerBound, b: range.upperBound))
        }
    }

    /// `body`'s ops run only when one of `slots` has a value.
    private mutating func guarded(_ slots: [Int], _ body: (inout RecordByteWriter) -> Void) {
        let start = groups.count
        groups.append(contentsOf: slots)
        let skip = ops.count
        ops.append(Op(code: .skipUnlessAny, a: start, b: groups.count))
        body(&self)
        ops[skip].c = ops.count
        jumpTarget = ops.count
    }

    private mutating func member(_ member: RecordLayout.Member, depth: Int) {
        emit(member.keyJSON)
        switch member.content {
        case .value(let slot):
            ops.append(Op(code: .value, a: slot))
        case .object(let object):
            emit([UInt8(ascii: "{")])
            ops.append(Op(code: .open, a: depth))
            for child in object.members {
                guarded(Self.slots(child.content)) {
                    $0.ops.append(Op(code: .comma, a: depth))
                    $0.member(child, depth: depth + 1)
                }
            }
            emit([UInt8(ascii: "}")])
        case .elements(let elements):
            emit([UInt8(ascii: "[")])
            ops.append(Op(code: .open, a: depth))
            for element in elements {
                guarded(element.object.members.flatMap { Self.slots($0.content) }) { $0.element(element, depth: depth) }
            }
            emit([UInt8(ascii: "]")])
        }
    }

    /// `{"type":"work", …}`: the filter's pair always comes first, so every member after it takes a comma.
    private mutating func element(_ element: RecordLayout.Element, depth: Int) {
        ops.append(Op(code: .comma, a: depth))
        var first: [UInt8] = [UInt8(ascii: "{")]
        JSONWriter.writeString(element.key, &first)
        first.append(UInt8(ascii: ":"))
        JSONWriter.compact.write(element.value, into: &first)
        emit(first)
        for child in element.object.members {
            guarded(Self.slots(child.content)) {
                $0.emit([UInt8(ascii: ",")])
                $0.member(child, depth: depth + 1)
            }
        }
        emit([UInt8(ascii: "}")])
    }

    private static func slots(_ content: RecordLayout.Content) -> [Int] {
        switch content {
        case .value(let slot): return [slot]
        case .object(let object): return object.members.flatMap { slots($0.content) }
        case .elements(let elements): return elements.flatMap { $0.object.members.flatMap { slots($0.content) } }
        }
    }

    // MARK: writing

    /// What one row's values are read from.
    struct Row {
        let slots: UnsafeBufferPointer<SlotValue>
        /// The row's typed cells, already JSON (`SlotValue.json`).
        let typed: UnsafeBufferPointer<UInt8>
        /// The file, and the row's unescaped quoted fields (`CSVScanner.scratch`).
        let source: UnsafeBufferPointer<UInt8>
        let scratch: UnsafeBufferPointer<UInt8>
    }

    /// The most bytes `write` can put for `row`: every literal once (no op runs twice), a comma per
    /// op, and each slot's value at its longest (a cell escaped at 6 bytes a byte, in quotes).
    func bound(_ row: Row) -> Int {
        var values = 0
        for slot in row.slots {
            switch slot {
            case .none: break
            case .field(let span): values += 6 * span.count + 2
            case .json(let range): values += range.count
            case .constant(let step): values += constants[step].count
            case .bool: values += 5
            }
        }
        return text.count + ops.count + values * slotReads
    }

    /// The record's compact JSON for one row, `schemas` first; objects and elements with no value
    /// are left out.
    func write(_ row: Row, into out: inout some ByteSink) {
        text.withUnsafeBufferPointer { text in
            ops.withUnsafeBufferPointer { ops in
                groups.withUnsafeBufferPointer { groups in
                    run(ops, text: text, groups: groups, row: row, into: &out)
                }
            }
        }
    }

    private func run(_ ops: UnsafeBufferPointer<Op>, text: UnsafeBufferPointer<UInt8>, groups: UnsafeBufferPointer<Int>, row: Row,
                     into out: inout some ByteSink) {
        var pc = 0
        var started: UInt64 = 0  // bit d: depth d has written a member
        while pc < ops.count {
            let op = ops[pc]
            pc += 1
            switch op.code {
            case .text:
                out.put(UnsafeBufferPointer(rebasing: text[op.a..<op.b]))
            case .value:
                value(row.slots[op.a], text: text, row: row, into: &out)
            case .skipUnlessAny:
                if !groups[op.a..<op.b].contains(where: { !row.slots[$0].isNone }) { pc = op.c }
            case .open:
                started &= ~(1 << UInt64(op.a))
            case .comma:
                if started & (1 << UInt64(op.a)) != 0 { out.put(UInt8(ascii: ",")) }
                started |= 1 << UInt64(op.a)
            }
        }
    }

    private func value(_ value: SlotValue, text: UnsafeBufferPointer<UInt8>, row: Row, into out: inout some ByteSink) {
        switch value {
        case .none: break
        case .field(let span):
            let bytes = span.inScratch ? row.scratch : row.source
            JSONWriter.writeString(utf8: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), validUTF8: true, &out)
        case .json(let range): out.put(UnsafeBufferPointer(rebasing: row.typed[range]))
        case .constant(let step): out.put(UnsafeBufferPointer(rebasing: text[constants[step]]))
        case .bool(let b): out.put(UnsafeBufferPointer(rebasing: text[b ? trueText : falseText]))
        }
    }
}
