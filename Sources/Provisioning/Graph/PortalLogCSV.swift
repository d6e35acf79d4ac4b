import Foundation
import SCIM

/// The portal's CSV download of provisioning logs: three files joined on the change id, the
/// entries (`ProvisioningLogs…csv`), their steps (`…_ProvisioningSteps…csv`) and their changed
/// attributes (`…_ModifiedProperties…csv`).
///
/// The portal's exact header spellings are not documented, and customers open and re-save these
/// files in Excel: columns are found by name, compared without case, spaces, dots or underscores,
/// under each of the names a column is known by; the order never matters.
public enum PortalLogCSV {
    static let stepsMarker = "_provisioningsteps"
    static let propertiesMarker = "_modifiedproperties"

    /// The three files of the download that `path` (any one of them) belongs to.
    public struct Files: Sendable, Equatable {
        public var logs: String
        public var steps: String
        public var properties: String
    }

    /// The entries of the download `path` belongs to, each rebuilt as Graph's v1.0 JSON so the
    /// detail view and `--format json` show them like live ones.
    public static func read(path: String) throws(ProvisioningLogImport.Failure) -> [ProvisioningLog] {
        let files = try siblings(of: path)
        let steps = try Table(path: files.steps, bytes: try ProvisioningLogImport.bytes(files.steps))
        let properties = try Table(path: files.properties, bytes: try ProvisioningLogImport.bytes(files.properties))
        let logs = try Table(path: files.logs, bytes: try ProvisioningLogImport.bytes(files.logs))
        return try entries(logs: logs, steps: steps, properties: properties)
    }

    /// Finds the other two files beside `path`: a file's name without its marker
    /// (`_ProvisioningSteps`, `_ModifiedProperties`, any case) is the entries file's name.
    public static func siblings(of path: String) throws(ProvisioningLogImport.Failure) -> Files {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let logsName = stripMarkers(url.lastPathComponent)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        func find(_ marker: String, _ label: String) throws(ProvisioningLogImport.Failure) -> String {
            let match = names.sorted().first { $0.lowercased().contains(marker) && stripMarkers($0) == logsName }
            guard let match else {
                throw ProvisioningLogImport.Failure(path: path, message: "the portal's CSV download is three files; "
                    + "\(label) (a file named like \(insert(marker, into: logsName))) is not beside it")
            }
            return directory.appendingPathComponent(match).path
        }
        let logs = directory.appendingPathComponent(logsName).path
        guard names.contains(logsName) else {
            throw ProvisioningLogImport.Failure(path: path, message: "the entries file \(logsName) is not beside it")
        }
        return Files(logs: logs, steps: try find(stepsMarker, "the steps file"),
                     properties: try find(propertiesMarker, "the modified-properties file"))
    }

    static func stripMarkers(_ name: String) -> String {
        var result = name
        for marker in [stepsMarker, propertiesMarker] {
            if let range = result.range(of: marker, options: .caseInsensitive) { result.removeSubrange(range) }
        }
        return result
    }

    static func insert(_ marker: String, into name: String) -> String {
        let stem = name.lowercased().hasSuffix(".csv") ? String(name.dropLast(4)) : name
        let spelled = marker == stepsMarker ? "_ProvisioningSteps" : "_ModifiedProperties"
        return stem + spelled + ".csv"
    }

    static func entries(logs: Table, steps: Table, properties: Table) throws(ProvisioningLogImport.Failure) -> [ProvisioningLog] {
        let stepsByChange = try steps.grouped { row -> JSONValue in
            ["name": .string(row.value(.stepName) ?? ""), "provisioningStepType": .string(row.value(.stepType) ?? ""),
             "status": .string(row.value(.status) ?? ""), "description": .string(row.value(.description) ?? "")]
        }
        let propertiesByChange = try properties.grouped { row -> JSONValue in
            ["displayName": .string(row.value(.propertyName) ?? ""), "oldValue": row.value(.oldValue).map(JSONValue.string) ?? .null,
             "newValue": row.value(.newValue).map(JSONValue.string) ?? .null]
        }
        let change = try logs.require(.changeId)
        return logs.rows.compactMap { row in
            let id = row.fields[safe: change] ?? ""
            return ProvisioningLog(object(Table.Row(table: logs, row: row), steps: stepsByChange[id] ?? [], properties: propertiesByChange[id] ?? []))
        }
    }

    static func object(_ r: Table.Row, steps: [JSONValue], properties: [JSONValue]) -> JSONValue {
        var error: JSONValue = [:]
        if r.value(.errorCode) != nil || r.value(.reason) != nil {
            error = ["errorCode": r.value(.errorCode).map(JSONValue.string) ?? .null, "reason": r.value(.reason).map(JSONValue.string) ?? .null,
                     "errorCategory": r.value(.errorCategory).map(JSONValue.string) ?? .null,
                     "recommendedAction": r.value(.recommendedAction).map(JSONValue.string) ?? .null]
        }
        let change = r.value(.changeId) ?? ""
        var status: JSONValue = ["status": .string(r.value(.status) ?? "")]
        if error != [:], case .object(var o) = status { o["errorInformation"] = error; status = .object(o) }
        return ["id": .string(r.value(.id) ?? change), "activityDateTime": .string(r.value(.date) ?? ""),
                "jobId": .string(r.value(.jobId) ?? ""), "cycleId": .string(r.value(.cycleId) ?? ""), "changeId": .string(change),
                "provisioningAction": .string(r.value(.action) ?? ""), "provisioningStatusInfo": status,
                "sourceIdentity": ["id": .string(r.value(.sourceId) ?? ""), "displayName": .string(r.value(.sourceName) ?? "")],
                "targetIdentity": ["id": .string(r.value(.targetId) ?? ""), "displayName": .string(r.value(.targetName) ?? "")],
                "provisioningSteps": .array(steps), "modifiedProperties": .array(properties)]
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
