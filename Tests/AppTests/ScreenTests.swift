import App
import AppTesting
import SCIM
import TerminalUI
import TerminalUITesting
import XCTest

/// Whole screens as text at the smallest supported size people use (80×24) and a large one
/// (160×48). Ports in URLs are masked; everything else is exactly what a person sees.
final class ScreenTests: XCTestCase {
    private let masks = [#"127\.0\.0\.1:\d+"#]

    private func sandboxState(width: Int, height: Int) -> Keys {
        var state = Fixture.state(width: width, height: height)
        state.badge = Badge(label: "SANDBOX", role: .warning)
        state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "abc")
        return Keys(state)
    }

    func testUsersAt80x24() {
        ScreenAssert.equal(sandboxState(width: 80, height: 24).screen(), Self.users80, masks: masks)
    }

    func testUsersFilteredAt160x48() {
        let k = sandboxState(width: 160, height: 48)
        k.press("/").type("eng")
        ScreenAssert.equal(k.screen(), Self.usersFiltered160, masks: masks)
    }

    func testConnectAt80x24() {
        let k = sandboxState(width: 80, height: 24)
        k.press("1")
        k.send(.connectionTested(generation: 0, .connected(ConnectionReport(jobState: "Active", advice: "The job is running: uploads are processed within minutes.", tokenExpiry: "12:00", processesUploads: true))))
        ScreenAssert.equal(k.screen(), Self.connect80, masks: masks)
    }

    func testFormAt80x24() {
        let k = sandboxState(width: 80, height: 24)
        k.press("enter down ctrl-e ctrl-u")
        ScreenAssert.equal(k.screen(), Self.form80, masks: masks)
    }

    func testPreviewAt160x48() {
        let k = sandboxState(width: 160, height: 48)
        k.press("4")
        ScreenAssert.equal(k.screen(), Self.preview160, masks: masks)
    }

    func testConnectWithASignInFailureAt160x48() {
        let k = sandboxState(width: 160, height: 48)
        k.press("1")
        k.send(.connectionTested(generation: 0, .failed(ConnectionProblem(
            headline: "Sign-in failed (AADSTS7000215)", explanation: "The client secret is not the one registered for this app.",
            fix: "Copy the secret's Value (not its ID) from Certificates & secrets, or create a new one."))))
        ScreenAssert.equal(k.screen(), Self.connectFailed160, masks: masks)
    }

    /// A certificate nobody trusts (a TLS-inspecting proxy's) with the CA file just below the sign-in URL:
    /// at 80×24 the form scrolls to the CA file and gives its rows to the whole fix.
    func testConnectOnTheCAFileWithAnUntrustedCertificateAt80x24() {
        let k = sandboxState(width: 80, height: 24)
        k.press("1 down down down down down down down down down down").type("~/proxy-ca.pem")
        XCTAssertEqual(k.state.connect.form.focusedField?.id, "caFile")
        k.send(.connectionTested(generation: 0, .failed(Self.untrusted)))
        ScreenAssert.equal(k.screen(), Self.connectTLS80, masks: masks)
    }

    /// The whole form, the CA file's hint included, and the whole fix fit at 100×30.
    func testConnectWithAnUntrustedCertificateAt100x30() {
        let k = sandboxState(width: 100, height: 30)
        k.press("1")
        k.send(.connectionTested(generation: 0, .failed(Self.untrusted)))
        ScreenAssert.equal(k.screen(), Self.connectTLS100, masks: masks)
    }

    /// Worded as LiveTransport.untrusted words it (the loopback test checks the real one).
    static let untrusted = ConnectionProblem(
        headline: "Untrusted TLS certificate from login.microsoftonline.com",
        explanation: "Certificate verification failed (issued by Contoso Inspection CA).",
        fix: "Put the PEM of Contoso Inspection CA in the profile's CA file (above), or set SSL_CERT_FILE=FILE; the CLI takes --ca-file FILE.")

    func testFormOnAnEmailEntryAt160x48() throws {
        let k = sandboxState(width: 160, height: 48)
        k.press("enter")
        let email = try XCTUnwrap(k.state.form?.form.fields.firstIndex { $0.id == "emails[0].value" })
        for _ in 0..<email { k.press("down") }
        k.press("ctrl-n")
        ScreenAssert.equal(k.screen(), Self.formEntry160, masks: masks)
    }

