import XCTest
@testable import Mapping
import SCIM

/// The prepared, case-blind attribute lookup (`AttributeKey`) and the SCIM path reader built on it
/// must give exactly what `JSONObject.attribute(_:)` and the reader before them gave: checked on
/// hand-picked traps and on many seeded random records against `ReferencePathResolver`.
final class AttributeLookupTests: XCTestCase {
    private let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    func testTheLastExactSpellingWinsOverAnyOtherCase() {
        let object: JSONObject = JSONObject([(key: "UserName", value: "folded-last"), (key: "userName", value: "exact"),
                                             (key: "USERNAME", value: "folded")])
        XCTAssertEqual(AttributeKey("userName").value(in: object), "exact")
        XCTAssertEqual(AttributeKey("username").value(in: object), "folded")
        XCTAssertEqual(AttributeKey("USERNAME").value(in: object), "folded")
        XCTAssertNil(AttributeKey("userNam").value(in: object))
        XCTAssertNil(AttributeKey("userNames").value(in: object))
    }

    func testOnlyLettersFoldCase() {
        // '[' and '{', '@' and '`' differ by the same bit as 'a' and 'A' but are not letters.
        let object: JSONObject = ["a[b": "brackets", "x@y": "at"]
        XCTAssertNil(AttributeKey("a{b").value(in: object))
        XCTAssertNil(AttributeKey("x`y").value(in: object))
        XCTAssertEqual(AttributeKey("A[B").value(in: object), "brackets")
    }

    func testNonASCIINamesFallBackToStringComparison() {
        let object: JSONObject = ["Straße": "street", "naïve": "plain"]
        XCTAssertEqual(AttributeKey("Straße").value(in: object), "street")
        XCTAssertEqual(AttributeKey("NAÏVE").value(in: object), "plain")
        XCTAssertNil(AttributeKey("naive").value(in: object))
    }

    func testAgreesWithJSONObjectOnEveryKeyOfMixedObjects() {
        let names = ["userName", "username", "USERNAME", "emails", "Emails", "type", "TYPE", "value", "primary", "naïve",
                     "NAÏVE", "a[b", "a{b", "", "x", enterprise, enterprise.uppercased(), "absent"]
        var random = SplitMix(seed: 7)
        for _ in 0..<300 {
            var object = JSONObject()
            for _ in 0..<random.next(below: 8) {
                object.append(random.pick(names), .string("v\(random.next(below: 1000))"))
            }
            for name in names {
                XCTAssertEqual(AttributeKey(name).value(in: object), object.attribute(name), "\(name) in \(object.keys)")
            }
        }
    }

