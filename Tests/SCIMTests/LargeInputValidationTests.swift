import XCTest
@testable import SCIM

/// Large inputs are validated on several cores, in pieces; the problems found, their order and the
/// cross-record rules must not depend on where the pieces were cut.
final class LargeInputValidationTests: XCTestCase {
    private let documents = 120, perDocument = 50

    /// User `i`: externalId `E<i>`, managed by the next user (who comes later in the file).
    private func user(_ i: Int) -> String {
        var externalId = "E\(i)", userName = "u\(i)@contoso.com", manager = "E\(i + 1)", active = "true"
        if i == 4500 { externalId = "E10" }                  // the same externalId as user 10
        if i == 3000 { userName = "U7@CONTOSO.COM" }         // user 7's userName, in capitals
        if i == 2222 { manager = "E2222" }                   // their own manager
        if i == documents * perDocument - 1 { manager = "nobody" }
        if i % 997 == 5 { active = #""true""# }              // a string, not a boolean
        return #"{"schemas":["\#(SCIMSchema.user)","\#(SCIMSchema.enterpriseUser)"],"externalId":"\#(externalId)","userName":"\#(userName)","active":\#(active),"\#(SCIMSchema.enterpriseUser)":{"manager":{"value":"\#(manager)"}}}"#
    }

    private func input(documents: Int) -> [UInt8] {
        let lines = (0..<documents).map { d in
            let operations = (0..<perDocument).map { o in
                let method = d == 60 && o == 3 ? "PUT" : "POST"
                return #"{"method":"\#(method)","bulkId":"b\#(o)","path":"/Users","data":\#(user(d * perDocument + o))}"#
            }
            return #"{"schemas":["\#(SCIMSchema.bulkRequest)"],"Operations":[\#(operations.joined(separator: ","))]}"#
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    func testProblemsAreFoundAcrossPiecesInRecordOrder() throws {
        let bytes = input(documents: documents)
        let result = try PayloadReader.read(json: bytes)
        XCTAssertEqual(result.records.count, documents * perDocument)
        let found = Validator().validate(result, bytes: bytes).map { "\($0.rule) \($0.record.map(String.init) ?? "d\($0.document!)")" }
        let activeStrings = stride(from: 5, to: documents * perDocument, by: 997).flatMap { ["scim.type.boolean \($0)", "scim.type \($0)"] }
        XCTAssertEqual(found, ["entra.method d60"] + activeStrings + [
            "entra.userName.duplicate 3000",
            "entra.externalId.duplicate 4500",
            "entra.manager.self 2222",
            "entra.manager.outside 4499",  // its manager E4500 was renamed E10
            "entra.manager.outside \(documents * perDocument - 1)",
        ])
    }

    /// Past `DeferredRelease.minimumRecords`, dropping the result frees its trees on another thread:
    /// what the caller kept must stay intact.
    func testRecordsKeptOutliveTheirResult() throws {
        let documents = DeferredRelease.minimumRecords / perDocument + 1, count = documents * perDocument
        var kept: [UserRecord] = []
        do {
            let result = try PayloadReader.read(json: input(documents: documents))
            kept = Array(result.records.suffix(3))
        }
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(kept.map(\.externalId), (count - 3..<count).map { "E\($0)" })
        XCTAssertEqual(kept.last?.managerExternalId, "E\(count)")
    }
}
