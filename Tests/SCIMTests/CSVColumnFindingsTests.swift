import XCTest
@testable import SCIM

/// What the conversion says about the file as a whole: columns that feed nothing, users left empty.
final class CSVColumnFindingsTests: XCTestCase {
    let hrHeader = "WorkerID,FirstName,LastName,FullName,UserID,WorkerStatus,WorkerType,Department,Division,CostCenter,Company,Email"

    private func convert(_ csv: String, _ mapping: CSVMapping? = nil, extensionURN: String? = nil) throws -> InputReadResult {
        try CSVConverter().convert(Array(csv.utf8), mapping: mapping, extensionURN: extensionURN)
    }

    private func mapping(_ columns: [(String, String)], rules: [(String, String)] = [], constants: [(String, JSONValue)] = []) throws -> CSVMapping {
        var m = CSVMapping()
        for (path, column) in columns { m.assignments.append(.init(try AttributePath(parsing: path), .column(column))) }
        for (path, rule) in rules { m.assignments.append(.init(try AttributePath(parsing: path), .rule(try BooleanRule(parsing: rule)))) }
        for (path, value) in constants { m.assignments.append(.init(try AttributePath(parsing: path), .constant(value))) }
        return m
    }

    func testAnHRExportWithoutAMappingIsOneFileLevelErrorNamingTheColumns() throws {
        let row = "1,Ann,Lee,Ann Lee,ann,Active,Employee,Sales,Food,CC1,Contoso,ann@contoso.com"
        let result = try convert("\(hrHeader)\n\(row)\n\n\(row)\n")
        let columns = result.diagnostics.filter { $0.rule == "csv.column.unmapped" }
        XCTAssertEqual(columns.count, 1, "one finding for the file, not one per column")
        let finding = try XCTUnwrap(columns.first)
        XCTAssertEqual(finding.severity, .error)
        XCTAssertNil(finding.record, "a file-level finding")
        XCTAssertEqual(finding.position, SourcePosition(line: 1, column: 1))
        XCTAssertEqual(finding.message, "12 columns map to no attribute: WorkerID, FirstName, LastName, FullName, UserID, WorkerStatus, "
                       + "WorkerType, Department, …; pass --mapping or name the columns like SCIM paths")
        XCTAssertTrue(result.diagnostics.hasErrors)
    }

    func testRecordsWithNothingButSchemasAreErrorsOfTheirRow() throws {
        let result = try convert("WorkerID,FirstName\n1,Ann\n\n2,Bo\n")
        let empty = result.diagnostics.filter { $0.rule == "record.empty" }
        XCTAssertEqual(empty.map(\.record), [0, 1])
        XCTAssertEqual(empty.map(\.position?.line), [2, 4], "the row's own line, blank lines skipped")
        XCTAssertTrue(empty.allSatisfy { $0.severity == .error })
        XCTAssertEqual(result.records.map(\.data.keys), [["schemas"], ["schemas"]])
    }

    func testSelfNamedColumnsBesideUnknownOnesAreAWarningAndNoEmptyRecords() throws {
        let result = try convert("externalId,userName,Badge\n1,a@contoso.com,B1\n")
        XCTAssertEqual(result.diagnostics.map(\.rule), ["csv.column.unmapped"])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
        XCTAssertFalse(result.diagnostics.hasErrors)
        let kept = try convert("WorkerID,Badge\n1,B1\n", extensionURN: "urn:contoso:employee")
        XCTAssertEqual(kept.diagnostics, [], "--extension-urn keeps every column: nothing unmapped, nothing empty")
    }

    func testColumnsAMappingDoesNotUseAreANoteNamingThem() throws {
        let m = try mapping([("externalId", "WorkerID"), ("userName", "UserID")], rules: [("active", #"WorkerStatus == "Active""#)])
        let result = try convert("WorkerID,UserID,WorkerStatus,Email,Location\n1,ann,Active,ann@contoso.com,Oslo\n", m)
        XCTAssertEqual(result.diagnostics.map(\.rule), ["csv.column.unused"])
        let note = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(note.severity, .note)
        XCTAssertNil(note.record)
        XCTAssertEqual(note.message, "2 columns are not used by the mapping: Email, Location", "a column read by a rule is used")
        var everything = m
        everything.remainingExtension = "urn:contoso:employee"
        XCTAssertEqual(try convert("WorkerID,UserID,WorkerStatus,Email\n1,ann,Active,x\n", everything).diagnostics, [])
    }

    func testARowWhoseMappedCellsAreAllBlankIsAnEmptyRecord() throws {
        let m = try mapping([("externalId", "WorkerID"), ("userName", "UserID")])
        let result = try convert("WorkerID,UserID\n1,ann\n , \n", m)
        XCTAssertEqual(result.diagnostics.map(\.rule), ["record.empty"])
        XCTAssertEqual(result.diagnostics.first?.record, 1)
        XCTAssertEqual(result.diagnostics.first?.hint, "every cell the mapping reads is empty in this row")
        let constant = try mapping([("externalId", "WorkerID")], constants: [("userType", "Employee")])
        XCTAssertEqual(try convert("WorkerID\n1\n \n", constant).diagnostics, [], "a constant is something")
    }

    func testTheStreamingEmitterReportsTheSameFindings() throws {
        let csv = "WorkerID,FirstName\n1,Ann\n"
        let summary = try CSVBulkEmitter(builder: BulkRequestBuilder()).emit(Array(csv.utf8), mapping: nil) { _ in }
        XCTAssertEqual(summary.diagnostics.map(\.rule), ["csv.column.unmapped", "record.empty"])
        XCTAssertEqual(summary.diagnostics, try convert(csv).diagnostics)
    }

    func testLongListsStopAtEightNames() {
        XCTAssertEqual(CSVColumnFindings.list(["a", "b"]), "a, b")
        XCTAssertEqual(CSVColumnFindings.list((1...9).map { "c\($0)" }), "c1, c2, c3, c4, c5, c6, c7, c8, …")
        XCTAssertEqual(CSVColumnFindings.list(["evil\u{1B}[2J"]), "evil\\e[2J", "header text never drives the terminal")
    }
}
