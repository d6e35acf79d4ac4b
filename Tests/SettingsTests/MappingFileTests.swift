import Foundation
import SCIM
import Settings
import XCTest

final class MappingFileTests: XCTestCase {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var samples: URL { root.appendingPathComponent("Tests/SCIMTests/Fixtures/microsoft-samples") }
    static var example: String { root.appendingPathComponent("examples/csv2scim-mapping.toml").path }

    func testParsesEverySectionInFileOrder() throws {
        let m = try MappingFile.parse("""
            [columns]
            userName = "UserID"
            externalId = "WorkerID"
            'emails[type eq "work"].value' = "Email"
            [constants]
            userType = "Employee"
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization" = "Contoso"
            [rules]
            active = 'WorkerStatus == "Active"'
            [remaining]
            extension = "urn:contoso:employee"
            """)
        XCTAssertEqual(m.assignments.map(\.path.description),
                       ["userName", "externalId", #"emails[type eq "work"].value"#, "userType",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization", "active"])
        XCTAssertEqual(m.assignments[3].source, .constant("Employee"))
        XCTAssertEqual(m.assignments[5].source, .rule(.equals(column: "WorkerStatus", value: "Active")))
        XCTAssertEqual(m.remainingExtension, "urn:contoso:employee")
    }

    func testErrorsNameTheLineTheSectionAndTheKey() {
        let cases: [(String, String)] = [
            ("[columns]\nuserName = ", "2:12: "),
            ("[columns]\nexternalId = \"Id\"\n\nfavouriteColour = \"Colour\"", "4: [columns] favouriteColour: not an attribute"),
            ("[columns]\nuserName = 3", "2: [columns] userName: the value must be a CSV column name"),
            ("[rules]\nactive = 'WorkerStatus = \"Active\"'", "2: [rules] active: unexpected '='"),
            ("[rules]\ntitle = 'A == \"1\"'", "2: [rules] title: a rule gives true or false, but title is a string attribute"),
            ("[remaining]\nextension = \"contoso\"", "2: [remaining] extension: give an extension URN"),
            ("[remaining]\nurn = \"urn:a:b\"", "2: [remaining] urn: unknown key"),
            ("[colums]\nuserName = \"U\"", "1: unknown section or key 'colums' (did you mean [columns]?)"),
            ("[columns]\nWorkerID = \"externalId\"", "write externalId = \"…\""),
            ("[columns]\n\"emails[type eq 'work'\" = \"Mail\"", "2: [columns] emails[type eq 'work': "),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try MappingFile.parse(text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) does not contain \(expected)")
            }
        }
    }

    func testNestedTablesAndDottedKeysAreAttributePaths() throws {
        let m = try MappingFile.parse("""
            [columns]
            name.givenName = "First"
            "name.familyName" = "Last"

            [columns."urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]
            manager.value = "Boss"
            department = "Dept"

            [columns."urn:contoso:employee"]
            badge = "Badge"
            address = { city = "City" }

            [constants]
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization" = "Contoso"
            active = true
            """)
        XCTAssertEqual(m.assignments.map(\.path.description), [
            "name.givenName", "name.familyName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            "urn:contoso:employee:badge", "urn:contoso:employee:address.city",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization", "active",
        ])
        XCTAssertEqual(m.assignments.last?.source, .constant(.bool(true)))
    }

    func testLoadNamesTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mapping-\(UUID().uuidString).toml")
        try Data("[columns]\n\nuserName = 3\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try MappingFile.load(path: url.path)) { error in
            XCTAssertEqual("\(error)", "\(url.path):3: [columns] userName: the value must be a CSV column name in quotes, e.g. userName = \"WorkerID\"")
            XCTAssertEqual((error as? MappingFile.LoadError)?.line, 3)
        }
        XCTAssertThrowsError(try MappingFile.load(path: "/nonexistent/m.toml")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/m.toml: cannot read the mapping file")
        }
    }

