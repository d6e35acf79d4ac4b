@testable import App
import AppTesting
import Foundation
import Provisioning
import TerminalUI
import XCTest

/// Profiles in config.toml, the cloud and credential pickers, and the profile's badge.
final class ProfileTests: XCTestCase {
    static let configText = """
        theme = "solarized-dark"

        [[profiles]]
        name = "contoso-prod"
        label = "PROD"
        accent = "red"
        cloud = "usgov"
        tenant = "contoso.onmicrosoft.us"
        client_id = "prod-client"
        endpoint = "https://graph.microsoft.us/v1.0/servicePrincipals/sp1/synchronization/jobs/API2AAD.j1/bulkUpload"
        credential = "env:CONTOSO_SECRET"
        ca_file = "/etc/contoso/inspection-ca.pem"

        [[profiles]]
        name = "lab"
        tenant = "lab.onmicrosoft.com"
        client_id = "lab-client"
        certificate = "/keys/lab.pem"
        private_key = "/keys/lab.key"
        """

    private func connect(_ profiles: [ConnectionDraft]) -> Keys {
        var state = AppState(size: Size(width: 80, height: 24), workspace: Workspace())
        state.connect.setProfiles(profiles)
        return Keys(state)
    }

    func testProfilesAreReadWithTheirCredentialSources() throws {
        let profiles = try ProfileFile.profiles(in: Self.configText)
        XCTAssertEqual(profiles.map(\.profile), ["contoso-prod", "lab"])
        XCTAssertEqual(profiles[0].cloud, .usgov)
        XCTAssertEqual(profiles[0].credential, .environment("CONTOSO_SECRET"))
        XCTAssertEqual(profiles[0].badge, Badge(label: "PROD", role: .error))
        XCTAssertEqual(profiles[0].caFile, "/etc/contoso/inspection-ca.pem")
        XCTAssertEqual(profiles[1].caFile, "", "no ca_file: the system's CAs only")
        XCTAssertEqual(profiles[1].credential, .certificate(certificatePath: "/keys/lab.pem", privateKeyPath: "/keys/lab.key"))
        XCTAssertNil(profiles[1].badge)
    }

    func testASecretInAProfileIsRefused() {
        XCTAssertThrowsError(try ProfileFile.profiles(in: "[[profiles]]\nname = \"x\"\nclient_secret = \"hunter2\"\n")) { error in
            XCTAssertTrue("\(error)".contains("never holds one"), "\(error)")
        }
    }

    func testSavingKeepsOtherSettingsWritesNoSecretAnd0600() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-profiles-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/config.toml"
        try SafeFile.writeAtomically(Array(Self.configText.utf8), to: path)
        var profiles = try ProfileFile.profiles(in: Self.configText)
        profiles[1].label = "LAB"
        try ProfileFile.save(profiles, path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("theme = 'solarized-dark'") || text.contains("theme = \"solarized-dark\""), text)
        XCTAssertEqual(try ProfileFile.profiles(in: text), profiles, "round trip")
        XCTAssertTrue(text.contains("ca_file = '/etc/contoso/inspection-ca.pem'") || text.contains("ca_file = \"/etc/contoso/inspection-ca.pem\""), text)
        XCTAssertEqual(text.components(separatedBy: "ca_file").count, 2, "an empty CA file is not written: \(text)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testPickingAProfileFillsTheFormAndPutsItsLabelOnEveryScreen() throws {
        let k = connect(try ProfileFile.profiles(in: Self.configText))
        XCTAssertEqual(k.state.connect.form.focusedField?.id, "profile")
        k.press("right")
        let c = k.state.connect
        XCTAssertEqual(c.profileName, "contoso-prod")
        XCTAssertEqual(c.cloud, .usgov)
        XCTAssertEqual(c.request.credential, .environment("CONTOSO_SECRET"))
        XCTAssertEqual(k.state.workspace.connection.profile, "contoso-prod", "autosaved")
        XCTAssertTrue(k.text.contains("‹ contoso-prod (1 of 2) ›"), k.text)
        XCTAssertTrue(k.text.contains("Variable        CONTOSO_SECRET"), k.text)
        XCTAssertEqual(k.state.connect.form.field("caFile")?.input.text, "/etc/contoso/inspection-ca.pem")
        XCTAssertEqual(k.state.connect.request.caFile, "/etc/contoso/inspection-ca.pem")
        XCTAssertTrue(k.screen()[0].hasSuffix(" PROD"), k.screen()[0])
        k.press("2")
        XCTAssertTrue(k.screen()[0].hasSuffix(" PROD"), "Users screen too: \(k.screen()[0])")
        var frame = ScreenBuffer(width: 80, height: 24)
        TUI.render(k.state, into: &frame)
        let badgeCell = frame[77, 0]
        XCTAssertEqual(badgeCell.style, k.state.theme[.text].patched(with: k.state.theme[.error]).adding([.reverse, .bold]), "PROD in red")
        k.press("1 right")
        XCTAssertEqual(k.state.connect.request.credential, .certificate(certificatePath: "/keys/lab.pem", privateKeyPath: "/keys/lab.key"))
        XCTAssertEqual(k.state.connect.form.field("privateKeyPath")?.input.text, "/keys/lab.key")
        XCTAssertEqual(k.state.connect.request.caFile, "", "the next profile's CA file, not the previous one's")
        XCTAssertNil(k.state.headerBadge)
        k.press("right")
        XCTAssertEqual(k.state.connect.profileName, "", "wraps to none")
    }

