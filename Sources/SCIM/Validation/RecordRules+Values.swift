extension RecordRules {
    /// Checks that apply to every value wherever it sits, known attribute or not: control characters
    /// in strings, duplicate keys in objects. One walk for both, as each visit costs more than the checks.
    mutating func checkEveryValue(_ value: JSONValue) {
        switch value {
        case .string(let s):
            if Self.mayBeSuspicious(s), s.unicodeScalars.contains(where: Self.isSuspicious) {
                add(.warning, "input.controlCharacters", "scimterm input", here,
                    "the value contains control or bidirectional-override characters; they will be stored as they are",
                    hint: "clean the source data; these usually come from copy-paste or a broken export")
            }
        case .array(let items):
            for i in items.indices {
                trail.push(i)
                checkEveryValue(items[i])
                trail.pop()
            }
        case .object(let o):
            checkDuplicateKeys(o)
            for i in o.members.indices {
                trail.push(i)
                checkEveryValue(o.members[i].value)
                trail.pop()
            }
        default:
            break
        }
    }

    /// Duplicate keys of the object the walk is at.
    mutating func checkDuplicateKeys(_ o: JSONObject) {
        for key in o.duplicateKeys {
            duplicates.append(Diagnostic(.warning, rule: "json.key.duplicate", source: "RFC 8259 §4", path: here.appending(key),
                                         message: "key \"\(key)\" appears more than once; readers keep only the last one"))
        }
    }

    /// A byte scan that rules out almost every value: the suspicious scalars are below 0x20, 0x7F,
    /// or start with 0xC2 (C1 controls) or 0xE2 (bidi overrides).
    static func mayBeSuspicious(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 } }
    }

    static func isSuspicious(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Newlines and tabs are legitimate in formatted addresses; everything else in C0/C1 is not.
        if v == 0x0A || v == 0x09 || v == 0x0D { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