    func testTheExampleMappingMatchesCSV2SCIMsSample() throws {
        let m = try MappingFile.load(path: Self.example)
        let e = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
        let expected: [(String, CSVMapping.Source)] = [
            ("externalId", .column("WorkerID")), ("userName", .column("UserID")), ("displayName", .column("FullName")),
            ("nickName", .column("UserID")), ("userType", .column("WorkerType")), ("title", .column("JobTitle")),
            ("name.familyName", .column("LastName")), ("name.givenName", .column("FirstName")),
            (#"addresses[type eq "work"].streetAddress"#, .column("StreetAddress")), (#"addresses[type eq "work"].locality"#, .column("City")),
            (#"addresses[type eq "work"].postalCode"#, .column("ZipCode")), (#"addresses[type eq "work"].country"#, .column("CountryCode")),
            (#"phoneNumbers[type eq "work"].value"#, .column("OfficePhone")),
            (e + "employeeNumber", .column("WorkerID")), (e + "costCenter", .column("CostCenter")), (e + "organization", .column("Company")),
            (e + "division", .column("Division")), (e + "department", .column("Department")), (e + "manager.value", .column("ManagerID")),
            ("active", .rule(.equals(column: "WorkerStatus", value: "Active"))),
        ]
        XCTAssertEqual(m.assignments.map(\.path.description), expected.map(\.0))
        XCTAssertEqual(m.assignments.map(\.source), expected.map(\.1))
        XCTAssertNil(m.remainingExtension)
    }

    func testEveryMicrosoftSampleCSVConvertsWithTheExampleMapping() throws {
        let expected = ["csv-with-2-records.csv": 2, "csv-with-1000-records.csv": 1000, "csv-with-5-records.txt": 5,
                        "employeeData.csv": 332, "contractorData.csv": 331, "internData.csv": 337]
        for (file, count) in expected {
            let loaded = try InputLoader.load(path: Self.samples.appendingPathComponent(file).path, mappingPath: Self.example)
            XCTAssertEqual(loaded.records.count, count, file)
            let diagnostics = loaded.validate()
            XCTAssertFalse(diagnostics.hasErrors, "\(file): \(diagnostics.filter { $0.severity == .error }.map(\.message).prefix(3))")
            XCTAssertEqual(loaded.result.diagnostics.map(\.rule), ["csv.column.unused"], "\(file): reading says only what is left out")
            XCTAssertEqual(loaded.result.diagnostics.first?.message,
                           "6 columns are not used by the mapping: GenderPronoun, HireDate, OnLeave, Location, Custom01, Custom02", file)
            let documents = BulkRequestBuilder().documents(for: loaded.records)
            XCTAssertEqual(documents.count, (count + 49) / 50, file)
            XCTAssertTrue(loaded.records.allSatisfy { $0.externalId?.isEmpty == false && $0.active != nil }, file)
        }
    }

    func testAKnownRowBecomesTheRightUser() throws {
        let loaded = try InputLoader.load(path: Self.samples.appendingPathComponent("csv-with-2-records.csv").path, mappingPath: Self.example)
        let r = try XCTUnwrap(loaded.records.first { $0.externalId == "1222" })
        XCTAssertEqual(r.active, false, "WorkerStatus is Inactive")
        XCTAssertEqual(r.userName, "EMP1222")
        XCTAssertEqual(r.displayName, "Talya Fleeta")
        XCTAssertEqual(r.givenName, "Talya")
        XCTAssertEqual(r.familyName, "Fleeta")
        XCTAssertEqual(r.string("userType"), "Contractor")
        XCTAssertEqual(r.department, "Sales")
        XCTAssertEqual(r.managerExternalId, "1684")
        XCTAssertEqual(r.enterprise?.attribute("employeeNumber"), "1222")
        XCTAssertEqual(r.addresses.first?.object["locality"], "Chicago")
        XCTAssertEqual(r.addresses.first?.type, "work")
        XCTAssertEqual(r.phoneNumbers.first?.value, "259-915-1098")
        XCTAssertEqual(r.schemas, [SCIMSchema.user, SCIMSchema.enterpriseUser])
        XCTAssertEqual(loaded.records.first { $0.externalId == "1513" }?.active, true)
    }

    func testTheKnownRowIsExactlyTheJSONCSV2SCIMWouldSend() throws {
        let loaded = try InputLoader.load(path: Self.samples.appendingPathComponent("csv-with-2-records.csv").path, mappingPath: Self.example)
        let ent = SCIMSchema.enterpriseUser
        let expected: JSONObject = [
            "schemas": [.string(SCIMSchema.user), .string(ent)],
            "externalId": "1222", "userName": "EMP1222", "displayName": "Talya Fleeta", "nickName": "EMP1222",
            "userType": "Contractor", "title": "Sales Executive",
            "name": ["familyName": "Fleeta", "givenName": "Talya"],
            "addresses": [["type": "work", "streetAddress": "303 Mansion Ct", "locality": "Chicago", "postalCode": "85434", "country": "UK"]],
            "phoneNumbers": [["type": "work", "value": "259-915-1098"]],
            ent: ["employeeNumber": "1222", "costCenter": "CC3035", "organization": "Woodgrove", "division": "Electronics",
                         "department": "Sales", "manager": ["value": "1684"]],
            "active": false,
        ]
        XCTAssertEqual(loaded.records.first?.data, expected)
        XCTAssertEqual(loaded.records.first?.origin?.csvLine, 2)
        XCTAssertEqual(loaded.records.last?.origin?.csvLine, 3)
    }

    func testQuotedAndLogicAppsSamplesGiveTheSameValues() throws {
        let quoted = try InputLoader.load(path: Self.samples.appendingPathComponent("employeeData.csv").path, mappingPath: Self.example)
        let r = try XCTUnwrap(quoted.records.first)
        XCTAssertEqual(r.externalId, "1513")
        XCTAssertEqual(r.active, true)
        XCTAssertEqual(r.department, "Product Engineering")
        XCTAssertEqual(r.addresses.first?.object["locality"], "Frankfurt")
        XCTAssertEqual(r.managerExternalId, "1959")
        let logicApps = try InputLoader.load(path: Self.samples.appendingPathComponent("csv-with-5-records.txt").path, mappingPath: Self.example)
        XCTAssertEqual(logicApps.records.first?.externalId, "1222")
        XCTAssertEqual(logicApps.records.first?.active, true, "Active in this file")
        XCTAssertEqual(logicApps.records.dropFirst().first?.addresses.first?.object, ["type": "work", "locality": "Chicago", "postalCode": "53965", "country": "DE"],
                       "an empty StreetAddress is left out of the element")
    }

    func testTheThousandRowFileHasTheDuplicatesMicrosoftShipped() throws {
        let loaded = try InputLoader.load(path: Self.samples.appendingPathComponent("csv-with-1000-records.csv").path, mappingPath: Self.example)
        let diagnostics = loaded.validate()
        let duplicates = diagnostics.filter { $0.rule == "entra.externalId.duplicate" }
        XCTAssertEqual(duplicates.count, 1000 - Set(loaded.records.compactMap(\.externalId)).count)
        XCTAssertTrue(duplicates.allSatisfy { $0.position != nil })
        let ids = BulkRequestBuilder().documents(for: loaded.records).flatMap(\.bulkIds)
        XCTAssertEqual(Set(ids).count, 1000, "bulkIds stay unique despite duplicate externalIds")
    }
}
