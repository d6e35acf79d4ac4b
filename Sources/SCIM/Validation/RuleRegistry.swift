/// Every rule id scimterm's checks can emit, in one list: the validator's (RFC 7643/7644 and Entra
/// traps), the readers' (JSON input, CSV and its mapping), and the notes the send and the user form
/// add. `scimterm rules` prints it; a test scans the sources and fails on an id that is not here.
///
/// Adding a rule: emit the `Diagnostic` where the check lives, then add its line here.
public enum RuleRegistry {
    private static let rfc7643 = "RFC 7643"
    private static let bulk = "RFC 7644 §3.7"
    private static let mapping = "scimterm mapping"
    private static let input = "scimterm input"

    public static let all: [ValidationRule] = bulkRequest + entraRecord + scimRecord + readers + later + jobMapping

    /// The BulkRequest envelope: RFC 7644's shape and the stricter bulkUpload endpoint.
    static let bulkRequest: [ValidationRule] = [
        .init("bulk.schemas.missing", [.error], bulk, "the BulkRequest has no \"schemas\""),
        .init("bulk.schemas.urn", [.error], bulk, "\"schemas\" does not list the BulkRequest URN"),
        .init("bulk.operations.missing", [.error], bulk, "the BulkRequest has no \"Operations\" array"),
        .init("bulk.operations.type", [.error], bulk, "\"Operations\" is not an array"),
        .init("bulk.operations.empty", [.warning], bulk, "\"Operations\" is empty: nothing will be provisioned"),
        .init("bulk.operation.type", [.error], bulk, "an operation is not an object"),
        .init("bulk.method.missing", [.error], bulk, "an operation has no \"method\""),
        .init("bulk.path.missing", [.error], bulk, "an operation has no \"path\""),
        .init("bulk.path.case", [.warning], bulk, "the path is /Users in another spelling"),
        .init("bulk.bulkId.missing", [.error], bulk, "a POST operation has no \"bulkId\""),
        .init("bulk.bulkId.type", [.error], bulk, "\"bulkId\" is not a non-empty string"),
        .init("bulk.bulkId.duplicate", [.warning], bulk, "a bulkId is used twice in one request"),
        .init("bulk.data.missing", [.error], bulk, "an operation has no \"data\" (the user)"),
        .init("bulk.data.type", [.error], bulk, "\"data\" is not a SCIM User object"),
        .init("bulk.failOnErrors.type", [.warning], bulk, "\"failOnErrors\" is neither null nor a positive integer"),
        .init("entra.operations.case", [.error], "Entra: bulkUpload schema", "\"Operations\" is not spelled with a capital O (400)"),
        .init("entra.operations.limit", [.error], "Entra: bulkUpload limits", "more than 50 operations in one request (400)"),
        .init("entra.method", [.error], "Entra: bulkUpload schema", "a method other than POST (Entra decides create, update or disable)"),
        .init("entra.path", [.error], "Entra: bulkUpload schema", "a path other than /Users: bulkUpload provisions users only"),
    ]

    /// A user record against what Entra's API-driven provisioning needs.
    static let entraRecord: [ValidationRule] = [
        .init("entra.externalId.missing", [.error], "Entra: source anchor", "no externalId, the anchor Entra matches users on"),
        .init("entra.externalId.empty", [.error], "Entra: source anchor", "an empty externalId (\"Source identifier of an entry cannot be empty\")"),
        .init("entra.externalId.type", [.error], "\(rfc7643) §3.1", "externalId is not a string"),
        .init("entra.externalId.duplicate", [.warning], "Entra: source anchor", "two records share an externalId; the later one wins"),
        .init("entra.userName.duplicate", [.warning], "Entra: userPrincipalName uniqueness", "two externalIds share a userName; the second fails"),
        .init("entra.active.missing", [.warning], "Entra: API-driven provisioning", "no \"active\": the account is created or left disabled"),
        .init("entra.type.notWork", [.warning], "Entra: API-driven provisioning", "emails, phone numbers or addresses not of type \"work\" are ignored"),
        .init("entra.manager.self", [.warning], "Entra: manager reference", "a user is their own manager"),
        .init("entra.manager.outside", [.note], "Entra: manager reference", "the manager is not in this set; resolved only if provisioned earlier"),
    ]

