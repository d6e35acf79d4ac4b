/// Finds where values sit in the source text, so diagnostics can say `file:line:col`.
///
/// Values carry no positions (that would double the memory of a 100,000-user file for the few
/// that have problems); instead the text is scanned once more, for the wanted paths only.
public enum JSONLocator {
    /// Byte offsets of each path's value, or of its deepest ancestor present in the text.
    /// `bytes` is one JSON value; offsets are relative to its first byte.
    public static func offsets(of paths: [JSONPath], in bytes: ArraySlice<UInt8>) -> [Int] {
        let trie = PathTrie()
        for (i, p) in paths.enumerated() { trie.insert(p.components[...], slot: i) }
        var found = [Int](repeating: 0, count: paths.count)
        var depthFound = [Int](repeating: -1, count: paths.count)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer)
            reader.skipBOM()
            scan(&reader, node: trie, depth: 0, found: &found, depthFound: &depthFound)
        }
        return found
    }

    private static func scan(
        _ r: inout JSONByteReader, node: PathTrie, depth: Int, found: inout [Int], depthFound: inout [Int]
    ) {
        r.skipWhitespace()
        guard !r.atEnd else { return }
        for slot in node.slots where depthFound[slot] < depth {
            found[slot] = r.pos
            depthFound[slot] = depth
        }
        guard !node.children.isEmpty else {
            _ = try? r.skipValue()
            return
        }
        let open = r.bytes[r.pos]
        if open == UInt8(ascii: "{") {
            r.pos += 1
            while true {
                r.skipWhitespace()
                if r.closes(UInt8(ascii: "}")) { return }
                guard !r.atEnd, r.bytes[r.pos] == UInt8(ascii: "\"") else { return }
                guard let key = try? r.readString(), (try? r.expect(UInt8(ascii: ":"), ":")) != nil else { return }
                if let child = node.children[.key(key)] {
                    scan(&r, node: child, depth: depth + 1, found: &found, depthFound: &depthFound)
                } else if (try? r.skipValue()) == nil {
                    return
                }
                r.skipWhitespace()
                if r.closes(UInt8(ascii: "}")) { return }
                guard !r.atEnd, r.bytes[r.pos] == UInt8(ascii: ",") else { return }
                r.pos += 1
            }
        } else if open == UInt8(ascii: "[") {
            r.pos += 1
            var index = 0
            while true {
                r.skipWhitespace()
                if r.closes(UInt8(ascii: "]")) { return }
                guard !r.atEnd else { return }
                if let child = node.children[.index(index)] {
                    scan(&r, node: child, depth: depth + 1, found: &found, depthFound: &depthFound)
                } else if (try? r.skipValue()) == nil {
                    return
                }
                index += 1
                r.skipWhitespace()
                if r.closes(UInt8(ascii: "]")) { return }
                guard !r.atEnd, r.bytes[r.pos] == UInt8(ascii: ",") else { return }
                r.pos += 1
            }
        } else {
            _ = try? r.skipValue()
        }
    }
}

private final class PathTrie {
    var children: [JSONPath.Component: PathTrie] = [:]
    var slots: [Int] = []

    func insert(_ rest: ArraySlice<JSONPath.Component>, slot: Int) {
        slots.append(slot)
        guard let first = rest.first else { return }
        let child = children[first] ?? PathTrie()
        children[first] = child
        child.insert(rest.dropFirst(), slot: slot)
    }
}

extension JSONByteReader {
    /// Consumes `closer` if it is next; the locator must leave the reader after a container it scanned.
    mutating func closes(_ closer: UInt8) -> Bool {
        guard pos < bytes.count, bytes[pos] == closer else { return false }
        pos += 1
        return true
    }

    /// Skips one value without building it.
    mutating func skipValue() throws(JSONParseError) {
        skipWhitespace()
        guard pos < bytes.count else { throw fail(.unexpectedEnd(expecting: "a value")) }
        switch bytes[pos] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var level = 0
            while pos < bytes.count {
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    try skipString()
                    continue
                }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { level += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    level -= 1
                    if level == 0 {
                        pos += 1
                        return
                    }
                }
                pos += 1
            }
            throw fail(.unexpectedEnd(expecting: "end of value"))
        case UInt8(ascii: "\""):
            try skipString()
        default:
            _ = try readValue()
        }
    }

    /// Skips a string from its opening quote without decoding it (the locator only scans text the
    /// parser has accepted, so there is nothing to check, and making the String was most of the work).
    mutating func skipString() throws(JSONParseError) {
        pos += 1
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: "\""):
                pos += 1
                return
            case UInt8(ascii: "\\"):
                pos += 2
            default:
                pos += 1
            }
        }
        throw fail(.unexpectedEnd(expecting: "closing '\"' of a string"))
    }
}