    func testSavedProfileKeepsTheCAFileTypedOnTheConnectScreen() throws {
        let k = connect([])
        k.state.configPath = "/tmp/never-written/config.toml"
        k.state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "s3cret")
        for _ in 0..<10 { k.press("down") }
        XCTAssertEqual(k.state.connect.form.focusedField?.id, "caFile")
        k.type("~/keys/proxy-ca.pem")
        XCTAssertEqual(k.state.workspace.connection.caFile, "~/keys/proxy-ca.pem", "autosaved with the workspace")
        k.press("ctrl-s ctrl-u").type("proxied").press("enter")
        guard case .saveProfiles(let saved, _)? = k.effects.last else { return XCTFail("\(k.effects)") }
        XCTAssertEqual(saved.first?.caFile, "~/keys/proxy-ca.pem")
        let text = try ProfileFile.replacingProfiles(in: nil, with: saved)
        XCTAssertEqual(try ProfileFile.profiles(in: text).first?.caFile, "~/keys/proxy-ca.pem", text)
        XCTAssertFalse(text.contains("s3cret"))
    }

    func testSaveProfileAsksANameAndWritesEverythingButTheSecret() throws {
        let k = connect([])
        k.state.configPath = "/tmp/never-written/config.toml"
        k.state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "s3cret")
        k.press("down").type("TEST").press("down right right right")
        XCTAssertEqual(k.state.connect.accent, .green)
        k.press("ctrl-s")
        guard case .dialog(let dialog, .saveProfile)? = k.state.overlay else { return XCTFail("no dialog: \(String(describing: k.state.overlay))") }
        XCTAssertEqual(dialog.input.text, "test", "the label suggests the name")
        k.press("ctrl-u").type("lab").press("enter")
        guard case .saveProfiles(let saved, let path)? = k.effects.last else { return XCTFail("\(k.effects)") }
        XCTAssertEqual(path, "/tmp/never-written/config.toml")
        XCTAssertEqual(saved.map(\.profile), ["lab"])
        XCTAssertEqual(saved[0].label, "TEST")
        XCTAssertEqual(saved[0].accent, .green)
        XCTAssertEqual(saved[0].tenant, Fixture.sandboxConnection.tenant)
        XCTAssertFalse(try ProfileFile.replacingProfiles(in: nil, with: saved).contains("s3cret"))
        k.send(.profilesSaved(path: path, error: nil))
        XCTAssertEqual(k.state.message?.text, "profile lab saved in /tmp/never-written/config.toml")
        XCTAssertTrue(k.text.contains("‹ lab (1 of 1) ›"), k.text)
    }

    func testStartupReadsProfilesFromXDGConfigHome() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-xdg-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SafeFile.writeAtomically(Array(Self.configText.utf8), to: dir + "/config/scimterm/config.toml")
        let env = ["HOME": dir, "XDG_CONFIG_HOME": dir + "/config", "XDG_DATA_HOME": dir + "/data"]
        let state = TUIApp.initialState(TUIOptions(environment: env), size: Size(width: 80, height: 24))
        XCTAssertEqual(state.connect.profiles.map(\.profile), ["contoso-prod", "lab"])
        XCTAssertEqual(state.configPath, dir + "/config/scimterm/config.toml")
    }

    func testCloudPickerFollowsAPastedEndpointAndAMismatchIsCaught() {
        let k = connect([])
        k.state.connect = ConnectState(draft: ConnectionDraft(tenant: "t", clientId: "c"), secret: "s")
        k.press("down down down")
        XCTAssertEqual(k.state.connect.form.focusedField?.id, "cloud")
        k.press("right right")
        XCTAssertEqual(k.state.connect.cloud, .dod)
        XCTAssertTrue(k.text.contains("‹ US Gov L5 (DoD) ›"), k.text)
        k.press("down down down down down")
        XCTAssertEqual(k.state.connect.form.focusedField?.id, "endpoint")
        k.type(Fixture.sandboxConnection.endpoint.replacingOccurrences(of: "http://127.0.0.1:8080", with: "https://graph.microsoft.com"))
        XCTAssertEqual(k.state.connect.cloud, .global, "follows the endpoint's host")
        XCTAssertNil(k.state.connect.missing)
        k.press("up up up up up left")
        XCTAssertEqual(k.state.connect.cloud, .china)
        XCTAssertEqual(k.state.connect.missing, "The endpoint is in the Global (also GCC) cloud: pick that cloud.")
    }

    func testCredentialPickerOffersEnvironmentVariableAndCertificate() {
        let k = connect([])
        k.state.connect = ConnectState(draft: Fixture.sandboxConnection, secret: "s")
        k.press("down down down down down down")
        XCTAssertEqual(k.state.connect.form.focusedField?.id, "credential")
        k.press("space")
        XCTAssertEqual(k.state.connect.missing, "Name the environment variable that holds the secret.")
        k.press("down").type("MY_SECRET")
        XCTAssertEqual(k.state.connect.request.credential, .environment("MY_SECRET"))
        k.press("up right")
        XCTAssertTrue(k.text.contains("Certificate     path of the PEM certificate"), k.text)
        k.press("down").type("/a.pem").press("down").type("/a.key")
        XCTAssertEqual(k.state.connect.request.credential, .certificate(certificatePath: "/a.pem", privateKeyPath: "/a.key"))
        XCTAssertEqual(k.state.workspace.connection.credential, .certificate(certificatePath: "/a.pem", privateKeyPath: "/a.key"))
        k.press("up up left left")
        XCTAssertEqual(k.state.connect.secret, "s", "the typed secret is still there")
        k.press("left")
        XCTAssertEqual(k.state.connect.request.credential, .certificate(certificatePath: "/a.pem", privateKeyPath: "/a.key"), "paths kept")
    }

    func testTheRunnerReadsTheNamedVariableOrSaysWhatIsWrong() {
        guard case .failure(let problem) = LiveCredential.resolve(.environment("NOPE"), environment: [:]) else { return XCTFail() }
        XCTAssertEqual(problem.headline, "The environment variable NOPE is not set")
        guard case .success = LiveCredential.resolve(.environment("S"), environment: ["S": "x"]) else { return XCTFail() }
        guard case .failure(let missing) = LiveCredential.resolve(.certificate(certificatePath: "/no/such.pem", privateKeyPath: "/no/such.key")) else {
            return XCTFail()
        }
        XCTAssertEqual(missing.headline, "Cannot read the certificate or key")
    }

    func testTheWorkspaceKeepsCloudCredentialSourceAndLabel() throws {
        let draft = ConnectionDraft(tenant: "t", profile: "p", cloud: .china, credential: .certificate(certificatePath: "/c", privateKeyPath: "/k"),
                                    label: "PROD", accent: .red, caFile: "~/proxy-ca.pem")
        XCTAssertEqual(try Workspace.decode(Workspace(connection: draft).encoded()).connection, draft)
        let older = #"{"scimtermWorkspace": 1, "connection": {"tenant": "t"}, "users": []}"#
        XCTAssertEqual(try Workspace.decode(Array(older.utf8)).connection.caFile, "", "a workspace from before the CA file")
    }
}
