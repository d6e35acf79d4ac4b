import Foundation

/// The schema a new "API-driven provisioning to Microsoft Entra ID" job starts with, as the emulator
/// serves it and as scimterm assumes when no schema is given. Where each mapping comes from (a
/// Learn page, or our choice where Microsoft publishes no table) is listed in docs/EMULATOR.md.
extension SynchronizationSchema {
    /// The API side's directory name: the portal's "Edit attribute list for API" (our reading).
    public static let apiDirectoryName = "API"
    public static let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    public static let defaultAPIDriven = SynchronizationSchema(
        directories: [
            DirectoryDefinition(id: "API", name: apiDirectoryName, objects: [ObjectDefinition(name: "User", attributes: apiUserAttributes)]),
            DirectoryDefinition(id: "AAD", name: DirectoryDefinition.entraName,
                                objects: [ObjectDefinition(name: "User", attributes: entraUserAttributes)]),
        ],
        synchronizationRules: [SynchronizationRule(
            id: "API2AAD", name: "API to Microsoft Entra ID", sourceDirectoryName: apiDirectoryName,
            targetDirectoryName: DirectoryDefinition.entraName,
            objectMappings: [ObjectMapping(name: "Provision API Users", sourceObjectName: "User", targetObjectName: "User",
                                           attributeMappings: defaultUserMappings)])],
        version: "scimterm-default-1")

    /// The SCIM Core and Enterprise User attributes the API accepts by default (inbound FAQ: "any
    /// attribute that is part of the SCIM Core User and Enterprise User schema"), as SCIM paths.
    static var apiUserAttributes: [AttributeDefinition] {
        let strings = [
            "userName", "displayName", "nickName", "title", "userType", "preferredLanguage", "locale", "timezone",
            "name.formatted", "name.familyName", "name.givenName", "name.middleName", "name.honorificPrefix", "name.honorificSuffix",
            #"emails[type eq "work"].value"#, #"phoneNumbers[type eq "work"].value"#, #"phoneNumbers[type eq "mobile"].value"#,
            #"addresses[type eq "work"].formatted"#, #"addresses[type eq "work"].streetAddress"#, #"addresses[type eq "work"].locality"#,
            #"addresses[type eq "work"].region"#, #"addresses[type eq "work"].postalCode"#, #"addresses[type eq "work"].country"#,
        ] + ["employeeNumber", "costCenter", "organization", "division", "department"].map { "\(enterprise):\($0)" }
        return [AttributeDefinition(name: "externalId", required: true, anchor: true),
                AttributeDefinition(name: "active", type: "Boolean")]
            + strings.map { AttributeDefinition(name: $0) }
            + [AttributeDefinition(name: "\(enterprise):manager", type: "Reference")]
    }

    /// The Entra user attributes the default mappings write, and a few more a mapping may target.
    static var entraUserAttributes: [AttributeDefinition] {
        let strings = [
            "employeeId", "userPrincipalName", "mailNickname", "displayName", "givenName", "surname", "jobTitle", "mail",
            "telephoneNumber", "mobile", "streetAddress", "city", "state", "postalCode", "country", "preferredLanguage",
            "employeeType", "department", "companyName", "officeLocation", "usageLocation", "faxNumber",
        ]
        return strings.map { AttributeDefinition(name: $0) } + [
            AttributeDefinition(name: "accountEnabled", type: "Boolean"),
            AttributeDefinition(name: "manager", type: "Reference"),
            AttributeDefinition(name: "employeeHireDate", type: "DateTime"),
            AttributeDefinition(name: "employeeLeaveDateTime", type: "DateTime"),
        ]
    }

    static var defaultUserMappings: [AttributeMapping] {
        func direct(_ source: String, _ target: String) -> AttributeMapping {
            AttributeMapping(source: .attribute(source), targetAttributeName: target)
        }
        func work(_ attribute: String, _ target: String) -> AttributeMapping {
            direct(#"addresses[type eq "work"].\#(attribute)"#, target)
        }
        return [
            AttributeMapping(source: .attribute("externalId"), targetAttributeName: "employeeId", matchingPriority: 1),
            // A missing `active` falls to the default "False": the trap ENTRA.md §4 warns of.
            AttributeMapping(source: .function(#"Switch([active], "False", "True", "True", "False", "False")"#),
                             targetAttributeName: "accountEnabled"),
            direct("userName", "userPrincipalName"),
            AttributeMapping(source: .function(#"Replace([userName], , "(?<Suffix>@(.)*)", "Suffix", "", , )"#),
                             targetAttributeName: "mailNickname"),
            direct("displayName", "displayName"),
            direct("name.givenName", "givenName"),
            direct("name.familyName", "surname"),
            direct("title", "jobTitle"),
            direct(#"emails[type eq "work"].value"#, "mail"),
            direct(#"phoneNumbers[type eq "work"].value"#, "telephoneNumber"),
            direct(#"phoneNumbers[type eq "mobile"].value"#, "mobile"),
            work("streetAddress", "streetAddress"), work("locality", "city"), work("region", "state"),
            work("postalCode", "postalCode"), work("country", "country"),
            direct("preferredLanguage", "preferredLanguage"),
            direct("userType", "employeeType"),
            direct("\(enterprise):department", "department"),
            direct("\(enterprise):organization", "companyName"),
            direct("\(enterprise):manager", "manager"),
        ]
    }
}
