/// Graph's provisioning enums in the schema's spelling, whatever the casing they arrived in
/// (ENTRA.md §5: the schema says `nonServiceFailure`, Microsoft's examples `NonServiceFailure`).
/// A value we do not know is kept as it came: it may be a new one, and the operator should see it.
public enum ProvisioningEnum {
    public static let statuses = ["success", "warning", "failure", "skipped", "unknownFutureValue"]
    public static let actions = ["create", "update", "delete", "stagedDelete", "disable", "other", "unknownFutureValue"]
    public static let stepTypes = ["import", "scoping", "matching", "processing", "referenceResolution", "export", "unknownFutureValue"]
    public static let errorCategories = ["failure", "nonServiceFailure", "success", "unknownFutureValue"]

    /// `value` spelled as in `known` when it matches one without regard to case.
    public static func canonical(_ value: String, among known: [String]) -> String {
        let lower = value.lowercased()
        return known.first { $0.lowercased() == lower } ?? value
    }

    public static func status(_ value: String) -> String { canonical(value, among: statuses) }
    public static func stepType(_ value: String) -> String { canonical(value, among: stepTypes) }
    public static func errorCategory(_ value: String) -> String { canonical(value, among: errorCategories) }

    /// v1.0's `provisioningAction`, or beta's deprecated `action`, which held words such as
    /// "Create user": its first word is the action when it is one.
    public static func action(_ value: String) -> String {
        let whole = canonical(value, among: actions)
        if whole != value || actions.contains(value) { return whole }
        guard let first = value.split(separator: " ").first.map(String.init) else { return value }
        let word = canonical(first, among: actions)
        return actions.contains(word) ? word : value
    }
}

/// The portal's labels for the steps of an API-driven provisioning entry ("Import from API",
/// "Match user", …) from the step's type, falling back to Graph's step name.
public enum ProvisioningStepLabel {
    static let byType: [String: String] = [
        "import": "Import from API",
        "matching": "Match user",
        "scoping": "Determine if User is in scope",
        "processing": "Provision User",
        "export": "Provision User",
        "referenceResolution": "Resolve manager reference",
    ]

    /// Graph's names as Microsoft's example responses spell them: a prefix says the phase.
    static let byNamePrefix: [(prefix: String, type: String)] = [
        ("EntryImport", "import"),
        ("EntryExport", "export"),
        ("EntryReferenceResolution", "referenceResolution"),
        ("EntryScoping", "scoping"),
        ("EntryMatching", "matching"),
    ]

    /// The type decides when it is one we know: Graph's names are not consistent about it
    /// (`EntryImportAdd` is an import step in one of Microsoft's examples, `EntrySynchronizationAdd`
    /// a matching one in another); the name's prefix is the fallback.
    public static func label(name: String, type: String) -> String? {
        // The portal's own words, as an older emulator wrote them, are their own label.
        if byType.values.contains(name) { return name }
        if let label = byType[ProvisioningEnum.stepType(type)] { return label }
        return byNamePrefix.first { name.hasPrefix($0.prefix) }.flatMap { byType[$0.type] }
    }
}
