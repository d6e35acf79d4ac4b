/// What validation findings mean for a send: which ones Entra will refuse, and which ones the
/// rebuilt documents no longer have.
public enum SendFindings {
    /// Envelope rules the builder repairs: it writes `Operations`, `/Users`, `POST`, bulkIds,
    /// `schemas` and `failOnErrors` itself and never puts more than 50 operations in a document.
    /// A method other than POST or a path other than /Users is not repaired: rewriting it would
    /// change what the customer asked for.
    static let repairedByRebuild: Set<String> = [
        "entra.operations.limit", "entra.operations.case", "bulk.path.case", "bulk.path.missing",
        "bulk.method.missing", "bulk.bulkId.missing", "bulk.bulkId.type", "bulk.schemas.missing",
        "bulk.schemas.urn", "bulk.failOnErrors.type",
    ]

    /// Whether the finding is about a request envelope (what Entra parses before any user).
    /// A capped rule's "… and N more" line has no record either, but stands for many findings, not one envelope.
    public static func isEnvelope(_ d: Diagnostic) -> Bool {
        d.record == nil && d.summarised == nil && (d.rule.hasPrefix("bulk.") || d.rule.hasPrefix("entra."))
    }

    /// The input's findings as they apply to the rebuilt documents: envelope errors the rebuild
    /// repairs become notes saying so; everything else stays as it was.
    /// A repeated bulkId is repaired too unless the bulkIds are kept (`--bulk-id original`), where
    /// it stays the warning it is.
    public static func afterRebuild(_ diagnostics: [Diagnostic], documentCount: Int, keepsBulkIds: Bool) -> [Diagnostic] {
        let repaired = keepsBulkIds ? repairedByRebuild : repairedByRebuild.union(["bulk.bulkId.duplicate"])
        return diagnostics.map { d in
            guard isEnvelope(d), repaired.contains(d.rule), d.severity != .note else { return d }
            var note = d
            note.severity = .note
            note.message = "in the input: \(d.message); re-chunked into \(documentCount) document\(documentCount == 1 ? "" : "s") that do not have it"
            note.hint = nil
            return note
        }
    }

    /// One line per input document Entra is expected to answer 400, naming the reasons
    /// ("document 1: expect 400: 51 operations in one request; …").
    public static func expectedRejections(_ diagnostics: [Diagnostic]) -> [String] {
        var reasons: [Int: [String]] = [:]
        for d in diagnostics where d.severity == .error && isEnvelope(d) {
            reasons[d.document ?? 0, default: []].append(d.message)
        }
        return reasons.keys.sorted().map { doc in
            let list = reasons[doc] ?? []
            let shown = list.prefix(3).joined(separator: "; ") + (list.count > 3 ? "; … and \(list.count - 3) more" : "")
            return "document \(doc + 1): expect 400: \(shown)"
        }
    }
}
