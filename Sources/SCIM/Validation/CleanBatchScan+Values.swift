extension CleanBatchScan {
    /// `RecordRules.check(value, against:)` and `checkEveryValue` at once, for the value at `pos`:
    /// stops where either would report. Returns the value when it is a string.
    @discardableResult
    mutating func value(against node: Int) throws(Stop) -> ScannedString? {
        switch s.peek {
        case UInt8(ascii: "n"):
            try s.literal("null")
            return nil
        case UInt8(ascii: "["):
            guard table.nodes[node].multiValued else { throw Stop() }  // scim.type.singleValued
            try multiValued(node)
            return nil
        default:
            guard !table.nodes[node].multiValued else { throw Stop() }  // scim.type.multiValued
            return try single(node)
        }
    }

    /// `checkSingle`: the value's type must be the definition's (`AttributeDefinition.accepts`).
    private mutating func single(_ node: Int) throws(Stop) -> ScannedString? {
        let type = table.nodes[node].type
        switch s.peek {
        case UInt8(ascii: "n"):
            try s.literal("null")
        case UInt8(ascii: "t"):
            try s.literal("true")
            guard type == .boolean else { throw Stop() }
        case UInt8(ascii: "f"):
            try s.literal("false")
            guard type == .boolean else { throw Stop() }
        case UInt8(ascii: "-"), 0x30...0x39:
            let integer = try s.number()
            guard type == .decimal || (type == .integer && integer) else { throw Stop() }
        case UInt8(ascii: "\""):
            let value = try s.string()
            guard !value.suspicious, type == .string || type == .dateTime || type == .reference || type == .binary else { throw Stop() }
            return value
        case UInt8(ascii: "{"):
            guard type == .complex else { throw Stop() }
            _ = try complexObject(node)
        default:
            throw Stop()
        }
        return nil
    }

    /// What `checkMultiValuedSemantics` reads of an item.
    private struct Item {
        var primary = false
        var type: ScannedString?
    }

    /// An object of sub-attributes, each known to the definition (first match ignoring case).
    private mutating func complexObject(_ node: Int) throws(Stop) -> Item {
        var item = Item()
        var key = try firstMember()
        while let k = key {
            guard let sub = table.subAttribute(of: node, k) else { throw Stop() }  // scim.attribute.unknown
            let isPrimary = k.equalsIgnoringCase("primary"), isType = k.equalsIgnoringCase("type")
            if isPrimary && s.peek == UInt8(ascii: "t") { item.primary = true }
            let value = try self.value(against: sub)
            if isType { item.type = value }
            key = try nextMember()
        }
        return item
    }

    /// The items of a multi-valued attribute: at most one primary, and only `work` ones where
    /// Entra reads no other.
    private mutating func multiValued(_ node: Int) throws(Stop) {
        var primaries = 0
        var more = try firstElement()
        while more {
            if s.peek == UInt8(ascii: "{") {
                guard table.nodes[node].type == .complex else { throw Stop() }  // scim.type
                let item = try complexObject(node)
                if item.primary { primaries += 1 }
                guard primaries < 2 else { throw Stop() }  // scim.primary.multiple
                if table.nodes[node].workOnly {
                    guard let type = item.type, type.isPlainASCII, text(type).equalsIgnoringCase("work") else { throw Stop() }
                }
            } else {
                guard s.peek != UInt8(ascii: "[") else { throw Stop() }  // scim.type: an array in an array
                _ = try single(node)
            }
            more = try nextElement()
        }
    }

    /// Any value, checked only as `checkEveryValue` checks what no definition covers: no suspicious
    /// string, no duplicate key (nor keys equal but for case, which look-ups would confuse).
    mutating func skipValue() throws(Stop) {
        switch s.peek {
        case UInt8(ascii: "\""):
            if try s.string().suspicious { throw Stop() }
        case UInt8(ascii: "{"):
            var key = try firstMember()
            while key != nil {
                try skipValue()
                key = try nextMember()
            }
        case UInt8(ascii: "["):
            var more = try firstElement()
            while more {
                try skipValue()
                more = try nextElement()
            }
        case UInt8(ascii: "t"): try s.literal("true")
        case UInt8(ascii: "f"): try s.literal("false")
        case UInt8(ascii: "n"): try s.literal("null")
        case UInt8(ascii: "-"), 0x30...0x39: _ = try s.number()
        default: throw Stop()
        }
    }
}
