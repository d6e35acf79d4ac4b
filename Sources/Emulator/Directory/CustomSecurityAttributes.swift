import Foundation
import Mapping

/// Custom security attributes (preview, ENTRA.md §4): values that the provisioning logs never show.
///
/// Microsoft's "Provision custom security attributes from HR sources": "The source and target values
/// of custom security attributes are redacted in the provisioning logs." A mapping is one of them
/// when its target is a custom security attribute (`CustomSecurityAttributes.<Set>_<Attribute>`, as
/// the portal names them) or when it reads the `…:entra:csa` namespace, since its value then is one.
enum CustomSecurityAttributes {
    static let namespace = "urn:ietf:params:scim:schemas:extension:microsoft:entra:csa"
    static let targetPrefix = "CustomSecurityAttributes."

    /// What the logs show instead of a hidden value: the same marker as Redact() (Microsoft shows
    /// the CSA case only in a screenshot, so the text is our choice; see docs/EMULATOR.md).
    static let redacted = "[Redact]"

    /// A failure's text can quote the value it could not read, so a hidden mapping's reason is this.
    static let hiddenFailure = "the details are redacted: the mapping's value is hidden in the provisioning logs"

    /// Whether the logs must hide this mapping's values.
    static func isHidden(_ mapping: CompiledAttributeMapping) -> Bool {
        if hasPrefix(mapping.targetAttributeName, targetPrefix) { return true }
        return mapping.attributesRead.contains { hasPrefix($0, namespace) }
    }

    /// Case-insensitive prefix test: SCIM names and Entra's attribute names ignore case.
    private static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.count >= prefix.count && text.prefix(prefix.count).caseInsensitiveCompare(prefix) == .orderedSame
    }

    /// The text a log line may carry for a value of `target`: the value, or the marker when hidden.
    static func shown(_ value: String, target: String, hidden: Set<String>) -> String {
        hidden.contains(target) ? redacted : value
    }
}
