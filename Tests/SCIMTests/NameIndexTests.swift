import XCTest
@testable import SCIM

/// Catalog lookups go through `NameIndex`; they must answer exactly as the scans they replace.
final class NameIndexTests: XCTestCase {
    private let probes = [
        "userName", "username", "USERNAME", "userName ", "user", "", "emails", "EMAILS", "preferredLanguage",
        "PreferredLanguage", "preferredlanguag", "x509Certificates", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "Zoë", "zoë", "ZOË", "\u{212A}ey", "Key", "key", "kEy", "honorificPrefix", "$ref", "$REF", "a", "A", "b",
    ]

    private func definition(_ name: String) -> AttributeDefinition { AttributeDefinition(name, .string, "") }

    /// Lists where case matters: names differing only in case, in both orders, and non-ASCII names.
    private var lists: [[String]] {
        [
            CoreUserSchema.definition.attributes.map(\.name),
            EnterpriseUserSchema.definition.attributes.map(\.name),
            ["Key", "key", "kEy", "a", "B", "b"],
            ["key", "Key", "A", "a"],
            ["Zoë", "zoë", "Key"],
            ["\u{212A}ey", "key"],
            [],
        ]
    }

    func testSchemaLookupIsExactFirstThenCaseInsensitive() {
        for names in lists {
            let schema = SchemaDefinition(urn: "urn:x", name: "X", attributes: names.map(definition))
            for probe in probes {
                let expected = schema.attributes.first { $0.name == probe }
                    ?? schema.attributes.first { $0.name.caseInsensitiveEquals(probe) }
                XCTAssertTrue(schema.attribute(probe) === expected, "\(probe) in \(names)")
            }
        }
    }

    func testSubAttributeLookupIsFirstCaseInsensitiveMatch() {
        for names in lists {
            let parent = AttributeDefinition("p", .complex, subAttributes: names.map(definition), "")
            for probe in probes {
                let expected = parent.subAttributes.first { $0.name.caseInsensitiveEquals(probe) }
                XCTAssertTrue(parent.subAttribute(probe) === expected, "\(probe) in \(names)")
            }
        }
    }
}
