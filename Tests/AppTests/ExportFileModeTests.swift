import Foundation
import Provisioning
import SCIM
import XCTest
@testable import App

/// The TUI's exports hold HR data: the files the export dialogs (HAR, saved exchange, Preview `w`)
/// and the copy fallbacks (curl, PowerShell) write are created 0600 in folders made 0700.
final class ExportFileModeTests: XCTestCase {
    private var dir = ""

    override func setUp() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-exports-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    /// The runner's effects run on detached tasks; wait for their answers, not for a clock.
    private func answers(_ inbox: ActionInbox, count: Int) -> [AppAction] {
        var got: [AppAction] = []
        for _ in 0..<20_000 where got.count < count {
            got += inbox.drain()
            if got.count < count { usleep(500) }
        }
        return got
    }

    func testExportsAndCopyFallbacksArePrivate() throws {
        let inbox = ActionInbox()
        let runner = EffectRunner(inbox: inbox, services: AppServices(testConnection: { _ in .failed(ConnectionProblem(headline: "", explanation: "", fix: "")) },
                                                                      loadFile: { _, _ in LoadedFile(records: [], summary: "") }))
        let har = dir + "/exports/session.har"
        let script = dir + "/exports/powershell-1.ps1"
        runner.run(.writeFile(path: har, bytes: HARExport.bytes([])))
        runner.writeCopy("Invoke-MgGraphRequest -Method POST", what: "PowerShell", path: script, clipboard: false)
        let done = answers(inbox, count: 2)
        XCTAssertEqual(done.count, 2, "\(done)")
        XCTAssertEqual(try mode(har), 0o600)
        XCTAssertEqual(try mode(script), 0o600)
        XCTAssertEqual(try mode(dir + "/exports"), 0o700)
    }
}
