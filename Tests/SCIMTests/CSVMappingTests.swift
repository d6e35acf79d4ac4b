import XCTest
@testable import SCIM

final class CSVMappingTests: XCTestCase {
    let ent = SCIMSchema.enterpriseUser

    func testAttributePaths() throws {
        let cases: [(String, String?, String, String?, String?)] = [
            ("userName", nil, "userName", nil, nil),
            ("name.givenName", nil, "name", nil, "givenName"),
            (#"emails[type eq "work"].value"#, nil, "emails", "work", "value"),
            ("\(ent):manager.value", ent, "manager", nil, "value"),
            ("urn:contoso:employee:badge", "urn:contoso:employee", "badge", nil, nil),
            (#"addresses[type eq "work"].locality"#, nil, "addresses", "work", "locality"),
            ("\(ent):department", ent, "department", nil, nil),
            (#"urn:contoso:1.0:User:phones[type eq "a:b"].value"#, "urn:contoso:1.0:User", "phones", "a:b", "value"),
            (" userName ", nil, "userName", nil, nil),
        ]
        for (text, urn, attribute, filter, sub) in cases {
            let p = try AttributePath(parsing: text)
            XCTAssertEqual(p.urn, urn, text)
            XCTAssertEqual(p.attribute, attribute, text)
            XCTAssertEqual(p.filter?.value, filter, text)
            XCTAssertEqual(p.subAttribute, sub, text)
        }
        XCTAssertThrowsError(try AttributePath(parsing: "Full Name"))
        XCTAssertThrowsError(try AttributePath(parsing: #"emails[type ne "work"].value"#))
        for bad in ["urn:x", "emails[type eq \"work\"", "emails[type eq \"work\"]value", "name.", "1abc"] {
            XCTAssertThrowsError(try AttributePath(parsing: bad), bad)
        }
        XCTAssertEqual(try AttributePath(parsing: "\(ent):manager.value").description, "\(ent):manager.value")
    }

    func testApplyBuildsWorkElementsOnceAndCoerces() throws {
        var r = UserRecord()
        let catalog = AttributeCatalog.standard
        for (path, value) in [(#"addresses[type eq "work"].locality"#, "München"), (#"addresses[type eq "work"].country"#, "DE"), ("emails", "a@b.c")] {
            let p = try AttributePath(parsing: path)
            p.apply(try XCTUnwrap(p.coerce(value, catalog: catalog)), to: &r, catalog: catalog)
        }
        XCTAssertEqual(r.addresses.count, 1, "two columns of one filter fill one element")
        XCTAssertEqual(r.addresses.first?.object, ["type": "work", "locality": "München", "country": "DE"])
        XCTAssertEqual(r.emails.first?.type, "work")
        let manager = try AttributePath(parsing: "\(ent):manager.value")
        manager.apply(.string("1684"), to: &r, catalog: catalog)
        manager.apply(.string("1685"), to: &r, catalog: catalog)
        XCTAssertEqual(r.managerExternalId, "1685")
        XCTAssertEqual(r.data.keys, ["addresses", "emails", ent], "re-applying keeps the key order")
        let active = try AttributePath(parsing: "active")
        XCTAssertEqual(active.coerce("Yes", catalog: catalog), .bool(true))
        XCTAssertNil(active.coerce("Active", catalog: catalog))
    }

    func testRules() throws {
        let row = ["WorkerStatus": " active ", "WorkerType": "Intern", "Worker Status": "x"]
        func eval(_ s: String) throws -> Bool { try BooleanRule(parsing: s).evaluate { row[$0] } }
        XCTAssertTrue(try eval(#"WorkerStatus == "Active""#), "case and spaces ignored, like -eq")
        XCTAssertFalse(try eval(#"WorkerStatus != 'Active'"#))
        XCTAssertTrue(try eval(#"WorkerStatus -eq 'ACTIVE' and not (WorkerType in ["Contractor", "Vendor"])"#))
        XCTAssertTrue(try eval(#"WorkerType == "Employee" or WorkerType == "Intern""#))
        XCTAssertTrue(try eval(#"[Worker Status] == "X""#))
        XCTAssertFalse(try eval(#"Missing == "x""#))
        XCTAssertEqual(try BooleanRule(parsing: #"A == "1" and B in ["x"]"#).columns, ["A", "B"])
        for bad in [#"WorkerStatus = "Active""#, #"WorkerStatus == "#, #"(A == "1""#, #"A == "1" B"#] {
            XCTAssertThrowsError(try BooleanRule(parsing: bad), bad)
        }
    }

    func testCompiledRulesAgreeWithTheParsedOnes() throws {
        let header = ["Status", "Type", "Name"]
        let rows = [["Active", "Employee", "Zoë"], [" ACTIVE ", "intern", "ZOË"], ["Inactive", "Contractor", ""], ["active"]]
        let rules = [#"Status == "Active""#, #"Status != "active" or Type -eq 'INTERN'"#, #"not Type in ["Employee", "Intern"]"#,
                     #"Name == "zoë" and (Type == "employee" or Type == "intern")"#, #"Status == "Active" or Type == "x" and false"#,
                     #"Missing == """#, "true"]
        for text in rules {
            let rule = try BooleanRule(parsing: text)
            let compiled = CompiledRule(rule) { header.firstIndex(of: $0) }
            for row in rows {
                let byName = rule.evaluate { name in header.firstIndex(of: name).flatMap { $0 < row.count ? row[$0] : nil } }
                XCTAssertEqual(compiled.evaluate(row), byName, "\(text) on \(row)")
            }
        }
        XCTAssertEqual(try BooleanRule(parsing: #"A == "1" or B == "2" and not C == "3""#),
                       .or(.equals(column: "A", value: "1"), .and(.equals(column: "B", value: "2"), .not(.equals(column: "C", value: "3")))),
                       "not binds tightest, then and, then or")
    }

    func testSelfNamingColumnsAndRemainingExtension() throws {
        let csv = "externalId,userName,name.givenName,\(ent):department,emails[type eq \"work\"].value,active,Badge\n7,z@c.com,Zoë,Sales,z@c.com,true,B-1\n"
        let plain = try CSVConverter().convert(Array(csv.utf8), mapping: nil)
        let r = try XCTUnwrap(plain.records.first)
        XCTAssertEqual(r.externalId, "7")
        XCTAssertEqual(r.givenName, "Zoë")
        XCTAssertEqual(r.department, "Sales")
        XCTAssertEqual(r.emails.first?.value, "z@c.com")
        XCTAssertEqual(r.active, true)
        XCTAssertEqual(r.data.keys.first, "schemas")
        XCTAssertEqual(plain.diagnostics.map(\.rule), ["csv.column.unmapped"], "Badge is reported as ignored")
        let kept = try CSVConverter().convert(Array(csv.utf8), mapping: nil, extensionURN: "urn:contoso:employee")
        XCTAssertEqual(kept.records.first?.extensionObject("urn:contoso:employee"), ["Badge": "B-1"])
        XCTAssertTrue(kept.records.first?.schemas.contains("urn:contoso:employee") ?? false)
    }

    func testMissingColumnSuggestsTheClosest() throws {
        let mapping = CSVMapping(assignments: [.init(try AttributePath(parsing: "externalId"), .column("WorkerId "))
                                             , .init(try AttributePath(parsing: "userName"), .column("UserNmae"))])
        let result = try CSVConverter().convert(Array("WorkerID,UserName\n1,a\n".utf8), mapping: mapping)
        let missing = result.diagnostics.filter { $0.rule == "mapping.column.missing" }
        XCTAssertEqual(missing.count, 1, "a case-insensitive match is not missing: \(missing.map(\.message))")
        XCTAssertEqual(missing.first?.hint, "did you mean \"UserName\"?")
        XCTAssertEqual(missing.first?.severity, .error)
    }

    func testRowsWithTheWrongFieldCountAreWarned() throws {
        let result = try CSVConverter().convert(Array("externalId,userName\n1,a,extra\n2\n".utf8), mapping: nil)
        XCTAssertEqual(result.diagnostics.filter { $0.rule == "csv.row.columns" }.map(\.position?.line), [2, 3])
        XCTAssertEqual(result.records.count, 2)
    }
}
