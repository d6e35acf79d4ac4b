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
    /// What a record says of one mapped property. A property the record does not carry at all is
    /// absent from `carried(by:)`: Entra tells "left out" from "sent empty" only with flow null values.
    enum Carried: Equatable, Sendable {
        case value(String)
        /// `null`, an empty string, or a multi-valued attribute with no `work` entry.
        case null
    }

    /// The mapped Entra properties the record carries, in mapping order (accountEnabled is apart:
    /// see `apply`). Values that are not strings are not mapped, as with Entra's default expressions.
    static func carried(by data: JSONObject) -> [(property: String, value: Carried)] {
        var out: [(property: String, value: Carried)] = []
        out.reserveCapacity(21)
        func put(_ property: String, _ source: JSONValue?) {
            if let c = read(source) { out.append((property, c)) }
        }
        put("employeeId", data.attribute("externalId"))
        put("userPrincipalName", data.attribute("userName"))
        put("displayName", data.attribute("displayName"))
        let name = data.attribute("name")
        put("givenName", member(name, "givenName"))
        put("surname", member(name, "familyName"))
        put("jobTitle", data.attribute("title"))
        put("mailNickname", data.attribute("nickName"))
        put("employeeType", data.attribute("userType"))
        put("preferredLanguage", data.attribute("preferredLanguage"))
        put("mail", member(workEntry(data.attribute("emails")), "value"))
        put("telephoneNumber", member(workEntry(data.attribute("phoneNumbers")), "value"))
        let address = workEntry(data.attribute("addresses"))
        for (property, attribute) in [("streetAddress", "streetAddress"), ("city", "locality"), ("state", "region"),
                                      ("postalCode", "postalCode"), ("country", "country")] {
            put(property, member(address, attribute))
        }
        let enterprise = data.attribute(SCIMSchema.enterpriseUser)
        for (property, attribute) in [("department", "department"), ("companyName", "organization"),
                                      ("employeeOrgData.division", "division"), ("employeeOrgData.costCenter", "costCenter")] {
            put(property, member(enterprise, attribute))
        }
        return out
    }

    /// The user's properties once the record is applied to `old` (empty for a new user).
    ///
    /// Partial by default: a property the record leaves out, or sends as null, keeps its value. With
    /// flow null values, every mapped property the record does not give a value is cleared. Two
    /// exceptions: `accountEnabled` always follows `active` (the default mapping computes it, so a
    /// record without `active` disables the account, ENTRA.md §4), and a userPrincipalName is never
    /// cleared (Entra requires one).
    static func apply(_ carried: [(property: String, value: Carried)], active: Bool?, to old: [String: String],
                      flowNullValues: Bool) -> [String: String] {
        var p = flowNullValues ? [:] : old
        for case let (property, .value(v)) in carried { p[property] = v }
        if p["userPrincipalName"] == nil, let upn = old["userPrincipalName"] { p["userPrincipalName"] = upn }
        p["accountEnabled"] = active == true ? "True" : "False"
        return p
    }

    /// Every property the mapping sets, in alphabetical order (the order of modifiedProperties).
    static let propertyNames = [
        "accountEnabled", "city", "companyName", "country", "department", "displayName", "employeeId",
        "employeeOrgData.costCenter", "employeeOrgData.division", "employeeType", "givenName", "jobTitle", "mail",
        "mailNickname", "postalCode", "preferredLanguage", "state", "streetAddress", "surname", "telephoneNumber",
        "userPrincipalName",
    ]

    /// The properties whose value differs, old → new (nil when absent), in `propertyNames` order.
    static func changes(from old: [String: String], to new: [String: String]) -> [(name: String, old: String?, new: String?)] {
        propertyNames.compactMap { name in
            let before = old[name], after = new[name]
            return before == after ? nil : (name, before, after)
        }
    }

    private static func read(_ source: JSONValue?) -> Carried? {
        switch source {
        case .none: return nil
        case .null?: return .null
        case .string(let s)?: return s.isEmpty ? .null : .value(s)
        default: return nil
        }
    }

    /// A member of a complex value: absent when the parent is absent, null when the parent is null.
    private static func member(_ parent: JSONValue?, _ name: String) -> JSONValue? {
        switch parent {
        case .null?: return .null
        case .object(let o)?: return o.attribute(name)
        default: return nil
        }
    }

    /// The `type: "work"` entry of a multi-valued attribute; null when the attribute is null or has none.
    private static func workEntry(_ list: JSONValue?) -> JSONValue? {
        switch list {
        case .null?: return .null
        case .array(let items)?:
            let work = items.first { $0.objectValue?.attribute("type")?.stringValue?.lowercased() == "work" }
            return work ?? .null
        default: return nil
        }
    }
}
