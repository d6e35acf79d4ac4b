@testable import App
import AppTesting
import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import TerminalUI
import XCTest

/// The TUI's "add to the job's schema" effect against a real emulator over loopback HTTP: a fresh
/// pull, the PUT only when the diff is the one confirmed, and the schema read back.
final class SchemaExtendLoopbackTests: XCTestCase {
    private static let secret = "schema-extend-loopback-secret~0123456789"
    private let contoso = MappingFindingsTUITests.contoso

    func testTheConfirmedDiffIsWrittenAChangedOneIsAskedAgainAndNothingLeftIsSaid() throws {
        var settings = EmulatorConfig.sandbox(secret: Self.secret)
        settings.rateLimit = 0
        let config = settings
        let emulator = try LiveSandbox.blocking { try await EmulatorServer.start(config: config) }
        defer { _ = try? LiveSandbox.blocking { await emulator.stop() } }
        let draft = ConnectionDraft(tenant: SandboxIds.tenant, clientId: SandboxIds.clientId, endpoint: emulator.endpoint,
                                    authority: emulator.baseURL)
        let request = ConnectState(draft: draft, secret: Self.secret).request
        let session = ProvisioningSession()
        defer { _ = try? LiveSandbox.blocking { await session.shutdown() } }

        guard case .schema(let before) = try LiveSandbox.blocking({ await session.schema(request) }) else { return XCTFail("no schema") }
        let floor = InputAttributes.Attribute(name: contoso + ":floor", type: "Integer")
        var badged = InputAttributes()
        badged.add(record: MappingFindingsTUITests.badged().data)
        // Confirmed against the schema as it was: badgeId and floor.
        let both = SchemaExtendPlan(urn: contoso, input: badged.attributes + [floor],
                                    change: SchemaExtension(schema: before, input: badged.attributes + [floor], urn: contoso))
        guard let badgeOnly = SchemaExtendPlan.make(schema: before, records: TUIApp.sampleUsers() + [MappingFindingsTUITests.badged()], urn: contoso)
        else { return XCTFail("no API User object") }
        XCTAssertEqual(badgeOnly.diffLines, ["+ \(MappingFindingsTUITests.badge) (String)"])

        let written = try LiveSandbox.blocking { await session.extendSchema(request, badgeOnly, journalPath: nil) }
        guard case .extended(let added, .schema(let after), let purged) = written else { return XCTFail("not written: \(written)") }
        XCTAssertEqual(added, 1)
        XCTAssertNil(purged)
        XCTAssertTrue(after.apiUserAttributes.contains { $0.name == MappingFindingsTUITests.badge }, "read back with the new definition")
        XCTAssertEqual(after.apiUserAttributes.count, before.apiUserAttributes.count + 1, "nothing else changed")
        let exchanges = try LiveSandbox.blocking { await session.recorder.all() }
        XCTAssertEqual(exchanges.filter { $0.request.method == "PUT" }.count, 1)
        XCTAssertTrue(exchanges.contains { exchange in
            exchange.request.method == "PUT" && exchange.request.url.hasSuffix("/schema") && (200..<300).contains(exchange.response?.status ?? 0)
        })

        // The schema changed since `both` was shown: its new diff comes back, nothing is written.
        let again = try LiveSandbox.blocking { await session.extendSchema(request, both, journalPath: nil) }
        guard case .changed(let fresh) = again else { return XCTFail("a changed schema is asked again: \(again)") }
        XCTAssertEqual(fresh.diffLines, ["+ \(contoso):floor (Integer)"])
        let puts = try LiveSandbox.blocking { await session.recorder.all() }.filter { $0.request.method == "PUT" }
        XCTAssertEqual(puts.count, 1, "no PUT over a schema that changed")

        let nothing = try LiveSandbox.blocking { await session.extendSchema(request, badgeOnly, journalPath: nil) }
        guard case .nothingToAdd = nothing else { return XCTFail("already declared: \(nothing)") }
    }
}
