import App
import AppTesting
import Foundation
import Provisioning
import SCIM
import Settings
import TerminalUI
import TerminalUITesting
import XCTest

/// The send dialog's other scopes: only the users without errors, and the opened file as-is.
final class SendScopeTests: XCTestCase {
    func connected(_ loaded: LoadedFile) -> Keys {
        var state = Fixture.connected(width: 100, height: 36)
        state = TUI.update(state, .fileLoaded(path: "customer.json", loaded)).0
        let k = Keys(Fixture.validated(state))
        k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "", tokenExpiry: "12:00", processesUploads: true))))
        return k
    }

    private func sent(_ k: Keys) -> [SendDocument]? {
        for effect in k.effects.reversed() { if case .send(_, let documents, _) = effect { return documents } }
        return nil
    }

    /// A customer's payload: one BulkRequest of `count` operations, bulkId "1" repeated, written compactly.
    private func payload(_ count: Int) -> [UInt8] {
        let ops = (1...count).map { i in
            #"{"method":"POST","bulkId":"\#(i == 2 ? 1 : i)","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"E\#(i)","userName":"u\#(i)@contoso.com"}}"#
        }
        return Array((#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["# + ops.joined(separator: ",") + "]}\n").utf8)
    }

    private func loaded(_ bytes: [UInt8], path: String = "/tmp/customer.json") throws -> (LoadedFile, AsIsSource?) {
        let input = try InputLoader.load(path: path, bytes: bytes)
        let diagnostics = input.validate()
        var file = LoadedFile(records: input.records, summary: "read")
        file.asIs = AsIsSource.make(input, diagnostics: diagnostics)
        return (file, file.asIs)
    }

    func testOnlyTheUsersWithoutErrorsAreOfferedAndSent() {
        var bad = Fixture.user("2", "b@contoso.com")
        bad.externalId = ""
        let k = connected(LoadedFile(records: [Fixture.user("1", "a@contoso.com"), bad, Fixture.user("3", "c@contoso.com")], summary: ""))
        k.press("f5")
        XCTAssertTrue(k.text.contains("[ Send 2 without errors ]"), k.text)
        XCTAssertTrue(k.text.contains("Fix them first, send only the"), k.text)
        XCTAssertEqual(k.state.overlay.flatMap { if case .dialog(let d, _) = $0 { return d.buttons.last } else { return nil } }, "Cancel")
        k.press("tab enter")
        XCTAssertEqual(sent(k)?.flatMap(\.externalIds), ["1", "3"], "the user with an error stays behind")
        XCTAssertEqual(k.state.sendStatus.count, 2)
    }

    func testTheFileAsIsIsSentByteForByteWithTheExpected400Explained() throws {
        let bytes = payload(51)
        let (file, source) = try loaded(bytes)
        let asIs = try XCTUnwrap(source, "a BulkRequest file can be sent as-is")
        let k = connected(file)
        k.press("f5")
        XCTAssertTrue(k.text.contains("[ Send the file as-is ]"), k.text)
        XCTAssertTrue(k.text.contains("As-is: customer.json byte for byte, 1 request as the file has them"), k.text)
        XCTAssertTrue(k.text.contains("document 1: expect 400:"), k.text)
        XCTAssertTrue(k.text.contains("51"), k.text)
        k.press("tab enter")
        XCTAssertNil(sent(k), "the bytes are read back from the file first")
        guard case .readAsIs(let asked)? = k.effects.last else { return XCTFail("\(k.effects)") }
        XCTAssertEqual(asked.digest, asIs.digest)
        XCTAssertEqual(asked.parts, asIs.parts)
        k.send(.asIsRead(.success(try asIs.documents(from: bytes))))
        let documents = try XCTUnwrap(sent(k))
        XCTAssertEqual(documents.count, 1, "51 operations stay one request")
        XCTAssertEqual(documents[0].bytes, Array(bytes.dropLast()), "the document's own bytes, not rebuilt")
        XCTAssertEqual(documents[0].recordIDs.count, 51)
        XCTAssertEqual(k.state.screen, .activity)
    }

    func testEditsAfterOpeningAreSaidNotToBeInTheFile() throws {
        let (file, _) = try loaded(payload(3))
        let k = connected(file)
        k.press("d")
        k.press("f5")
        XCTAssertTrue(k.text.contains("edits made since the file was opened are not in it"), k.text)
    }

    func testAFileChangedOnDiskIsRefusedNotSent() throws {
        let bytes = payload(3)
        let (file, source) = try loaded(bytes)
        let asIs = try XCTUnwrap(source)
        var changed = bytes
        changed[changed.count - 3] = UInt8(ascii: " ")
        XCTAssertThrowsError(try asIs.documents(from: changed))
        let k = connected(file)
        k.press("f5 tab enter")
        k.send(.asIsRead(.failure(AsIsSource.Changed(path: asIs.path))))
        XCTAssertNil(sent(k))
        XCTAssertTrue(k.state.message?.text.contains("changed on disk since it was opened") == true)
    }

    func testACSVOrBareUsersAreNotOfferedAsIs() throws {
        let users = Array(#"[{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"1","userName":"a@contoso.com"}]"#.utf8)
        XCTAssertNil(try loaded(users).1)
        let csv = Array("externalId,userName\n1,a@contoso.com\n".utf8)
        XCTAssertNil(try loaded(csv, path: "/tmp/users.csv").1)
        let k = connected(try loaded(users).0)
        k.press("f5")
        XCTAssertFalse(k.text.contains("as-is"), k.text)
    }

    func testManyButtonsWrapIntoRowsInsteadOfBeingCutOff() {
        var state = DialogState(kind: .confirm, title: "Send", message: "x",
                                buttons: ["Send anyway: all 1200", "Send 1100 without errors", "Send the file as-is", "Cancel"])
        state.selectedButton = 3
        var buffer = ScreenBuffer(size: Size(width: 60, height: 16))
        DialogView(width: 56).render(state, into: &buffer, area: Rect(x: 0, y: 0, width: 60, height: 16), theme: .builtinDefault)
        let text = buffer.plainText
        for title in state.buttons { XCTAssertTrue(text.contains("[ \(title) ]"), text) }
    }
}

extension SendScopeTests {
    func testAUserWithAnErrorIsDrawnInTheErrorColour() {
        var bad = Fixture.user("2", "b@contoso.com")
        bad.externalId = ""
        let k = connected(LoadedFile(records: [Fixture.user("1", "a@contoso.com"), bad], summary: ""))
        var frame = ScreenBuffer(width: k.state.size.width, height: k.state.size.height)
        TUI.render(k.state, into: &frame)
        let errors = StyleRuns.runs(of: .error, in: frame, theme: k.state.theme)
        XCTAssertTrue(errors.contains { $0.contains("error") }, "the status column's error is red: \(errors)\n\(StyleRuns.rows(frame, theme: k.state.theme, roles: [.error, .warning, .success]).joined(separator: "\n"))")
    }
}