    func testPreviewAt80x24() {
        let k = sandboxState(width: 80, height: 24)
        k.press("4")
        ScreenAssert.equal(k.screen(), Self.preview80, masks: masks)
    }

    func testTooSmall() {
        let k = sandboxState(width: 40, height: 10)
        XCTAssertTrue(k.text.contains("terminal too small (need 64×16)"), k.text)
    }

    static let users80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX
        25 users · 0 with errors · 1 with warnings
          externalId userName              displayName      department    active status
          1001       zoe.angstrom@contoso… Zoë Ångström     Executive     yes    ok
          1002       jose.garcia@contoso.… José García      Engineering   yes    ok
          1003       bjorn.sondergaard@co… Björn Søndergaa… Sales         yes    ok
          1004       siobhan.obrien@conto… Siobhán O'Brien  Human Resour… yes    ok
          1005       lukasz.kowalczyk@con… Łukasz Kowalczyk Engineering   yes    ok
          1006       ngoc.nguyen@contoso.… Ngọc Anh Nguyễn  Engineering   yes    ok
          1007       francois.dubois@cont… François Dubois  Engineering   yes    ok
          1008       user1008@contoso.com  美咲 田中        Engineering   yes    ok
          1009       omer.yilmaz@contoso.… Ömer Yılmaz      Engineering   yes    ok
          1010       priya.raghunathan@co… Priya Raghunath… Engineering   yes    ok
          1011       mateo.fernandez@cont… Mateo Fernández  Sales         yes    ok
          1012       aisha.bello@contoso.… Aisha Bello      Sales         yes    ok
          1013       jurgen.muller@contos… Jürgen Müller    Sales         yes    ok
        ─ Diagnostics · zoe.angstrom@contoso.com ───────────────────────────────────────
         ✓ no problems found





         USERS  / filter  enter/e edit  f5/alt-s send  …  ?/f1/alt-h help  q/ctrl-c quit
        """
    static let usersFiltered160 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs                                                                                         SANDBOX
        /eng                                                                              13 of 25
          externalId userName                                                displayName                             department                           active status
          1002       jose.garcia@contoso.com                                 José García                             Engineering                          yes    ok
          1005       lukasz.kowalczyk@contoso.com                            Łukasz Kowalczyk                        Engineering                          yes    ok
          1006       ngoc.nguyen@contoso.com                                 Ngọc Anh Nguyễn                         Engineering                          yes    ok
          1007       francois.dubois@contoso.com                             François Dubois                         Engineering                          yes    ok
          1008       user1008@contoso.com                                    美咲 田中                               Engineering                          yes    ok
          1009       omer.yilmaz@contoso.com                                 Ömer Yılmaz                             Engineering                          yes    ok
          1010       priya.raghunathan@contoso.com                           Priya Raghunathan                       Engineering                          yes    ok
          1019       talya.fleeta@contoso.com                                Talya Fleeta                            Engineering                          yes    ok
          1020       ginnie.fadiman@contoso.com                              Ginnie Fadiman                          Engineering                          yes    ok
          1021       antonin.dvorak@contoso.com                              Antonín Dvořák                          Engineering                          yes    ok
          1023       kwame.mensah@contoso.com                                Kwame Mensah                            Engineering                          yes    ok
          1024       lea.rousseau@contoso.com                                Léa Rousseau                            Engineering                                 warning
          1025       mikko.virtanen@contoso.com                              Mikko Virtanen                          Engineering                          yes    ok
























        ─ Diagnostics · jose.garcia@contoso.com ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
         ✓ no problems found





         USERS  enter edit  f5/alt-s send  delete delete  alt-z undo  f1/alt-h help  ctrl-c quit
        """
    static let connect80 = """
         1 Connect  2 Users  3 Edit  4 Preview  5 Activity  6 Logs  job Active  SANDBOX

         Profile (config.toml)
         Profile         ‹ none (ctrl-s saves this connection as one) ›
         Label           shown on every screen, e.g. PROD
         Label colour    ‹ blue ›

         Application
         Cloud           ‹ Global (also GCC) ›
         Tenant          8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c
         Client ID       3f2e1d0c-9b8a-4765-a432-10fedcba9876
         Credential      ‹ client secret (typed, kept in memory) ›
         Client secret   •••

         Endpoint        ✓ cloud             Global (also GCC) via http://###…
                           version           v1.0
                           service principal 0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10
                           job               API2AAD.0123456789abcdef0123456789abcdef.…

         Test            ✓ Signed in (token valid until 12:00). Job state: Active
                         The job is running: uploads are processed within minutes.


         CONNECT  connected: job Active
        """
    static let form80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX
         Editing (no userName)  externalId 1001  ● modified
         Identity
         externalId               1001
         userName
                                  ! no userName: RFC 7643 requires it, and Entra's def…
         displayName              Zoë Ångström
         nickName
         profileUrl
         preferredLanguage
         locale
         timezone
         active                   true
         password