    func testFilteredURNAndAbsentPaths() {
        let record: JSONObject = [
            "emails": [["value": "home@x", "type": "home"], ["value": "work@x", "type": "WORK"],
                       ["value": "main@x", "type": "work", "primary": true]],
            "addresses": [["type": "work", "locality": "Oslo"]],
            enterprise: ["department": "Ops", "manager": ["value": "42"]],
        ]
        func read(_ path: String) -> ExpressionValue { SCIMPathResolver.resolve(AttributeReference(path).path, in: record) }
        XCTAssertEqual(read(#"emails[type eq "work"].value"#), .string("main@x"))
        XCTAssertEqual(read(#"EMAILS[TYPE eq "Home"].VALUE"#), .string("home@x"))
        XCTAssertEqual(read(#"emails[type eq "other"].value"#), .null)
        XCTAssertEqual(read("emails.value"), .multi(["home@x", "work@x", "main@x"]))
        XCTAssertEqual(read(#"addresses[type eq "work"].locality"#), .string("Oslo"))
        XCTAssertEqual(read(#"addresses[type eq "work"].region"#), .null)
        XCTAssertEqual(read("\(enterprise):department"), .string("Ops"))
        XCTAssertEqual(read("\(enterprise.lowercased()):manager"), .string("42"))
        XCTAssertEqual(read("urn:ietf:params:scim:schemas:extension:other:2.0:User:department"), .null)
        XCTAssertEqual(read("title"), .null)
    }

    /// Seeded random records (arrays of typed elements, primaries, case-varied and duplicate keys,
    /// numbers, booleans, complex values) read by many paths: the fast reader and the old one agree.
    func testAgreesWithTheReferenceReaderOnRandomRecords() {
        let paths = [
            "userName", "USERNAME", "name.givenName", "Name.GivenName", "name", "emails", "emails.value", "emails.type",
            #"emails[type eq "work"].value"#, #"emails[type eq "Work"].display"#, #"emails[type eq "home"].value"#,
            #"emails[primary eq "True"].value"#, #"addresses[type eq "work"].locality"#, "addresses.locality",
            #"phoneNumbers[type eq "mobile"].value"#, "\(enterprise):department", "\(enterprise):manager",
            "\(enterprise):manager.value", "urn:ietf:params:scim:schemas:core:2.0:User:userName", "urn:x:y:z",
            "active", "count", "nested.inner.leaf", "groups.members.value", #"groups[type eq "a"].members.value"#,
        ]
        let references = paths.map(AttributeReference.init)
        var random = SplitMix(seed: 2026)
        for _ in 0..<2_000 {
            let record = randomRecord(&random)
            for reference in references {
                XCTAssertEqual(SCIMPathResolver.resolve(reference.path, in: record), ReferencePathResolver.resolve(reference.path, in: record),
                               "\(reference.name) in \(record)")
            }
        }
    }

    private func randomRecord(_ random: inout SplitMix) -> JSONObject {
        var record = JSONObject()
        let top = ["userName", "username", "name", "Name", "emails", "EMAILS", "addresses", "phoneNumbers", enterprise,
                   enterprise.uppercased(), "active", "count", "nested", "groups"]
        for _ in 0..<random.next(below: 12) {
            let key = random.pick(top)
            record.append(key, randomValue(for: key.lowercased(), &random))
        }
        return record
    }

    private func randomValue(for key: String, _ random: inout SplitMix) -> JSONValue {
        switch key {
        case "name": return .object(["givenName": .string("G\(random.next(below: 9))"), "GIVENNAME": "g"])
        case "emails", "addresses", "phonenumbers", "groups":
            return .array((0..<random.next(below: 4)).map { _ in randomElement(&random) })
        case enterprise.lowercased():
            let manager: JSONValue = random.next(below: 2) == 0 ? "m" : ["value": 7]
            return .object(["department": .string("D\(random.next(below: 9))"), "manager": manager])
        case "nested":
            let inner: JSONValue = random.next(below: 2) == 0 ? ["leaf": true] : [["leaf": 1], ["leaf": "x"]]
            return .object(["inner": inner])
        case "active": return .bool(random.next(below: 2) == 0)
        case "count": return .number(JSONNumber(random.next(below: 100)))
        default: return .string("u\(random.next(below: 99))")
        }
    }

    private func randomElement(_ random: inout SplitMix) -> JSONValue {
        var element = JSONObject()
        let keys = ["type", "Type", "value", "display", "locality", "primary", "members"]
        for _ in 0..<random.next(below: 6) {
            switch random.pick(keys) {
            case "primary": element.append("primary", .bool(random.next(below: 3) == 0))
            case "members": element.append("members", [["value": "a"], ["value": "b"]])
            case let key where key.lowercased() == "type": element.append(key, .string(random.pick(["work", "Work", "home", "mobile", "a"])))
            case let key: element.append(key, .string("\(key)\(random.next(below: 9))"))
            }
        }
        return .object(element)
    }
}

/// A small seeded generator (SplitMix64) so the random records are the same on every run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return bound <= 0 ? 0 : Int(z % UInt64(bound))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[next(below: values.count)] }
}
