/// RFC 7643 §4.1's User schema, as Entra's API-driven provisioning reads it.
public enum CoreUserSchema {
    private typealias A = AttributeDefinition

    static let multiValuedSubs = multiValuedSubs(value: .string)

    /// The value/display/type/primary quartet of RFC 7643 §2.4, with the value's own type.
    static func multiValuedSubs(value: AttributeDefinition.DataType, extra: [AttributeDefinition] = []) -> [AttributeDefinition] {
        [A("value", value, section: "Contact", "The value itself (an address, a number).")] + extra + [
        A("display", .string, section: "Contact", "A human-readable form, for display only."),
        A("type", .string, section: "Contact", canonicalValues: ["work", "home", "other"],
          "The kind of value. Entra processes only \"work\"."),
        A("primary", .boolean, section: "Contact", "The preferred value; at most one may be true."),
    ]
    }

    static let nameSubs: [AttributeDefinition] = [
        A("formatted", .string, section: "Name", "The full name as it should be displayed."),
        A("familyName", .string, section: "Name", "Last name (surname in Entra)."),
        A("givenName", .string, section: "Name", "First name."),
        A("middleName", .string, section: "Name", "Middle names."),
        A("honorificPrefix", .string, section: "Name", "Title before the name, such as Ms. or Dr."),
        A("honorificSuffix", .string, section: "Name", "Suffix after the name, such as III."),
    ]

    static let addressSubs: [AttributeDefinition] = [
        A("formatted", .string, section: "Contact", "The full mailing address, possibly over several lines."),
        A("streetAddress", .string, section: "Contact", "House number and street."),
        A("locality", .string, section: "Contact", "City (Entra: city)."),
        A("region", .string, section: "Contact", "State or region (Entra: state)."),
        A("postalCode", .string, section: "Contact", "Zip or postal code."),
        A("country", .string, section: "Contact", "Country, preferably an ISO 3166-1 alpha-2 code."),
        A("type", .string, section: "Contact", canonicalValues: ["work", "home", "other"],
          "The kind of address. Entra processes only \"work\"."),
        A("primary", .boolean, section: "Contact", "The preferred address; at most one may be true."),
    ]

    public static let definition = SchemaDefinition(urn: SCIMSchema.user, name: "User", attributes: [
        A("userName", .string, required: true, section: "Identity",
          "Unique sign-in name. Required by RFC 7643; Entra's mapping decides whether it is used."),
        A("name", .complex, section: "Name", subAttributes: nameSubs, "The parts of the person's name."),
        A("displayName", .string, section: "Identity", "The name shown in address books and the portal."),
        A("nickName", .string, section: "Identity", "An informal name (Entra: mailNickname in the sample mapping)."),
        A("profileUrl", .reference, section: "Identity", "A URL of the person's online profile."),
        A("title", .string, section: "Job", "Job title."),
        A("userType", .string, section: "Job", "Relationship to the organisation, such as Employee or Contractor."),
        A("preferredLanguage", .string, section: "Identity", "Preferred language, such as en-US."),
        A("locale", .string, section: "Identity", "Locale for formatting, such as en-US."),
        A("timezone", .string, section: "Identity", "Time zone in IANA form, such as Europe/Paris."),
        A("active", .boolean, section: "Identity",
          "Whether the account is enabled. Leaving it out makes Entra disable the account."),
        A("password", .string, section: "Identity", "Initial password; write-only, never returned."),
        A("emails", .complex, multiValued: true, section: "Contact", subAttributes: multiValuedSubs,
          "Email addresses."),
        A("phoneNumbers", .complex, multiValued: true, section: "Contact", subAttributes: multiValuedSubs,
          "Phone numbers."),
        A("ims", .complex, multiValued: true, section: "Contact", subAttributes: multiValuedSubs,
          "Instant messaging addresses."),
        A("photos", .complex, multiValued: true, section: "Contact", subAttributes: multiValuedSubs(value: .reference),
          "URLs of photos of the person."),
        A("addresses", .complex, multiValued: true, section: "Contact", subAttributes: addressSubs,
          "Physical mailing addresses."),
        A("groups", .complex, multiValued: true, section: "Other",
          subAttributes: multiValuedSubs(value: .string, extra: [A("$ref", .reference, section: "Other", "The group's URI.")]),
          "Groups the user belongs to; read-only, set by the service."),
        A("entitlements", .complex, multiValued: true, section: "Other", subAttributes: multiValuedSubs,
          "Entitlements of the user."),
        A("roles", .complex, multiValued: true, section: "Other", subAttributes: multiValuedSubs,
          "Roles of the user."),
        A("x509Certificates", .complex, multiValued: true, section: "Other", subAttributes: multiValuedSubs(value: .binary),
          "Certificates of the user."),
        A("externalId", .string, section: "Identity",
          "The source anchor. Entra matches it to employeeId by default; it must not be empty."),
        A("id", .string, section: "Other", "The service's identifier; set by the service, ignored on input."),
    ])
}

/// RFC 7643 §4.3's Enterprise User extension.
public enum EnterpriseUserSchema {
    private typealias A = AttributeDefinition

    public static let definition = SchemaDefinition(urn: SCIMSchema.enterpriseUser, name: "EnterpriseUser", attributes: [
        A("employeeNumber", .string, section: "Enterprise", "The organisation's number for the person."),
        A("costCenter", .string, section: "Enterprise", "Cost center."),
        A("organization", .string, section: "Enterprise", "Organisation (company) name."),
        A("division", .string, section: "Enterprise", "Division."),
        A("department", .string, section: "Enterprise", "Department."),
        A("manager", .complex, section: "Enterprise", subAttributes: [
            A("value", .string, section: "Enterprise",
              "The manager's externalId: Entra resolves it against source anchors, not object ids."),
            A("$ref", .reference, section: "Enterprise", "A URI of the manager's resource."),
            A("displayName", .string, section: "Enterprise", "The manager's display name; read-only."),
        ], "The person's manager."),
    ])
}