         Name
         formatted
        ─ Checks (as you type) ─────────────────────────────────────────────────────────
         warning no userName: RFC 7643 requires it, and Entra's default mapping builds
                 userPrincipalName from it — set userName (e.g. the sign-in name),
                 unless your job's mappings do not use it


         EDIT  esc back  alt-z undo  f6/alt-w Entra sets  …  f1/alt-h help
        """
    static let preview160 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs                                                                                         SANDBOX
         Document 1 of 1 · 25 operations · 28,808 bytes shown · 17,495 bytes on the wire · 25 users in all
           1 {
           2   "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
           3   "Operations": [
           4     {
           5       "method": "POST",
           6       "bulkId": "1001",
           7       "path": "/Users",
           8       "data": {
           9         "schemas": [
          10           "urn:ietf:params:scim:schemas:core:2.0:User",
          11           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
          12         ],
          13         "externalId": "1001",
          14         "userName": "zoe.angstrom@contoso.com",
          15         "name": {
          16           "givenName": "Zoë",
          17           "familyName": "Ångström"
          18         },
          19         "displayName": "Zoë Ångström",
          20         "title": "Chief Executive Officer",
          21         "userType": "Employee",
          22         "active": true,
          23         "emails": [
          24           {
          25             "value": "zoe.angstrom@contoso.com",
          26             "type": "work",
          27             "primary": true
          28           }
          29         ],
          30         "addresses": [
          31           {
          32             "type": "work",
          33             "locality": "Kraków",
          34             "country": "PL"
          35           }
          36         ],
          37         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          38           "employeeNumber": "1001",
          39           "department": "Executive",
          40           "organization": "Contoso"
          41         }
          42       }
          43     },
          44     {
         line 1 of 1083
         PREVIEW  / search  ]/. next doc  o user's op  e Entra sets  f5/alt-s send  w/ctrl-s save as  ?/f1/alt-h help
        """

    static let connectFailed160 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs                                                                                         SANDBOX

         Profile (config.toml)
         Profile         ‹ none (ctrl-s saves this connection as one) ›
         Label           shown on every screen, e.g. PROD
         Label colour    ‹ blue ›

         Application
         Cloud           ‹ Global (also GCC) ›
         Tenant          8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c
         Client ID       3f2e1d0c-9b8a-4765-a432-10fedcba9876
         Credential      ‹ client secret (typed, kept in memory) ›
         Client secret   •••

         Provisioning job
         Endpoint URL    f2c-7b71-4f8a-9a56-6c5d4e3f2a10/synchronization/jobs/API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10/bulkUpload
         Sign-in URL     http://###
         CA file         PEM of a private CA to trust, e.g. a TLS-inspecting proxy's

         Endpoint        ✓ cloud             Global (also GCC) via http://###
                           version           v1.0
                           service principal 0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10
                           job               API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10

         Test            ✗ Sign-in failed (AADSTS7000215)
                         The client secret is not the one registered for this app.
                         Fix: Copy the secret's Value (not its ID) from Certificates & secrets, or create a new one.




















