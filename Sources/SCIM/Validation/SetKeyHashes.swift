/// What the streamed set rules read of one record, as hashes: worked out on the batch's worker,
/// in parallel, so that the ordered pass over the batches only looks them up.
///
/// Reading the keys (case-insensitive attribute look-ups), lower-casing the userName and hashing
/// took a tenth of a streamed validate's time on the one thread that must see every record.
struct SetKeyHashes: Sendable, Equatable {
    /// The record's index in its batch.
    var record: Int
    /// The externalId's hash, including an empty one's; nil when there is none.
    var externalId: UInt64?
    var externalIdIsEmpty: Bool
    /// The lower-cased userName's hash; nil when there is none or it is empty.
    var userName: UInt64?
    /// The manager's externalId's hash; nil when there is none or it is empty.
    var manager: UInt64?
    /// The manager is the record's own externalId.
    var managerIsSelf: Bool

    init(_ keys: RecordSetRules.Keys, record: Int) {
        self.record = record
        externalId = keys.externalId.map(HashedKeys.hash)
        externalIdIsEmpty = keys.externalId?.isEmpty ?? true
        userName = keys.lowercasedUserName.flatMap { $0.isEmpty ? nil : HashedKeys.hash($0) }
        let manager = keys.managerExternalId.flatMap { $0.isEmpty ? nil : $0 }
        self.manager = manager.map(HashedKeys.hash)
        managerIsSelf = manager != nil && manager == keys.externalId
    }

    /// As the fast path finds them in the bytes (`CleanBatchScan`).
    init(record: Int, externalId: UInt64?, externalIdIsEmpty: Bool, userName: UInt64?, manager: UInt64?, managerIsSelf: Bool) {
        self.record = record
        self.externalId = externalId
        self.externalIdIsEmpty = externalIdIsEmpty
        self.userName = userName
        self.manager = manager
        self.managerIsSelf = managerIsSelf
    }

    /// Whether the record has nothing these rules read.
    var isEmpty: Bool { externalId == nil && userName == nil && manager == nil }

    /// The records' that have any key, in order: a file of a million `{}` keeps none.
    static func of(_ records: [UserRecord]) -> [SetKeyHashes] {
        var all: [SetKeyHashes] = []
        for (i, record) in records.enumerated() {
            let hashes = SetKeyHashes(RecordSetRules.Keys(record.data), record: i)
            if !hashes.isEmpty { all.append(hashes) }
        }
        return all
    }
}
