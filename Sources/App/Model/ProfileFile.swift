import Foundation
import Provisioning
import TOMLKit

/// Reads and writes the `[[profiles]]` of `~/.config/scimterm/config.toml`:
///
/// ```toml
/// [[profiles]]
/// name = "contoso-prod"
/// label = "PROD"                  # shown on every screen's header…
/// accent = "red"                  # …in this colour: red, yellow, green or blue
/// cloud = "global"                # global, usgov, dod or china
/// tenant = "contoso.onmicrosoft.com"
/// client_id = "3f2e…"
/// endpoint = "https://graph.microsoft.com/v1.0/servicePrincipals/…/bulkUpload"
/// credential = "env:CONTOSO_SECRET"   # "prompt", "env:NAME" or "certificate"
/// certificate = "~/keys/app.pem"      # with credential = "certificate"
/// private_key = "~/keys/app.key"
/// ca_file = "~/keys/proxy-ca.pem"     # optional: a private CA to trust (a TLS-inspecting proxy's)
/// daily_quota = 6000                  # optional: bulkUpload calls per 24 h (2000 on P1/P2, 6000 with ID Governance)
/// ```
///
/// A profile never holds a secret: a key that looks like one is refused, so nobody keeps one
/// there thinking it is used.
public enum ProfileFile {
    static let secretKeys: Set<String> = ["secret", "client_secret", "clientsecret", "password"]

    /// The profiles in a config file's text, or why they cannot be read.
    public static func profiles(in text: String) throws(WorkspaceError) -> [ConnectionDraft] {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw WorkspaceError("\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        } catch {
            throw WorkspaceError("\(error)")
        }
        guard let array = table["profiles"]?.array else { return [] }
        var out: [ConnectionDraft] = []
        for (i, element) in array.enumerated() {
            guard let entry = element.table else { throw WorkspaceError("profiles[\(i)] is not a table ([[profiles]])") }
            out.append(try profile(entry, index: i))
        }
        return out
    }

    private static func profile(_ entry: TOMLTable, index: Int) throws(WorkspaceError) -> ConnectionDraft {
        func text(_ key: String) -> String { entry[key]?.string ?? "" }
        let name = text("name").isEmpty ? "profile \(index + 1)" : text("name")
        if let key = entry.keys.first(where: { secretKeys.contains($0.lowercased()) }) {
            throw WorkspaceError("profile \(name): '\(key)' looks like a secret, and config.toml never holds one; use credential = \"env:NAME\" or a certificate")
        }
        guard let cloud = Cloud(rawValue: text("cloud").isEmpty ? "global" : text("cloud").lowercased()) else {
            throw WorkspaceError("profile \(name): cloud '\(text("cloud"))' is not one of global, usgov, dod, china")
        }
        let spelling = text("credential").isEmpty && !text("certificate").isEmpty ? "certificate" : text("credential")
        guard let credential = CredentialSource(spelling: spelling, certificatePath: text("certificate"),
                                                privateKeyPath: text("private_key")) else {
            throw WorkspaceError("profile \(name): credential '\(spelling)' is not \"prompt\", \"env:NAME\" or \"certificate\"")
        }
        let accent = Accent(rawValue: text("accent").lowercased()) ?? .blue
        let quota = entry["daily_quota"]?.int
        if entry["daily_quota"] != nil, quota.map({ $0 < 0 }) ?? true {
            throw WorkspaceError("profile \(name): daily_quota must be a whole number of calls per 24 hours (0 turns the plan off)")
        }
        return ConnectionDraft(tenant: text("tenant"), clientId: text("client_id"), endpoint: text("endpoint"),
                               authority: text("authority"), profile: name, cloud: cloud, credential: credential,
                               label: text("label"), accent: accent, caFile: text("ca_file"), dailyQuota: quota)
    }

    /// The config file's text with its `[[profiles]]` replaced; everything else in it (theme,
    /// keymap) is kept. Comments are not: TOMLKit does not keep them.
    public static func replacingProfiles(in existing: String?, with profiles: [ConnectionDraft]) throws(WorkspaceError) -> String {
        let table: TOMLTable
        do { table = try TOMLTable(string: existing ?? "") } catch {
            throw WorkspaceError("config.toml cannot be read, so it is left as it is: \(error)")
        }
        let array = TOMLArray()
        for p in profiles { array.append(entry(p)) }
        table["profiles"] = array
        return table.convert(to: .toml) + "\n"
    }

    private static func entry(_ p: ConnectionDraft) -> TOMLTable {
        let t = TOMLTable()
        t["name"] = p.profile
        if !p.label.isEmpty { t["label"] = p.label }
        t["accent"] = p.accent.rawValue
        t["cloud"] = p.cloud.rawValue
        t["tenant"] = p.tenant
        t["client_id"] = p.clientId
        t["endpoint"] = p.endpoint
        if !p.authority.isEmpty { t["authority"] = p.authority }
        t["credential"] = p.credential.spelling
        if case .certificate(let certificate, let key) = p.credential {
            t["certificate"] = certificate
            t["private_key"] = key
        }
        if !p.caFile.isEmpty { t["ca_file"] = p.caFile }
        if let quota = p.dailyQuota { t["daily_quota"] = quota }
        return t
    }

    /// Reads the profiles at `path`; a missing file is no profiles, a broken one is an error to show.
    public static func load(path: String) -> (profiles: [ConnectionDraft], error: String?) {
        guard let bytes = FileManager.default.contents(atPath: path) else { return ([], nil) }
        do { return (try profiles(in: String(decoding: bytes, as: UTF8.self)), nil) } catch {
            return ([], "\(path): \(error.description)")
        }
    }

    /// Writes the profiles into the config file, atomically and 0600 like every file scimterm owns.
    public static func save(_ profiles: [ConnectionDraft], path: String) throws(WorkspaceError) {
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        let text = try replacingProfiles(in: existing, with: profiles)
        try SafeFile.writeAtomically(Array(text.utf8), to: path)
    }
}
