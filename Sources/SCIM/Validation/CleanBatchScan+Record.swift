extension CleanBatchScan {
    static let bulkRequestURN: StaticString = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"
    static let userURN: StaticString = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let enterpriseUserURN: StaticString = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    /// What a record's walk found that the checks at its end and the set rules need.
    private struct Found {
        var externalId: ScannedString?
        var userName: ScannedString?
        var active = false
        var schemas = false
        var manager: ScannedString?
    }

    /// One user (an operation's `data`): `RecordRules.check` would find nothing in it.
    mutating func record() throws(Stop) {
        listedSchemas.removeAll(keepingCapacity: true)
        extensionKeys.removeAll(keepingCapacity: true)
        var found = Found()
        var key = try firstMember()
        while let k = key {
            try attribute(k, &found)
            key = try nextMember()
        }
        guard let externalId = found.externalId, let userName = found.userName, found.active, found.schemas,
              lists(Self.userURN)
        else { throw Stop() }
        for urn in extensionKeys where !lists(urn) { throw Stop() }
        outcome.hashes.append(hashes(externalId: externalId, userName: userName, manager: found.manager))
        outcome.records += 1
    }

    /// One top-level member, tried as `RecordRules.checkAttributes` tries it: an extension, a core
    /// attribute (spelled exactly), or `schemas` and the attributes common to every resource.
    private mutating func attribute(_ key: KeyText, _ found: inout Found) throws(Stop) {
        if key.isExtensionKey {
            guard s.peek == UInt8(ascii: "{") else { throw Stop() }
            extensionKeys.append(key.bytes)
            try extensionObject(table.schema(key), enterprise: key.equalsIgnoringCase(Self.enterpriseUserURN), &found)
            return
        }
        switch table.child(of: table.core, key) {
        case .exact(let node):
            try coreAttribute(key, node, &found)
        case .folded:
            throw Stop()  // scim.attribute.case
        case .none:
            if key.equals("schemas") {
                try userSchemas()
                found.schemas = true
            } else if key.equals("meta") || key.equals("id") || key.equals("externalId") {
                try skipValue()
            } else {
                throw Stop()  // scim.attribute.unknown
            }
        }
    }

    private mutating func coreAttribute(_ key: KeyText, _ node: Int, _ found: inout Found) throws(Stop) {
        if key.equals("externalId") || key.equals("userName") {
            // Present, a string, not blank; plain ASCII, as the set rules hash its bytes.
            guard s.peek == UInt8(ascii: "\""), let value = try self.value(against: node), value.isPlainASCII,
                  !text(value).bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 })
            else { throw Stop() }
            if key.equals("externalId") { found.externalId = value } else { found.userName = value }
        } else if key.equals("active") {
            guard s.peek == UInt8(ascii: "t") || s.peek == UInt8(ascii: "f") else { throw Stop() }
            try value(against: node)
            found.active = true
        } else {
            try value(against: node)
        }
    }

    /// The record's `schemas`: an array, its strings kept to check the URNs against.
    private mutating func userSchemas() throws(Stop) {
        guard s.peek == UInt8(ascii: "[") else { throw Stop() }
        var more = try firstElement()
        while more {
            if s.peek == UInt8(ascii: "\"") {
                let urn = try plainString()
                if urn.suspicious { throw Stop() }
                listedSchemas.append(text(urn).bytes)
            } else {
                try skipValue()
            }
            more = try nextElement()
        }
    }

    /// Whether `schemas` names a URN, ignoring case.
    private func lists(_ urn: UnsafeBufferPointer<UInt8>) -> Bool {
        listedSchemas.contains { KeyText.equalIgnoringCase($0, urn) }
    }

    private func lists(_ urn: StaticString) -> Bool {
        lists(UnsafeBufferPointer(start: urn.utf8Start, count: urn.utf8CodeUnitCount))
    }

    /// An extension object: checked against its schema when the catalog has it, else only walked;
    /// in the enterprise one, `manager.value` is kept for the set rules.
    private mutating func extensionObject(_ schema: Int?, enterprise: Bool, _ found: inout Found) throws(Stop) {
        var key = try firstMember()
        while let k = key {
            let node = try schema.map { (schema) throws(Stop) -> Int in
                guard let node = table.attribute(of: schema, k) else { throw Stop() }  // scim.attribute.unknown
                return node
            }
            if enterprise && k.equalsIgnoringCase("manager") && s.peek == UInt8(ascii: "{") {
                found.manager = try managerValue(node)
            } else if let node {
                try value(against: node)
            } else {
                try skipValue()
            }
            key = try nextMember()
        }
    }

    /// The manager object (`check(value, against: manager)` or a plain walk) and its `value`.
    private mutating func managerValue(_ node: Int?) throws(Stop) -> ScannedString? {
        if let node, table.nodes[node].multiValued || table.nodes[node].type != .complex { throw Stop() }
        var manager: ScannedString?
        var key = try firstMember()
        while let k = key {
            let sub = try node.map { (node) throws(Stop) -> Int in
                guard let sub = table.subAttribute(of: node, k) else { throw Stop() }
                return sub
            }
            let value: ScannedString?
            if let sub { value = try self.value(against: sub) } else { value = try walkScalar() }
            if k.equalsIgnoringCase("value"), let value {
                guard value.isPlainASCII else { throw Stop() }
                manager = value
            }
            key = try nextMember()
        }
        return manager
    }

    /// A value with no definition: walked; a string is returned, as `value(against:)` does.
    private mutating func walkScalar() throws(Stop) -> ScannedString? {
        guard s.peek == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        let value = try s.string()
        if value.suspicious { throw Stop() }
        return value
    }

    /// `SetKeyHashes` of the record, from its bytes: the same hashes `HashedKeys.hash` gives the
    /// Strings (plain ASCII; the userName lower-cased as `String.lowercased` does ASCII).
    private func hashes(externalId: ScannedString, userName: ScannedString, manager: ScannedString?) -> SetKeyHashes {
        let id = text(externalId).bytes
        let name = text(userName).bytes
        let userNameHash = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count) { lower in
            for i in 0..<name.count { lower[i] = name[i] >= 0x41 && name[i] <= 0x5A ? name[i] | 0x20 : name[i] }
            return HashedKeys.hash(ascii: UnsafeBufferPointer(lower))
        }
        let managerBytes = manager.map { text($0).bytes }.flatMap { $0.isEmpty ? nil : $0 }
        return SetKeyHashes(record: outcome.records, externalId: HashedKeys.hash(ascii: id), externalIdIsEmpty: false,
                            userName: userNameHash, manager: managerBytes.map { HashedKeys.hash(ascii: $0) },
                            managerIsSelf: managerBytes.map { KeyText($0).equals(id) } ?? false)
    }
}