    /// A user record against the SCIM User schema.
    static let scimRecord: [ValidationRule] = [
        .init("scim.schemas.missing", [.warning], "\(rfc7643) §3", "no \"schemas\" list"),
        .init("scim.schemas.core", [.warning], "\(rfc7643) §3", "\"schemas\" does not list the core User URN"),
        .init("scim.schemas.extension", [.warning], "\(rfc7643) §3", "an extension object whose URN is not in \"schemas\""),
        .init("scim.extension.type", [.error], "\(rfc7643) §3.3", "an extension is not an object of attributes"),
        .init("scim.userName.missing", [.warning], "\(rfc7643) §4.1.1", "no userName (required by SCIM, feeds the default UPN)"),
        .init("scim.userName.empty", [.warning], "\(rfc7643) §4.1.1", "userName is empty"),
        .init("scim.attribute.unknown", [.note], "\(rfc7643) §4.1, §4.3", "an attribute or sub-attribute the schema does not define"),
        .init("scim.attribute.case", [.warning], "\(rfc7643) §2.1", "an attribute spelled in another case than the schema's"),
        .init("scim.type", [.error], "\(rfc7643) §2.3", "a value of the wrong type (400)"),
        .init("scim.type.boolean", [.error], "\(rfc7643) §2.3.2", "\"active\" is a string, not a boolean (400)"),
        .init("scim.type.singleValued", [.error], "\(rfc7643) §2.4", "an array for a single-valued attribute (400)"),
        .init("scim.type.multiValued", [.error], "\(rfc7643) §2.4", "a single value for a multi-valued attribute (400)"),
        .init("scim.primary.multiple", [.warning], "\(rfc7643) §2.4", "more than one value of a multi-valued attribute marked primary"),
        .init("json.key.duplicate", [.warning], "RFC 8259 §4", "a key appears twice in one object; readers keep the last"),
        .init("input.controlCharacters", [.warning], input, "a value holds control or bidirectional-override characters"),
    ]

    /// The readers: JSON input that is not a payload, CSV files and their mappings.
    static let readers: [ValidationRule] = [
        .init("input.unrecognised", [.error], input, "a JSON value that is neither a BulkRequest nor a SCIM User"),
        .init("input.item.type", [.error], input, "an array item that is not a SCIM User object; not read"),
        .init("csv.row.columns", [.warning], "RFC 4180", "a row with another number of fields than the header"),
        .init("csv.header.duplicate", [.warning], mapping, "a column name appears twice in the header; the first is used"),
        .init("csv.column.unmapped", [.error, .warning], mapping,
              "columns that map to no attribute (an error when none maps, so every user would be empty)"),
        .init("csv.column.unused", [.note], mapping, "columns the mapping file does not read"),
        .init("csv.value.boolean", [.warning], mapping, "a cell that is not a boolean for a boolean attribute; left out"),
        .init("csv.value.integer", [.warning], mapping, "a cell that is not an integer for an integer attribute; left out"),
        .init("csv.value.decimal", [.warning], mapping, "a cell that is not a number for a decimal attribute; left out"),
        .init("mapping.column.missing", [.error], mapping, "the mapping reads a column the CSV does not have"),
        .init("mapping.path.conflict", [.warning], mapping, "a mapped path is both a value and an object; ignored"),
        .init("record.empty", [.error], mapping, "a row that gives a user with nothing but \"schemas\""),
    ]

    /// Findings made later than reading: at send time against the journal.
    static let later: [ValidationRule] = [
        .init("entra.update.partial", [.note], "Entra behaviour (ENTRA.md §4: updates are partial)",
              "a record leaves out attributes an earlier send of its externalId set; Entra keeps them"),
    ]

    /// With the job's schema (`--schema`): what its attribute mapping makes of each user (issue 12 §3).
    static let jobMapping: [ValidationRule] = [
        .init("schema.attribute.unread", [.warning], "Entra: the job's attribute mapping",
              "an attribute no mapping reads: accepted (202) and silently ignored"),
        .init("schema.matching.empty", [.error], "Entra: the job's attribute mapping",
              "the attribute users are matched on (matchingPriority 1) is missing or empty"),
        .init("schema.source.absent", [.note], "Entra: the job's attribute mapping",
              "a mapped source attribute no user in the file carries (once per file)"),
        .init("schema.target.nothing", [.warning], "Entra: the job's attribute mapping",
              "a target whose expression fails or computes nothing for this user"),
        .init("schema.csa.value", [.error], "Entra: custom security attributes (ENTRA.md §4)",
              "a custom security attribute that is not one String value"),
        .init("schema.hireDate.time", [.warning], "Entra: Lifecycle Workflows dates (ENTRA.md §4)",
              "employeeHireDate or employeeLeaveDateTime would be a date without a time"),
    ]

    private static let byId: [String: ValidationRule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rule with this id, if it is registered.
    public static func rule(_ id: String) -> ValidationRule? { byId[id] }
}
