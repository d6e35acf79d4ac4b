@testable import App
import AppTesting
import Foundation
import Provisioning
import TerminalUI
import XCTest

/// A profile's daily quota (ENTRA.md §3: 2,000 calls per 24 h on P1/P2, 6,000 with ID Governance)
/// is read, kept through edits and saved, and the send confirmation plans against it.
final class ProfileQuotaTests: XCTestCase {
    static let configText = """
        [[profiles]]
        name = "governance"
        tenant = "contoso.onmicrosoft.com"
        client_id = "gov-client"
        endpoint = "https://graph.microsoft.com/v1.0/servicePrincipals/sp1/synchronization/jobs/API2AAD.j1/bulkUpload"
        daily_quota = 6000

        [[profiles]]
        name = "p1"
        tenant = "p1.onmicrosoft.com"
        client_id = "p1-client"
        """

    func testTheQuotaIsReadWrittenAndRefusedWhenItIsNotACount() throws {
        let profiles = try ProfileFile.profiles(in: Self.configText)
        XCTAssertEqual(profiles.map(\.dailyQuota), [6000, nil])
        let text = try ProfileFile.replacingProfiles(in: nil, with: profiles)
        XCTAssertEqual(text.components(separatedBy: "daily_quota = 6000").count, 2, text)
        XCTAssertEqual(try ProfileFile.profiles(in: text).map(\.dailyQuota), [6000, nil])
        for bad in ["-1", "\"lots\""] {
            XCTAssertThrowsError(try ProfileFile.profiles(in: "[[profiles]]\nname = \"x\"\ndaily_quota = \(bad)\n")) { error in
                XCTAssertTrue("\(error)".contains("daily_quota must be a whole number"), "\(error)")
            }
        }
    }

    func testTheWorkspaceKeepsTheQuotaAndTheRequestCarriesIt() throws {
        let draft = try XCTUnwrap(try ProfileFile.profiles(in: Self.configText).first)
        let back = try Workspace.decode(Workspace(records: [], connection: draft).encoded())
        XCTAssertEqual(back.connection.dailyQuota, 6000)
        let connect = ConnectState(draft: draft, secret: "s")
        XCTAssertEqual(connect.draft.dailyQuota, 6000, "no field of its own, yet kept through edits")
        XCTAssertEqual(connect.request.dailyQuota, 6000)
    }

    func testTheConfirmationPlansAgainstTheProfilesQuota() {
        var state = Fixture.connected()
        var draft = state.connect.draft
        draft.dailyQuota = 6000
        state.connect = ConnectState(draft: draft, secret: state.connect.secret)
        state.journalPath = "/nonexistent/journal.sqlite"
        let k = Keys(Fixture.validated(state))
        k.press("2 f5")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        k.send(.quotaCallsRead(tenant: k.state.connect.request.tenant, .success(Array(repeating: now.addingTimeInterval(-60), count: 2500)), at: now))
        XCTAssertTrue(k.text.contains("Daily quota: 1 bulkUpload call needed; 2500 of 6000 used in the last 24 h"), k.text)
    }
}
