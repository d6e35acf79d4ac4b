/// The steps of a provisioning log entry, each with Graph's step `name`, the portal's label and the
/// schema's `provisioningStepType`.
///
/// Graph serves identifiers as step names (Microsoft's example responses show `EntryImport`,
/// `EntryImportAdd`, `EntrySynchronizationAdd`, `EntryExportUpdate`); the portal shows labels. Which
/// identifier each step of an API-driven job carries is not documented: this table is our choice
/// (docs/EMULATOR.md lists it). The label opens the step's `description`.
enum ProvisioningStepKind: Sendable, CaseIterable {
    case importFromAPI, matchNew, matchExisting, scoping, exportAdd, exportUpdate, exportSkip, referenceResolution

    var name: String {
        switch self {
        case .importFromAPI: return "EntryImport"
        case .matchNew: return "EntryImportAdd"
        case .matchExisting: return "EntryImportUpdate"
        case .scoping: return "EntrySynchronizationScoping"
        case .exportAdd: return "EntryExportAdd"
        case .exportUpdate: return "EntryExportUpdate"
        case .exportSkip: return "EntryExportSkip"
        case .referenceResolution: return "EntryReferenceResolution"
        }
    }

    var label: String {
        switch self {
        case .importFromAPI: return "Import from API"
        case .matchNew, .matchExisting: return "Match user"
        case .scoping: return "Determine if User is in scope"
        case .exportAdd, .exportUpdate, .exportSkip: return "Provision User"
        case .referenceResolution: return "Resolve manager reference"
        }
    }

    /// Lower case, as Graph's schema spells the enumeration (its examples capitalise: clients must not care).
    var type: String {
        switch self {
        case .importFromAPI: return "import"
        case .matchNew, .matchExisting: return "matching"
        case .scoping: return "scoping"
        case .exportAdd, .exportUpdate, .exportSkip: return "export"
        case .referenceResolution: return "referenceResolution"
        }
    }

    /// The export step for a provisioning action (create, update, disable, other).
    static func export(for action: String) -> ProvisioningStepKind {
        switch action {
        case "create": return .exportAdd
        case "update", "disable": return .exportUpdate
        default: return .exportSkip
        }
    }
}
