import Foundation
import Provisioning
import SCIM
import XCTest

/// The access token's payload, read without trusting it: base64url without padding, and never a
/// crash on whatever a proxy or an attacker puts in the Authorization answer.
final class AccessTokenClaimsTests: XCTestCase {
    func testTheEmulatorsShapeOfClaimsIsRead() throws {
        let token = JWT.make(["aud": "https://graph.microsoft.com", "roles": ["SynchronizationData-User.Upload", "AuditLog.Read.All"],
                              "exp": 1_764_930_000, "tid": "8c1b3d9e", "appid": "3f2e1d0c", "ver": "1.0"])
        let claims = try XCTUnwrap(AccessTokenClaims.decode(token))
        XCTAssertEqual(claims.roles, ["SynchronizationData-User.Upload", "AuditLog.Read.All"])
        XCTAssertEqual(claims.expires, Date(timeIntervalSince1970: 1_764_930_000))
        XCTAssertEqual(claims.tenantId, "8c1b3d9e")
        XCTAssertEqual(claims.appId, "3f2e1d0c")
        XCTAssertFalse(claims.isDelegated)
    }

    func testAV2TokenNamesItsAppInAzp() throws {
        XCTAssertEqual(try XCTUnwrap(AccessTokenClaims.decode(JWT.make(["azp": "app-2", "roles": []]))).appId, "app-2")
    }

    func testNoRolesClaimMeansNoApplicationPermissions() throws {
        XCTAssertEqual(try XCTUnwrap(AccessTokenClaims.decode(JWT.make(["tid": "t"]))).roles, [])
    }

    /// Payload lengths 1, 2 and 3 modulo 3 give base64url of every unpadded length; `-` and `_`
    /// are the URL-safe digits standard base64 spells `+` and `/`.
    func testEveryPaddingLengthAndTheURLSafeAlphabetDecode() throws {
        for filler in ["", "a", "ab", "abc"] {
            let token = JWT.make(["roles": ["R"], "x": .string(filler)])
            XCTAssertFalse(token.split(separator: ".")[1].contains("="), "no padding on the wire")
            XCTAssertEqual(try XCTUnwrap(AccessTokenClaims.decode(token), filler).roles, ["R"])
        }
        // {"roles":["?>?"]} encodes with both URL-safe digits.
        let payload = Base64URL.encode(Array(#"{"roles":["?>?~~~"]}"#.utf8))
        XCTAssertTrue(payload.contains("-") || payload.contains("_"), payload)
        XCTAssertEqual(AccessTokenClaims.decode("e30." + payload + ".sig")?.roles, ["?>?~~~"])
        let padded = Data(#"{"roles":["P"]}"#.utf8).base64EncodedString()
        XCTAssertEqual(AccessTokenClaims.decode("e30." + padded + ".sig")?.roles, ["P"], "padding some issuers keep is tolerated")
    }

    func testHostileInputIsOpaqueNeverACrash() {
        let huge = String(repeating: "A", count: 70_000)
        let deep = Base64URL.encode(Array((String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)).utf8))
        let cases = [
            "", ".", "..", "...", "a.b.c", "e30.e30", "e30.e30.e30.e30", "e30.=.sig", "e30.A.sig", "e30.%%%%.sig",
            "e30." + Base64URL.encode(Array("not json".utf8)) + ".sig",
            "e30." + Base64URL.encode(Array("[1,2]".utf8)) + ".sig",
            "e30." + Base64URL.encode([0xFF, 0xFE, 0x00, 0x7B]) + ".sig",
            "e30." + deep + ".sig", "e30." + huge + ".sig", "e30.é.sig", "e30.\u{0}.sig",
        ]
        for token in cases { XCTAssertNil(AccessTokenClaims.decode(token), String(token.prefix(40))) }
    }

    func testWrongTypesInsideAPayloadAreIgnoredNotTrusted() throws {
        let claims = try XCTUnwrap(AccessTokenClaims.decode(JWT.make(["roles": [1, true, "Ok", ["x"]], "exp": .number(JSONNumber(parsing: "1e300")!), "tid": 5, "appid": ["a"]])))
        XCTAssertEqual(claims.roles, ["Ok"])
        XCTAssertNil(claims.expires, "1e300 is not a date")
        XCTAssertNil(claims.tenantId)
        XCTAssertNil(claims.appId)
        XCTAssertEqual(AccessTokenClaims.decode(JWT.make(["roles": "Single.Role"]))?.roles, ["Single.Role"])
    }
}
