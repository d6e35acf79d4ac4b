import XCTest
@testable import SCIM

final class CSVConverterTests: XCTestCase {
    let ent = SCIMSchema.enterpriseUser

    private func mapping(_ columns: [(String, String)], rules: [(String, String)] = [], constants: [(String, JSONValue)] = [],
                         remaining: String? = nil) throws -> CSVMapping {
        var m = CSVMapping(remainingExtension: remaining)
        for (path, column) in columns { m.assignments.append(.init(try AttributePath(parsing: path), .column(column))) }
        for (path, value) in constants { m.assignments.append(.init(try AttributePath(parsing: path), .constant(value))) }
        for (path, rule) in rules { m.assignments.append(.init(try AttributePath(parsing: path), .rule(try BooleanRule(parsing: rule)))) }
        return m
    }

    private func convert(_ csv: String, _ mapping: CSVMapping?, catalog: AttributeCatalog = .standard) throws -> InputReadResult {
        try CSVConverter(catalog: catalog).convert(Array(csv.utf8), mapping: mapping)
    }

    func testRecordShapeFollowsTheMappingOrder() throws {
        let m = try mapping([("externalId", "Id"), ("\(ent):department", "Dept"), (#"emails[type eq "work"].value"#, "Mail"),
                             ("name.givenName", "First"), (#"emails[type eq "work"].primary"#, "Main"), ("\(ent):manager", "Boss")],
                            rules: [("active", #"Status in ["Active", "On leave"]"#)], constants: [("userType", "Employee")])
        let result = try convert("Id,Dept,Mail,First,Main,Boss,Status\n7,Sales,z@c.com,Zoë,yes,9,on LEAVE \n", m)
        let r = try XCTUnwrap(result.records.first)
        XCTAssertEqual(r.data.keys, ["schemas", "externalId", ent, "emails", "name", "userType", "active"])
        XCTAssertEqual(r.data["emails"], .array([["type": "work", "value": "z@c.com", "primary": true]]))
        XCTAssertEqual(r.enterprise, ["department": "Sales", "manager": ["value": "9"]], "manager alone means manager.value")
        XCTAssertEqual(r.active, true, "rules ignore case and surrounding spaces")
        XCTAssertEqual(r.schemas, [SCIMSchema.user, ent])
        XCTAssertEqual(r.origin, RecordOrigin(document: 0, index: 0, offset: 36, csvLine: 2))
        XCTAssertEqual(result.diagnostics, [])
    }

    func testEmptyCellsLeaveAttributesAndContainersOut() throws {
        let m = try mapping([("externalId", "Id"), ("name.givenName", "First"), (#"addresses[type eq "work"].locality"#, "City"),
                             ("urn:contoso:employee:badge", "Badge"), ("\(ent):department", "Dept")])
        let result = try convert("Id,First,City,Badge,Dept\n1,  ,,,\n2,Ann,Oslo,B7,\n", m)
        XCTAssertEqual(result.records[0].data.keys, ["schemas", "externalId"])
        XCTAssertEqual(result.records[0].schemas, [SCIMSchema.user, ent], "core and enterprise are always listed")
        XCTAssertEqual(result.records[1].extensionObject("urn:contoso:employee"), ["badge": "B7"])
        XCTAssertEqual(result.records[1].schemas, [SCIMSchema.user, ent, "urn:contoso:employee"])
        XCTAssertEqual(result.records[1].addresses.first?.object, ["type": "work", "locality": "Oslo"])
    }

    func testBooleanCellsAndTheirDiagnostics() throws {
        let result = try convert("externalId,active\n1,YES\n2,0\n3,False\n4,Active\n", nil)
        XCTAssertEqual(result.records.map(\.active), [true, false, false, nil])
        let bad = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(bad.rule, "csv.value.boolean")
        XCTAssertEqual(bad.severity, .warning)
        XCTAssertEqual(bad.record, 3)
        XCTAssertEqual(bad.position, SourcePosition(line: 5, column: 3), "points at the cell")
        XCTAssertTrue(bad.message.contains("\"Active\" in column active"), bad.message)
    }

    func testNumbersFollowTheCatalogType() throws {
        let urn = "urn:contoso:hr:1.0:User"
        let schema = SchemaDefinition(urn: urn, name: "HR", attributes: [
            AttributeDefinition("grade", .integer, "Pay grade."), AttributeDefinition("fte", .decimal, "Share of full time."),
        ])
        let catalog = AttributeCatalog(extensions: [schema])
        let m = try mapping([("\(urn):grade", "Grade"), ("\(urn):fte", "FTE"), ("\(urn):code", "Code")])
        let result = try convert("Grade,FTE,Code\n7,0.8,007\nseven,,x\n", m, catalog: catalog)
        XCTAssertEqual(result.records[0].extensionObject(urn), ["grade": .number(JSONNumber(7)), "fte": .number(try XCTUnwrap(JSONNumber(parsing: "0.8"))), "code": "007"])
        XCTAssertEqual(result.diagnostics.map(\.rule), ["csv.value.integer"])
    }

    func testConstantsTakeTheCatalogType() throws {
        let m = try mapping([("externalId", "Id")], constants: [("active", "true"), ("userType", "Employee")])
        let r = try XCTUnwrap(try convert("Id\n1\n", m).records.first)
        XCTAssertEqual(r.active, true)
        XCTAssertEqual(r.string("userType"), "Employee")
    }

    func testHeadersNamedLikeSCIMPathsMapThemselvesWithCanonicalNames() throws {
        let csv = "username,NAME.familyName,\(ent.lowercased()):costCenter,urn:contoso:employee:badge,Location\nz,Ng,CC1,B1,Oslo\n"
        let result = try convert(csv, nil)
        let r = try XCTUnwrap(result.records.first)
        XCTAssertEqual(r.data.keys, ["schemas", "userName", "name", ent, "urn:contoso:employee"])
        XCTAssertEqual(r.familyName, "Ng")
        XCTAssertEqual(r.enterprise, ["costCenter": "CC1"])
        XCTAssertEqual(result.diagnostics.map(\.rule), ["csv.column.unmapped"])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning, "some columns map: the rest is dropped data, not an error")
        XCTAssertEqual(result.diagnostics.first?.message, "1 column maps to no attribute and is left out: Location")
    }

    func testRemainingColumnsGoToTheExtensionAsStrings() throws {
        let m = try mapping([("externalId", "WorkerID")], rules: [("active", #"WorkerStatus == "Active""#)], remaining: "urn:contoso:employee")
        let r = try XCTUnwrap(try convert("WorkerID,WorkerStatus,Grade,Note\n1,Active,7,\n", m).records.first)
        XCTAssertEqual(r.extensionObject("urn:contoso:employee"), ["Grade": "7"], "columns read by rules are used; empty cells left out")
        let cli = try CSVConverter().convert(Array("WorkerID,Grade\n1,7\n".utf8), mapping: nil, extensionURN: "urn:x:y")
        XCTAssertEqual(cli.records.first?.extensionObject("urn:x:y"), ["WorkerID": "1", "Grade": "7"])
        XCTAssertEqual(cli.diagnostics, [], "nothing is ignored when remaining columns are kept")
    }

    func testMappingProblemsAreDiagnostics() throws {
        let m = try mapping([("externalId", "WorkerId "), ("userName", "UserNmae"), ("name", "Last"), ("name.givenName", "First")],
                            rules: [("active", #"Staus == "Active""#)])
        let result = try convert("WorkerID,UserName,Status,Last,First,First\n1,a,Active,L,F,G\n", m)
        XCTAssertEqual(result.diagnostics.map(\.rule), ["csv.header.duplicate", "mapping.column.missing", "mapping.path.conflict", "mapping.column.missing",
                                                      "csv.column.unused"])
        XCTAssertEqual(result.diagnostics[4].message, "3 columns are not used by the mapping: UserName, Status, First",
                       "the misspelt ones, and First (its path clashed) named once")
        XCTAssertEqual(result.diagnostics[1].hint, "did you mean \"UserName\"?")
        XCTAssertEqual(result.diagnostics[3].hint, "did you mean \"Status\"?")
        XCTAssertEqual(result.diagnostics[1].severity, .error)
        XCTAssertEqual(result.records.first?.externalId, "1", "a case-insensitive match is not missing")
        XCTAssertEqual(result.records.first?.active, false, "a missing column compares as empty")
        XCTAssertEqual(result.records.first?.data["name"], .string("L"), "the clashing later path is the one ignored")
    }

    func testShortAndLongRowsConvertWithAWarning() throws {
        let result = try convert("externalId,userName\n1,a,extra\n2\n", nil)
        let warnings = result.diagnostics.filter { $0.rule == "csv.row.columns" }
        XCTAssertEqual(warnings.map(\.position?.line), [2, 3])
        XCTAssertEqual(warnings.map(\.record), [0, 1])
        XCTAssertEqual(result.records.map(\.externalId), ["1", "2"])
        XCTAssertEqual(result.records.map(\.userName), ["a", nil])
    }

    func testUnreadableCSVThrows() {
        XCTAssertThrowsError(try convert("a,b\n\"open\n", nil)) { XCTAssertTrue("\($0)".contains("2:1: unterminated quoted field"), "\($0)") }
    }
}
