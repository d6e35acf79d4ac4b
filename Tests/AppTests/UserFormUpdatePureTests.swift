@testable import App
import AppTesting
import Foundation
import SCIM
import TerminalUI
import XCTest

/// `UserFormUpdate` on its own: a form state and a key or command in, the next form state and the
/// requests to the App out, with no `AppState` around it.
final class UserFormUpdatePureTests: XCTestCase {
    private let context = ScreenContext(theme: .builtinDefault, size: Size(width: 100, height: 30),
                                        clock: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC") ?? .current)

    private func form(_ record: UserRecord = Fixture.user("7", "seven@contoso.com")) -> UserFormState {
        UserFormState(recordID: 7, record: record)
    }

    private func key(_ state: inout UserFormState, _ key: Key) -> (handled: Bool, [ScreenEffect]) {
        UserFormUpdate.key(&state, key, context, keymaps: .standard)
    }

    func testTypingEditsTheRecordAndAsksForItToBeStoredWithItsDiagnostics() {
        var state = form()
        let (handled, requests) = key(&state, .character("1"))
        XCTAssertTrue(handled)
        XCTAssertEqual(state.record.externalId, "71", "the focus starts on externalId")
        XCTAssertEqual(requests, [.recordEdited(id: 7, record: state.record, diagnostics: state.diagnostics)])
        XCTAssertEqual(state.undo.count, 1)
    }

    func testABoundKeyIsNotTypedAndChangesNothing() {
        var state = form()
        let before = state
        let (handled, requests) = key(&state, .alt("z"))
        XCTAssertFalse(handled)
        XCTAssertEqual(requests, [])
        XCTAssertEqual(state, before)
    }

    func testClearingUserNamePutsTheWarningUnderItsFieldAndTheRequestCarriesIt() {
        var state = form()
        _ = UserFormUpdate.update(&state, .nextField, context)
        let (_, requests) = key(&state, .ctrl("u"))
        XCTAssertNil(state.record.userName)
        XCTAssertNotNil(state.form.field("userName")?.error)
        guard case .recordEdited(_, _, let found)? = requests.first else { return XCTFail("\(requests)") }
        XCTAssertTrue(found.contains { $0.rule == "scim.userName.missing" }, "\(found.map(\.rule))")
    }

    func testUndoRedoAndRevertEachStoreTheRecordTheyLeave() {
        var state = form()
        _ = key(&state, .character("1"))
        XCTAssertEqual(UserFormUpdate.update(&state, .undo, context),
                       [.recordEdited(id: 7, record: state.original, diagnostics: state.diagnostics)])
        XCTAssertEqual(UserFormUpdate.update(&state, .undo, context), [.message(StatusMessage("nothing to undo"))])
        _ = UserFormUpdate.update(&state, .redo, context)
        XCTAssertEqual(state.record.externalId, "71")
        let reverted = UserFormUpdate.update(&state, .revert, context)
        XCTAssertEqual(reverted, [.message(StatusMessage("reverted to the user as opened (alt-z undoes)")),
                                  .recordEdited(id: 7, record: state.original, diagnostics: state.diagnostics)])
        XCTAssertEqual(UserFormUpdate.update(&state, .revert, context), [.message(StatusMessage("nothing to revert"))])
    }

    func testBackAndTheExtensionAttributeCommandAskTheAppForAScreenAndADialog() {
        var state = form()
        XCTAssertEqual(UserFormUpdate.update(&state, .back, context), [.switchTo(.users)])
        guard case .overlay(.dialog(let dialog, .addExtensionAttribute)?)? = UserFormUpdate.update(&state, .addExtensionAttribute, context).first
        else { return XCTFail("no dialog") }
        XCTAssertEqual(dialog.title, "Add extension attribute")
    }

    func testEntryCommandsAddAnEmailOnlyWhereTheFocusIsInOne() throws {
        var state = form()
        XCTAssertEqual(UserFormUpdate.update(&state, .addEntry, context),
                       [.message(StatusMessage("move to an email, phone number or address first (Contact section)", .warning))])
        let email = try XCTUnwrap(state.form.fields.firstIndex { $0.id == "emails[0].value" })
        for _ in 0..<email { _ = UserFormUpdate.update(&state, .nextField, context) }
        _ = UserFormUpdate.update(&state, .addEntry, context)
        XCTAssertEqual(state.record.emails.count, 1, "the fixture has none: the first is added")
        let requests = UserFormUpdate.update(&state, .addEntry, context)
        XCTAssertEqual(state.record.emails.count, 2)
        XCTAssertEqual(requests, [.message(StatusMessage("added a work entry to emails; type its value")),
                                  .recordEdited(id: 7, record: state.record, diagnostics: state.diagnostics)])
        XCTAssertEqual(state.form.focusedField?.id, "emails[1].value")
    }

    func testRawJSONKeepsTheEditorOpenOnAnErrorThenAppliesAndStoresTheRecord() {
        var state = form()
        _ = UserFormUpdate.update(&state, .rawJSON, context)
        XCTAssertNotNil(state.raw)
        XCTAssertEqual(key(&state, .character("x")).handled, true)
        let failed = key(&state, .ctrl("t"))
        XCTAssertEqual(failed.1.count, 1)
        guard case .message(let line)? = failed.1.first else { return XCTFail("\(failed.1)") }
        XCTAssertEqual(line?.level, .error)
        XCTAssertTrue(line?.text.hasPrefix("JSON error at 1:1") == true, line?.text ?? "")
        XCTAssertNotNil(state.raw?.error)
        _ = key(&state, .backspace)
        let applied = key(&state, .ctrl("t"))
        XCTAssertNil(state.raw)
        XCTAssertEqual(applied.1, [.recordEdited(id: 7, record: state.record, diagnostics: state.diagnostics),
                                   .message(StatusMessage("raw JSON applied"))])
    }

    func testEscapeLeavesTheRawEditorSayingWhetherEditsWereDropped() {
        var state = form()
        _ = UserFormUpdate.update(&state, .rawJSON, context)
        XCTAssertEqual(key(&state, .escape).1, [.message(StatusMessage("back to the fields"))])
        _ = UserFormUpdate.update(&state, .rawJSON, context)
        _ = key(&state, .character(" "))
        XCTAssertEqual(key(&state, .escape).1, [.message(StatusMessage("raw JSON edits discarded"))])
        XCTAssertNil(state.raw)
        XCTAssertEqual(state.record, state.original)
    }

    func testTheExtensionAttributeAnswerAddsAFieldOrSaysWhatIsWrong() {
        var state = form()
        XCTAssertEqual(UserFormUpdate.addExtensionAttribute(&state, named: "costCenter"),
                       [.message(StatusMessage(EntryEditing.NameProblem.notURN.description, .error))])
        let urn = "urn:ietf:params:scim:schemas:extension:contoso:1.0:User"
        XCTAssertEqual(UserFormUpdate.addExtensionAttribute(&state, named: urn + ":badge"),
                       [.message(StatusMessage("type the value of badge; the URN joins schemas when it has one"))])
        XCTAssertEqual(state.form.focusedField?.id, JSONPath([.key(urn), .key("badge")]).description)
        XCTAssertEqual(state.record, state.original, "nothing is written until a value is typed")
    }
}
