import XCTest
@testable import SCIM

/// Microsoft's own samples are the first real customers: they must read and validate with exactly
/// the diagnostics a user should see, positioned in the file.
final class ValidatorSamplesTests: XCTestCase {
    private func diagnostics(_ name: String) throws -> [Diagnostic] {
        let bytes = try Fixtures.sample(name)
        return Validator().validate(try PayloadReader.read(json: bytes), bytes: bytes)
    }

    private func summary(_ ds: [Diagnostic]) -> [String] {
        ds.map { "\($0.position?.description ?? "-") \($0.severity.rawValue) \($0.rule)" }.sorted()
    }

    func testExtendedSample() throws {
        let ds = try diagnostics("Extended-SCIM-bulk-request-Core+Enterprise.json")
        XCTAssertFalse(ds.hasErrors, summary(ds).joined(separator: "\n"))
        XCTAssertEqual(ds.filter { $0.rule == "bulk.path.case" }.count, 3, "lower-case /users is a warning, not a crash")
        XCTAssertEqual(ds.filter { $0.rule == "bulk.bulkId.duplicate" }.map(\.position?.line), [91])
        XCTAssertEqual(ds.filter { $0.rule == "scim.attribute.case" }.count, 2, "\"username\" reported")
        let sapMissing = ds.filter { $0.rule == "scim.schemas.extension" }
        XCTAssertTrue(sapMissing.isEmpty, "the sap extension is listed in schemas")
        let pathCase = try XCTUnwrap(ds.first { $0.rule == "bulk.path.case" })
        XCTAssertEqual(pathCase.position, SourcePosition(line: 7, column: 17))
        XCTAssertEqual(pathCase.path?.description, "Operations[0].path")
        XCTAssertEqual(ds.filter { $0.rule == "entra.manager.outside" }.count, 1, "manager 89607 is not in the set")
    }

    func testCSV2SCIMSample() throws {
        let ds = try diagnostics("Sample-CSV-2-SCIM-payload.json")
        XCTAssertFalse(ds.hasErrors, summary(ds).joined(separator: "\n"))
        XCTAssertEqual(ds.filter { $0.rule == "bulk.bulkId.duplicate" }.map(\.position?.line), [99])
        XCTAssertEqual(ds.filter { $0.rule == "scim.attribute.case" && $0.message.contains("userName") }.count, 3)
    }

    func testEveryDiagnosticNamesItsRuleSourceAndPlace() throws {
        for name in ["Extended-SCIM-bulk-request-Core+Enterprise.json", "Sample-CSV-2-SCIM-payload.json"] {
            for d in try diagnostics(name) {
                XCTAssertFalse(d.rule.isEmpty)
                XCTAssertFalse(d.source.isEmpty)
                XCTAssertNotNil(d.position, "\(d.rule) has no position")
                XCTAssertNotNil(d.path)
            }
        }
    }

    func testBuiltInCatalogAgreesWithMicrosoftsSchemaRepresentations() throws {
        let pairs: [(String, SchemaDefinition)] = [("User.json", CoreUserSchema.definition), ("EnterpriseUser.json", EnterpriseUserSchema.definition)]
        for (file, ours) in pairs {
            let theirs = try XCTUnwrap(SchemaDefinition(schemaRepresentation: JSONParser.parse(Fixtures.sample(file))))
            XCTAssertEqual(theirs.urn, ours.urn)
            for attribute in theirs.attributes {
                let mine = try XCTUnwrap(ours.attribute(attribute.name), "\(attribute.name) missing from our catalog")
                XCTAssertEqual(mine.type, attribute.type, attribute.name)
                XCTAssertEqual(mine.multiValued, attribute.multiValued, attribute.name)
                for sub in attribute.subAttributes {
                    let mineSub = try XCTUnwrap(mine.subAttribute(sub.name), "\(attribute.name).\(sub.name) missing")
                    XCTAssertEqual(mineSub.type, sub.type, "\(attribute.name).\(sub.name)")
                }
            }
        }
    }
}
