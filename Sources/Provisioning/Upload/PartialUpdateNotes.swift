import Foundation
import SCIM

/// Updates are partial (ENTRA.md §4): an attribute an earlier send set and this record leaves out
/// keeps its old value in Entra, unless the job flows null values. Worth a note, since people expect
/// the record they send to be the whole truth.
public enum PartialUpdateNotes {
    public static let rule = "entra.update.partial"

    /// The attributes a user's data carries, one level into complex and extension attributes
    /// (`name.givenName`, `urn:…:enterprise:2.0:User:department`, `emails`), case-folded.
    public static func carried(_ data: JSONObject) -> Set<String> {
        var paths: Set<String> = []
        for (key, value) in data.members where !value.isNull {
            let name = key.lowercased()
            guard name != "schemas", name != "externalid" else { continue }
            if let inner = value.objectValue, name == "name" || name.hasPrefix("urn:") {
                for (sub, subValue) in inner.members where !subValue.isNull { paths.insert(name + (name.hasPrefix("urn:") ? ":" : ".") + sub.lowercased()) }
            } else {
                paths.insert(name)
            }
        }
        return paths
    }

    /// A note per record that leaves out attributes the last accepted send of its externalId carried.
    public static func diagnostics(_ records: [UserRecord], previous: [String: SendJournal.SentAttributes],
                                   clock: (Date) -> String) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        for (index, record) in records.enumerated() {
            guard let id = record.externalId, let before = previous[id] else { continue }
            let missing = before.paths.subtracting(carried(record.data)).sorted()
            guard !missing.isEmpty else { continue }
            notes.append(Diagnostic(
                .note, rule: rule, source: "Entra behaviour (ENTRA.md §4: updates are partial)", record: index,
                path: record.origin?.dataPath,
                message: "leaves out \(missing.count) attribute\(missing.count == 1 ? "" : "s") sent for externalId \(id) on \(clock(before.at)) "
                    + "(\(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", …" : "")): left unchanged by Entra unless the job flows null values",
                hint: "send the attribute with its value to keep it explicit; to clear it, turn on the job's \"flow null values\" option"))
        }
        return notes
    }
}
