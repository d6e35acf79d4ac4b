import Foundation
import Provisioning
import SCIM
import XCTest

/// Updates are partial (ENTRA.md §4): what an earlier send set and a record leaves out stays in Entra.
final class PartialUpdateNotesTests: XCTestCase {
    let sentAt = Date(timeIntervalSince1970: 1_800_000_000)

    private func record(_ json: String) throws -> UserRecord {
        UserRecord(data: try XCTUnwrap(try JSONParser.parse(Array(json.utf8)).objectValue))
    }

    func testTheCarriedAttributesGoOneLevelIntoNameAndExtensions() throws {
        let r = try record("""
            {"schemas":["x"],"externalId":"1","userName":"a@b","name":{"givenName":"A","familyName":null},"title":null,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"D"},"emails":[{"value":"a@b"}]}
            """)
        XCTAssertEqual(PartialUpdateNotes.carried(r.data),
                       ["username", "name.givenname", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department", "emails"])
    }

    func testARecordThatLeavesOutWhatTheLastAcceptedSendSetGetsANote() throws {
        let path = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try SendJournal(path: path)
        let full = try record("""
            {"externalId":"701984","userName":"a@contoso.com","title":"Engineer","active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","costCenter":"C1"}}
            """)
        let body = BulkRequestBuilder(batchSize: 50).documents(for: [full])[0].bytes()
        let sendId = try journal.begin(endpoint: "E", documents: [(body, ["701984"])], now: sentAt)
        XCTAssertTrue(try journal.lastAccepted(endpoint: "E", externalIds: ["701984"]).isEmpty, "not accepted yet: Entra has none of it")
        try journal.update(sendId, document: 0, state: .accepted, at: sentAt)

        let minimal = try record(#"{"externalId":"701984","userName":"a@contoso.com","active":true}"#)
        let previous = try journal.lastAccepted(endpoint: "E", externalIds: ["701984", "other"])
        XCTAssertEqual(previous.keys.sorted(), ["701984"])
        let notes = PartialUpdateNotes.diagnostics([minimal, full], previous: previous, clock: { _ in "yesterday" })
        XCTAssertEqual(notes.count, 1, "the full record leaves nothing out")
        let note = try XCTUnwrap(notes.first)
        XCTAssertEqual(note.severity, .note)
        XCTAssertEqual(note.rule, "entra.update.partial")
        XCTAssertEqual(note.record, 0)
        XCTAssertTrue(note.message.contains("leaves out 3 attributes sent for externalId 701984 on yesterday"), note.message)
        XCTAssertTrue(note.message.contains("title"), note.message)
        XCTAssertTrue(note.message.contains("left unchanged by Entra unless the job flows null values"), note.message)
        XCTAssertTrue(try journal.lastAccepted(endpoint: "other endpoint", externalIds: ["701984"]).isEmpty)
    }
}
