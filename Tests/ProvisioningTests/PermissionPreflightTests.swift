import Foundation
import Provisioning
import SCIM
import XCTest

/// The preflight is pure: roles in, one verdict per planned call out, and never a false alarm.
final class PermissionPreflightTests: XCTestCase {
    private func verdicts(_ roles: [String], _ calls: [PlannedCall] = PlannedCall.everything) -> [PlannedCall: PermissionPreflight.Verdict] {
        Dictionary(uniqueKeysWithValues: PermissionPreflight.check(roles: roles, calls: calls).map { ($0.call, $0.verdict) })
    }

    func testTheSandboxRolesGrantEveryCall() {
        let v = verdicts(["SynchronizationData-User.Upload", "AuditLog.Read.All", "Synchronization.ReadWrite.All"])
        XCTAssertEqual(v[.upload], .granted(by: "SynchronizationData-User.Upload"))
        XCTAssertEqual(v[.logs], .granted(by: "AuditLog.Read.All"))
        XCTAssertEqual(v[.jobRead], .granted(by: "Synchronization.ReadWrite.All"), "ReadWrite satisfies Read")
        XCTAssertEqual(v[.jobControl], .granted(by: "Synchronization.ReadWrite.All"))
        XCTAssertEqual(v[.schemaRead], .granted(by: "Synchronization.ReadWrite.All"))
        XCTAssertEqual(v[.schemaWrite], .granted(by: "Synchronization.ReadWrite.All"))
    }

    func testTheLeastPrivilegedAlternativesAreAccepted() {
        let v = verdicts(["SynchronizationData-User.Upload.OwnedBy", "ProvisioningLog.Read.All", "Synchronization.Read.All"])
        XCTAssertEqual(v[.upload], .granted(by: "SynchronizationData-User.Upload.OwnedBy"))
        XCTAssertEqual(v[.logs], .granted(by: "ProvisioningLog.Read.All"))
        XCTAssertEqual(v[.jobRead], .granted(by: "Synchronization.Read.All"))
        XCTAssertEqual(v[.schemaRead], .granted(by: "Synchronization.Read.All"))
        XCTAssertEqual(v[.jobControl], .missing("Synchronization.ReadWrite.All"), "Read.All does not start or pause")
        XCTAssertEqual(v[.schemaWrite], .missing("Synchronization.ReadWrite.All"))
    }

    func testApplicationReadWriteOwnedByControlsTheJobAsMicrosoftDocuments() {
        let v = verdicts(["Application.ReadWrite.OwnedBy"])
        XCTAssertEqual(v[.jobControl], .granted(by: "Application.ReadWrite.OwnedBy"))
        XCTAssertEqual(v[.jobRead], .granted(by: "Application.ReadWrite.OwnedBy"))
        XCTAssertEqual(v[.upload], .missing("SynchronizationData-User.Upload (or SynchronizationData-User.Upload.OwnedBy)"))
    }

    func testAnUploadOnlyAppIsToldEachMissingPermissionByName() {
        let checks = PermissionPreflight.check(roles: ["SynchronizationData-User.Upload"], calls: PlannedCall.everything)
        XCTAssertEqual(checks.map(\.line), [
            "upload (bulkUpload): ok (SynchronizationData-User.Upload)",
            "read provisioning logs: missing AuditLog.Read.All (or ProvisioningLog.Read.All)",
            "read the job: missing Synchronization.Read.All",
            "start/pause/restart the job: missing Synchronization.ReadWrite.All",
            "read the job's schema: missing Synchronization.Read.All",
            "change the job's schema: missing Synchronization.ReadWrite.All",
            "check expressions with Entra (parseExpression): missing Synchronization.ReadWrite.All",
        ])
    }

    func testNoRolesMissesEverythingAndUnrelatedRolesDoNotCount() {
        XCTAssertTrue(PermissionPreflight.check(roles: [], calls: PlannedCall.everything).allSatisfy(\.isMissing))
        let v = verdicts(["Directory.ReadWrite.All", "User.ReadWrite.All", "AuditLog.Read"])
        XCTAssertTrue(v.values.allSatisfy { if case .missing = $0 { return true } else { return false } }, "\(v)")
    }

    func testRoleCaseDoesNotRaiseAnAlarm() {
        XCTAssertEqual(verdicts(["synchronizationdata-user.upload"], [.upload])[.upload], .granted(by: "synchronizationdata-user.upload"))
    }

    func testAnOpaqueTokenCannotBeToldAndIsNeverAFalseAlarm() {
        for token in ["", "EwBwA8l6BAAU…opaque", "a.b", "a.b.c.d", "abc.!!!.def", "x..y"] {
            let outcome = PermissionPreflight.check(token: token, calls: PlannedCall.everything)
            XCTAssertEqual(outcome, .cannotTell(PermissionPreflight.opaqueReason), token)
            XCTAssertEqual(outcome.missing, [], token)
            XCTAssertEqual(outcome.lines, ["cannot tell (the access token is not a JWT); will learn on the first call"])
        }
    }

    func testADelegatedTokenCannotBeTold() {
        let token = JWT.make(["scp": "Synchronization.Read.All User.Read", "tid": "t"])
        XCTAssertEqual(PermissionPreflight.check(token: token, calls: [.upload]), .cannotTell(PermissionPreflight.delegatedReason))
    }

    func testTheTokenIsReadForRolesAndTheRestIsShown() {
        let token = JWT.make(["roles": ["AuditLog.Read.All"], "exp": 1_800_000_000, "tid": "8c1b", "appid": "3f2e"])
        XCTAssertEqual(PermissionPreflight.check(token: token, calls: [.upload, .logs]).missing.map(\.call), [.upload])
        let report = PermissionReport(token: token, calls: [.logs])
        XCTAssertEqual(report.tokenLine(now: Date(timeIntervalSince1970: 1_800_000_000 - 3_540)),
                       "token for app 3f2e in tenant 8c1b, valid until 2027-01-15 08:00 UTC (in 59 min)")
    }
}

/// Unsigned JWTs for the tests: the client never checks signatures, so any third part will do.
enum JWT {
    static func make(_ claims: JSONValue, header: JSONValue = ["alg": "RS256", "typ": "JWT"]) -> String {
        Base64URL.encode(JSONWriter.compact.bytes(header)) + "." + Base64URL.encode(JSONWriter.compact.bytes(claims)) + ".c2ln"
    }
}
