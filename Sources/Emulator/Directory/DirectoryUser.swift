import Foundation
import SCIM

/// A user in the emulator's in-memory Entra directory, with the Entra property names the
/// provisioning logs report (userPrincipalName, surname, accountEnabled, …).
struct DirectoryUser: Sendable, Equatable {
    var objectId: String
    var externalId: String
    /// Entra property name → value, as the job's attribute mappings set them.
    var properties: [String: String]
    var managerExternalId: String?

    var userPrincipalName: String? { properties["userPrincipalName"] }
    var displayName: String { properties["displayName"] ?? externalId }
    var accountEnabled: Bool { properties["accountEnabled"] == "True" }
}
