import App
import AppTesting
import SCIM
import TerminalUI
import XCTest

/// The form's whole-entry commands: emails / phone numbers / addresses added, removed and made
/// primary, and custom extension attributes added by URN and name.
final class FormEntryTests: XCTestCase {
    private func form(focusing id: String) throws -> Keys {
        let k = Keys(Fixture.state())
        k.press("enter")
        let index = try XCTUnwrap(k.state.form?.form.fields.firstIndex { $0.id == id }, "no field \(id)")
        for _ in 0..<index { k.press("down") }
        XCTAssertEqual(k.state.form?.form.focusedField?.id, id)
        return k
    }

    func testAddingAnEmailMakesAWorkEntryAndMakingItPrimaryClearsTheOther() throws {
        let k = try form(focusing: "emails[0].value")
        XCTAssertTrue(k.text.contains("add entry"), "the hints follow the cursor:\n\(k.text)")
        k.press("ctrl-n")
        XCTAssertEqual(k.state.form?.form.focusedField?.id, "emails[1].value", "the new entry's value has the focus")
        k.type("zoe@fabrikam.com")
        var list = k.state.store.entries[0].record.data["emails"]?.arrayValue ?? []
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(list[1], ["type": "work", "value": "zoe@fabrikam.com"])
        XCTAssertEqual(k.state.form?.form.field("emails[1].type")?.input.text, "work")

        k.press("alt-p")
        list = k.state.store.entries[0].record.data["emails"]?.arrayValue ?? []
        XCTAssertEqual(list[1].objectValue?["primary"], .bool(true))
        XCTAssertEqual(list[0].objectValue?["primary"], .bool(false), "RFC 7643 §2.4: at most one primary")
        XCTAssertFalse(k.state.form?.diagnostics.contains { $0.rule.contains("primary") } ?? true)

        k.press("ctrl-x")
        list = k.state.store.entries[0].record.data["emails"]?.arrayValue ?? []
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list[0].objectValue?["value"], "zoe.angstrom@contoso.com")
        XCTAssertTrue(k.text.contains("removed emails[1]"), k.text)
        k.press("alt-z")
        XCTAssertEqual(k.state.store.entries[0].record.data["emails"]?.arrayValue?.count, 2, "a removal is one undo step")
    }

    func testTheFirstPhoneNumberIsAddedAsPrimaryAndRemovingItRemovesTheAttribute() throws {
        let k = try form(focusing: "phoneNumbers[0].value")
        XCTAssertNil(k.state.store.entries[0].record.data["phoneNumbers"])
        k.press("ctrl-n")
        XCTAssertEqual(k.state.store.entries[0].record.data["phoneNumbers"], [["type": "work", "primary": true]])
        k.type("+48 12 345 67 89")
        XCTAssertEqual(k.state.store.entries[0].record.phoneNumbers.first?.object["value"], "+48 12 345 67 89")
        k.press("ctrl-x")
        XCTAssertNil(k.state.store.entries[0].record.data["phoneNumbers"], "no empty list is left for Entra")
        XCTAssertNotNil(k.state.form?.form.field("phoneNumbers[0].value"), "the empty slot is back")
    }

    func testEntryCommandsOutsideAnEntrySayWhereToGo() throws {
        let k = try form(focusing: "userName")
        let before = k.state.store.entries[0].record
        k.press("ctrl-n")
        XCTAssertEqual(k.state.store.entries[0].record, before)
        XCTAssertEqual(k.state.message?.level, .warning)
        XCTAssertTrue(k.text.contains("move to an email, phone number or address first"), k.text)
    }

    func testAnExtensionAttributeAddedByURNAndNameGetsAFieldAndJoinsSchemasWhenTyped() throws {
        let k = try form(focusing: "userName")
        let urn = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"
        k.press("alt-e")
        XCTAssertTrue(k.text.contains("Add extension attribute"), k.text)
        k.type("\(urn):badgeNumber").press("enter")
        XCTAssertEqual(k.state.form?.form.focusedField?.id, JSONPath([.key(urn), .key("badgeNumber")]).description)
        XCTAssertNil(k.state.store.entries[0].record.extensionObject(urn), "nothing is written before a value is typed")
        XCTAssertTrue(k.text.contains(urn), "its section is shown:\n\(k.text)")
        k.type("B-1013")
        let record = k.state.store.entries[0].record
        XCTAssertEqual(record.extensionObject(urn)?["badgeNumber"], "B-1013")
        XCTAssertTrue(record.schemas.contains(urn), "an extension object needs its URN in schemas")
        k.press("alt-z")
        XCTAssertNil(k.state.store.entries[0].record.extensionObject(urn))
    }

    func testAnExtensionAttributeJoinsAnExistingSectionSpelledAsTheRecordSpellsIt() throws {
        let k = try form(focusing: "userName")
        let enterprise = SCIMSchema.enterpriseUser
        k.press("alt-e").type("\(enterprise.uppercased()):payGrade").press("enter")
        XCTAssertEqual(k.state.form?.form.focusedField?.id, JSONPath([.key(enterprise), .key("payGrade")]).description)
        k.type("7")
        XCTAssertEqual(k.state.store.entries[0].record.enterprise?["payGrade"], "7")
    }

    func testBadExtensionAttributeNamesAreExplained() {
        for (typed, expected) in [
            ("costCenter", "starts with its schema URN"),
            ("urn:contoso:", "add the attribute name"),
            ("urn:contoso:employee:9lives", "is not a SCIM attribute name"),
            ("\(SCIMSchema.user):nickName", "core User attributes have their own fields"),
        ] {
            let k = Keys(Fixture.state())
            k.press("enter alt-e").type(typed).press("enter")
            XCTAssertEqual(k.state.message?.level, .error, typed)
            XCTAssertTrue(k.state.message?.text.contains(expected) ?? false, "\(typed): \(k.state.message?.text ?? "")")
        }
    }

    func testUnknownEnterpriseAttributesAreShownNotHidden() {
        var record = Fixture.user("7", "seven@contoso.com")
        record.setExtensionAttribute(SCIMSchema.enterpriseUser, "payGrade", .string("B2"))
        let k = Keys(Fixture.state(records: [record]))
        k.press("enter")
        XCTAssertEqual(k.state.form?.form.field(JSONPath([.key(SCIMSchema.enterpriseUser), .key("payGrade")]).description)?.input.text, "B2")
    }
}
