import Provisioning
import TerminalUI

/// The Connect form's layout and its pickers: which fields show for the chosen credential kind,
/// what each picker says, and what stepping one changes.
extension ConnectState {
    /// Rebuilds the form from the state, keeping the focus on the field it was on.
    mutating func rebuild(focusing id: String?) {
        let focused = id ?? form.focusedField?.id
        var items: [FormItem] = [
            .section("Profile (config.toml)"),
            picker("profile", "Profile", profileTitle),
            text("label", "Label", placeholder: "shown on every screen, e.g. PROD"),
            picker("accent", "Label colour", accent.rawValue),
            .section("Application"),
            picker("cloud", "Cloud", cloud.displayName),
            text("tenant", "Tenant", placeholder: "contoso.onmicrosoft.com or tenant id"),
            text("clientId", "Client ID", placeholder: "application (client) id"),
            picker("credential", "Credential", credentialKind.title),
        ]
        switch credentialKind {
        case .prompt:
            items.append(.field(FormField(id: "secret", label: "Client secret", text: text("secret"), masked: true,
                                          placeholder: "kept in memory only, never saved")))
        case .environment:
            items.append(text("secretVariable", "Variable", placeholder: "name of the variable, e.g. \(SecretSource.defaultVariable)"))
        case .certificate:
            items.append(text("certificatePath", "Certificate", placeholder: "path of the PEM certificate"))
            items.append(text("privateKeyPath", "Private key", placeholder: "path of the PEM private key (RSA, unencrypted)"))
        }
        items += [
            .section("Provisioning job"),
            text("endpoint", "Endpoint URL", placeholder: "paste the app's Provisioning API Endpoint (…/bulkUpload)"),
            text("authority", "Sign-in URL", placeholder: "empty: the cloud's own (\(cloud.loginHost))"),
            text("caFile", "CA file", placeholder: "PEM of a private CA to trust, e.g. a TLS-inspecting proxy's"),
        ]
        var rebuilt = FormState(items)
        if let focused, let index = rebuilt.fields.firstIndex(where: { $0.id == focused }) {
            rebuilt = rebuilt.focusing(index)
        }
        form = rebuilt
    }

    private func text(_ id: String, _ label: String, placeholder: String) -> FormItem {
        .field(FormField(id: id, label: label, text: text(id), placeholder: placeholder))
    }

    private func picker(_ id: String, _ label: String, _ option: String) -> FormItem {
        .field(FormField(id: id, label: label, text: "‹ \(option) ›"))
    }

    var focusedPicker: String? {
        form.focusedField.map(\.id).flatMap { Self.pickers.contains($0) ? $0 : nil }
    }

    private var profileTitle: String {
        if profileName.isEmpty { return profiles.isEmpty ? "none (ctrl-s saves this connection as one)" : "none" }
        guard let i = profiles.firstIndex(where: { $0.profile == profileName }) else { return "\(profileName) (not saved)" }
        return "\(profileName) (\(i + 1) of \(profiles.count))"
    }

    /// Applies an edit to the focused text field.
    mutating func setFocusedInput(_ input: TextFieldState) {
        guard let id = form.focusedField?.id, !Self.pickers.contains(id) else { return }
        texts[id] = input.text
        form = form.updating(id) { $0.input = input }
        // A pasted Microsoft endpoint names its cloud: follow it, so the picker never disagrees.
        if id == "endpoint", case .success(let endpoint)? = parsedEndpoint, endpoint.graphBase == nil, endpoint.cloud != cloud {
            cloud = endpoint.cloud
            rebuild(focusing: id)
        }
    }

    /// Steps the focused picker by `delta` options.
    mutating func stepPicker(_ id: String, by delta: Int) {
        switch id {
        case "profile": stepProfile(by: delta)
        case "accent":
            let all = Accent.allCases
            accent = all[((all.firstIndex(of: accent) ?? 0) + delta + all.count) % all.count]
        case "cloud": cloud = cloud.stepped(delta)
        case "credential":
            let all = CredentialSource.Kind.allCases
            credentialKind = all[(credentialKind.rawValue + delta + all.count) % all.count]
        default: return
        }
        rebuild(focusing: id)
    }

    /// Cycles none → first profile → … → last → none.
    private mutating func stepProfile(by delta: Int) {
        let count = profiles.count + 1
        let current = (profiles.firstIndex { $0.profile == profileName } ?? -1) + 1
        let next = ((current + delta) % count + count) % count
        if next == 0 { profileName = ""; return }
        apply(profiles[next - 1])
    }

    /// Fills the form from a profile. The secret is cleared: it belonged to the previous app.
    mutating func apply(_ profile: ConnectionDraft) {
        profileName = profile.profile
        cloud = profile.cloud
        credentialKind = profile.credential.kind
        accent = profile.accent
        texts = Self.texts(of: profile)
        test = .idle
    }

    /// Takes the profiles read from config.toml.
    mutating func setProfiles(_ list: [ConnectionDraft]) {
        profiles = list
        rebuild(focusing: nil)
    }

    /// Saves the current connection as the named profile (replacing one of that name); the
    /// returned list is what config.toml should hold.
    mutating func saveProfile(named name: String) -> [ConnectionDraft] {
        profileName = name
        let saved = draft
        if let i = profiles.firstIndex(where: { $0.profile == name }) { profiles[i] = saved } else { profiles.append(saved) }
        rebuild(focusing: nil)
        return profiles
    }
}
