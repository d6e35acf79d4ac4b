import Foundation
import SCIM

/// A user in the emulator's in-memory Entra directory, with the Entra property names the
/// provisioning logs report (userPrincipalName, surname, accountEnabled, …).
struct DirectoryUser: Sendable, Equatable {
    var objectId: String
    var externalId: String
    /// Entra property name → value, as the default attribute mappings of API-driven provisioning set them.
    var properties: [String: String]
    var managerExternalId: String?

    var userPrincipalName: String? { properties["userPrincipalName"] }
    var displayName: String { properties["displayName"] ?? externalId }
    var accountEnabled: Bool { properties["accountEnabled"] == "True" }
}

/// How SCIM attributes land on Entra properties with the default mapping of an API-driven job.
///
/// Only `type: "work"` emails, phone numbers and addresses are read, as in Entra: that is how a
/// payload with home addresses can be accepted (202) and still change nothing.
enum DefaultAttributeMapping {
    static func properties(of data: JSONObject) -> [String: String] {
        var p: [String: String] = [:]
        let record = UserRecord(data: data)
        func put(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { p[name] = value }
        }
        put("employeeId", record.externalId)
        put("userPrincipalName", record.userName)
        put("displayName", record.displayName)
        put("givenName", record.givenName)
        put("surname", record.familyName)
        put("jobTitle", record.string("title"))
        put("mailNickname", record.string("nickName"))
        put("employeeType", record.string("userType"))
        put("preferredLanguage", record.string("preferredLanguage"))
        // Leaving `active` out disables the account (ENTRA.md §4).
        p["accountEnabled"] = record.active == true ? "True" : "False"
        put("mail", record.emails.first { $0.type?.lowercased() == "work" }?.value)
        put("telephoneNumber", record.phoneNumbers.first { $0.type?.lowercased() == "work" }?.value)
        if let address = record.addresses.first(where: { $0.type?.lowercased() == "work" }) {
            put("streetAddress", address.object.attribute("streetAddress")?.stringValue)
            put("city", address.object.attribute("locality")?.stringValue)
            put("state", address.object.attribute("region")?.stringValue)
            put("postalCode", address.object.attribute("postalCode")?.stringValue)
            put("country", address.object.attribute("country")?.stringValue)
        }
        if let e = record.enterprise {
            put("department", e.attribute("department")?.stringValue)
            put("companyName", e.attribute("organization")?.stringValue)
            put("employeeOrgData.division", e.attribute("division")?.stringValue)
            put("employeeOrgData.costCenter", e.attribute("costCenter")?.stringValue)
        }
        return p
    }
}
