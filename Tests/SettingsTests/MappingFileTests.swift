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

    func testErrorsNameTheLineOrTheKey() {
        let cases: [(String, String)] = [
            ("[columns]\nuserName = ", "2:"),
            ("[columns]\nfavouriteColour = \"Colour\"", "[columns] favouriteColour: not an attribute"),
            ("[columns]\nuserName = 3", "[columns] userName: the value must be a column name"),
            ("[rules]\nactive = 'WorkerStatus = \"Active\"'", "[rules] active:"),
            ("[remaining]\nextension = \"contoso\"", "[remaining] extension"),
            ("[colums]\nuserName = \"U\"", "unknown section or key 'colums'"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try MappingFile.parse(text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) does not contain \(expected)")
            }
        }
    }

    func testEveryMicrosoftSampleCSVConvertsWithTheExampleMapping() throws {
        let expected = ["csv-with-2-records.csv": 2, "csv-with-1000-records.csv": 1000, "csv-with-5-records.txt": 5,
                        "employeeData.csv": 332, "contractorData.csv": 331, "internData.csv": 337]
        for (file, count) in expected {
            let loaded = try InputLoader.load(path: Self.samples.appendingPathComponent(file).path, mappingPath: Self.example)
            XCTAssertEqual(loaded.records.count, count, file)
            let diagnostics = loaded.validate()
            XCTAssertFalse(diagnostics.hasErrors, "\(file): \(diagnostics.filter { $0.severity == .error }.map(\.message).prefix(3))")
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