         CONNECT  Sign-in failed (AADSTS7000215)
        """
    static let formEntry160 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs                                                                                         SANDBOX
         Editing zoe.angstrom@contoso.com  externalId 1001  ● modified
         Identity
         externalId               1001
         userName                 zoe.angstrom@contoso.com
         displayName              Zoë Ångström
         nickName
         profileUrl
         preferredLanguage
         locale
         timezone
         active                   true
         password

         Name
         formatted
         familyName               Ångström
         givenName                Zoë
         middleName
         honorificPrefix
         honorificSuffix

         Contact
         emails[0].value          zoe.angstrom@contoso.com
         emails[0].type           work
         emails[0].primary        true
         emails[1].value
         emails[1].type           work
         emails[1].primary
         phoneNumbers.value
         phoneNumbers.type
         phoneNumbers.primary
         addresses.streetAddress
         addresses.locality       Kraków
         addresses.region
         addresses.postalCode
         addresses.country        PL
         addresses.type           work
         addresses.primary

         Job
        ─ Checks (as you type) ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
         ✓ this user passes every check




         EDIT  added a work entry to emails; type its value
        """
    static let preview80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX
         Document 1 of 1 · 25 operations · 28,808 bytes shown · 17,495 bytes on the wi…
           1 {
           2   "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
           3   "Operations": [
           4     {
           5       "method": "POST",
           6       "bulkId": "1001",
           7       "path": "/Users",
           8       "data": {
           9         "schemas": [
          10           "urn:ietf:params:scim:schemas:core:2.0:User",
          11           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
          12         ],
          13         "externalId": "1001",
          14         "userName": "zoe.angstrom@contoso.com",
          15         "name": {
          16           "givenName": "Zoë",
          17           "familyName": "Ångström"
          18         },
          19         "displayName": "Zoë Ångström",
          20         "title": "Chief Executive Officer",
         line 1 of 1083
         PREVIEW  / search  ]/. next doc  o user's op  e Entra sets  …  ?/f1/alt-h help
        """
    static let connectTLS80 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs         SANDBOX

         Client ID       3f2e1d0c-9b8a-4765-a432-10fedcba9876
         Credential      ‹ client secret (typed, kept in memory) ›
         Client secret   •••

         Provisioning job
         Endpoint URL    3456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10/bulkUpload
         Sign-in URL     http://###
         CA file         ~/proxy-ca.pem


         Endpoint        ✓ cloud             Global (also GCC) via http://###…
                           version           v1.0
                           service principal 0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10
                           job               API2AAD.0123456789abcdef0123456789abcdef.…

         Test            ✗ Untrusted TLS certificate from login.microsoftonline.com
                         Certificate verification failed (issued by Contoso Inspection
                         CA).
                         Fix: Put the PEM of Contoso Inspection CA in the profile's CA
                         file (above), or set SSL_CERT_FILE=FILE; the CLI takes
                         --ca-file FILE.
         CONNECT  Untrusted TLS certificate from login.microsoftonline.com
        """

    static let connectTLS100 = """
         1 Connect   2 Users   3 Edit   4 Preview   5 Activity   6 Logs                             SANDBOX

         Profile (config.toml)
         Profile         ‹ none (ctrl-s saves this connection as one) ›
         Label           shown on every screen, e.g. PROD
         Label colour    ‹ blue ›

         Application
         Cloud           ‹ Global (also GCC) ›
         Tenant          8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c
         Client ID       3f2e1d0c-9b8a-4765-a432-10fedcba9876
         Credential      ‹ client secret (typed, kept in memory) ›
         Client secret   •••

         Provisioning job
         Endpoint URL    .0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10/bulkUpload
         Sign-in URL     http://###
         CA file         PEM of a private CA to trust, e.g. a TLS-inspecting proxy's

         Endpoint        ✓ cloud             Global (also GCC) via http://###
                           version           v1.0
                           service principal 0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10
                           job               API2AAD.0123456789abcdef0123456789abcdef.0b2b8f2c-7b71-4f8a-9…

         Test            ✗ Untrusted TLS certificate from login.microsoftonline.com
                         Certificate verification failed (issued by Contoso Inspection CA).
                         Fix: Put the PEM of Contoso Inspection CA in the profile's CA file (above), or set
                         SSL_CERT_FILE=FILE; the CLI takes --ca-file FILE.

         CONNECT  Untrusted TLS certificate from login.microsoftonline.com
        """
}
