import App
import AppTesting
import SCIM
import TerminalUI
import XCTest

final class FormUpdateTests: XCTestCase {
    private func formOnFirstUser() -> Keys {
        let k = Keys(Fixture.state())
        k.press("enter")
        XCTAssertEqual(k.state.screen, .form)
        return k
    }

    func testTypingEditsTheWorkspaceRecordAtOnce() {
        let k = formOnFirstUser()
        k.press("down down").type(" Jr")
        XCTAssertEqual(k.state.store.entries[0].record.displayName, "Zoë Ångström Jr")
        XCTAssertTrue(k.state.unsent.contains(k.state.store.entries[0].id))
        XCTAssertTrue(k.effects.contains { if case .settleAfter = $0 { return true } else { return false } })
        XCTAssertNil(k.state.preview, "a stale preview is dropped")
    }

    func testClearingUserNameShowsTheWarningUnderTheFieldAndUndoBringsItBack() {
        let k = formOnFirstUser()
        k.press("down ctrl-e ctrl-u")
        XCTAssertNil(k.state.store.entries[0].record.userName)
        XCTAssertNotNil(k.state.form?.form.field("userName")?.error)
        XCTAssertTrue(k.text.contains("! no userName"), k.text)
        XCTAssertEqual(k.state.worstSeverity(id: k.state.store.entries[0].id), .warning)
        k.press("alt-z")
        XCTAssertEqual(k.state.store.entries[0].record.userName, "zoe.angstrom@contoso.com")
        XCTAssertNil(k.state.form?.form.field("userName")?.error)
        k.press("ctrl-y")
        XCTAssertNil(k.state.store.entries[0].record.userName)
        k.type("z@contoso.com")
        XCTAssertEqual(k.state.store.entries[0].record.data.keys.prefix(3), ["schemas", "externalId", "userName"], "back in its place")
        k.press("ctrl-r")
        XCTAssertEqual(k.state.store.entries[0].record, k.state.form?.original)
    }

    func testEnterpriseFieldEditsTheExtensionAndAnEmptyFieldCreatesNothing() throws {
        let k = formOnFirstUser()
        let costCenter = try XCTUnwrap(k.state.form?.form.fields.firstIndex { $0.id.hasSuffix(".costCenter") })
        for _ in 0..<costCenter { k.press("down") }
        k.type("CC-7")
        let record = k.state.store.entries[0].record
        XCTAssertEqual(record.enterprise?["costCenter"], "CC-7")
        XCTAssertEqual(record.enterprise?["department"], "Executive", "other enterprise attributes are kept")
        k.press("backspace backspace backspace backspace")
        XCTAssertNil(k.state.store.entries[0].record.enterprise?["costCenter"])
        XCTAssertNil(k.state.store.entries[0].record.data["nickName"], "untouched empty fields add nothing")
    }

    func testUnknownAttributesAreShownAndKeptThroughEdits() {
        var record = Fixture.user("7", "seven@contoso.com")
        record.data.append("customerThing", ["a": 1])
        let k = Keys(Fixture.state(records: [record]))
        k.press("enter")
        XCTAssertTrue(k.text.contains("1 other attribute kept"), k.text)
        XCTAssertEqual(k.state.form?.form.field("customerThing")?.input.text, #"{"a":1}"#)
        k.press("down").type("x")
        XCTAssertEqual(k.state.store.entries[0].record.data["customerThing"], ["a": 1])
        XCTAssertEqual(k.state.store.entries[0].record.data.keys.last, "customerThing", "order kept")
    }

    func testMultiValuedEmailsAreFieldsPerEntry() {
        let k = formOnFirstUser()
        XCTAssertEqual(k.state.form?.form.field("emails[0].value")?.input.text, "zoe.angstrom@contoso.com")
        XCTAssertEqual(k.state.form?.form.field("emails[0].primary")?.input.text, "true")
        XCTAssertNotNil(k.state.form?.form.field("phoneNumbers[0].value"), "an empty slot to add a first phone number")
        let phone = k.state.form?.form.fields.firstIndex { $0.id == "phoneNumbers[0].value" } ?? 0
        for _ in 0..<phone { k.press("down") }
        k.type("+48 12 345")
        XCTAssertEqual(k.state.store.entries[0].record.phoneNumbers.first?.object["value"], "+48 12 345")
    }

    func testRawJSONReportsParseErrorsWithLineAndColumnThenApplies() {
        let k = formOnFirstUser()
        k.press("ctrl-t")
        XCTAssertNotNil(k.state.form?.raw)
        XCTAssertTrue(k.text.contains("\"userName\": \"zoe.angstrom@contoso.com\""), k.text)
        k.press("end").type("}")
        k.press("ctrl-t")
        XCTAssertEqual(k.state.form?.raw?.error, "2:3 unexpected content after the JSON value")
        XCTAssertTrue(k.text.contains("✗ 2:3 unexpected content"), k.text)
        k.press("backspace enter").type("\"nickName\": \"Zo\",")
        k.press("ctrl-t")
        XCTAssertNil(k.state.form?.raw, k.state.form?.raw?.error ?? "")
        let record = k.state.store.entries[0].record
        XCTAssertEqual(record.data["nickName"], "Zo")
        XCTAssertEqual(record.data.keys.first, "nickName", "placed where it was typed")
        XCTAssertEqual(record.userName, "zoe.angstrom@contoso.com")
        k.press("alt-z")
        XCTAssertNil(k.state.store.entries[0].record.data["nickName"], "a raw edit is one undo step")
    }
}
