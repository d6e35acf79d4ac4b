import Foundation
import Provisioning
import SCIM

/// Recognises a provisioning-log download among the files the TUI opens (the command line's FILE,
/// ctrl-o) by its content, not its name: a customer's bundle arrives renamed, and a payload and a
/// log download are both `.json`. A download is read into log entries; anything else is left to
/// the payload and CSV reader.
enum LogDownloadFile {
    enum Kind: Equatable {
        /// An array of `provisioningObjectSummary` (the portal's JSON download, `logs --format json`)
        /// or a Graph page holding one.
        case json
        /// Any one of the portal's three CSV files.
        case portalCSV
    }

    /// The download at `path` read for the Logs screen, or nil when the file is not one (or cannot
    /// be read: the payload reader then says why).
    static func load(_ path: String) -> LoadedFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard let kind = kind(of: bytes) else { return nil }
        do {
            let entries = try read(kind, bytes: bytes, path: path)
            var file = LoadedFile(records: [], summary: summary(entries.count, kind))
            file.logs = entries
            return file
        } catch {
            return LoadedFile(records: [], summary: "", error: error.description)
        }
    }

    static func read(_ kind: Kind, bytes: [UInt8], path: String) throws(ProvisioningLogImport.Failure) -> [ProvisioningLog] {
        switch kind {
        case .json: return try ProvisioningLogImport.json(bytes, path: path)
        case .portalCSV: return try PortalLogCSV.read(path: path)
        }
    }

    static func summary(_ count: Int, _ kind: Kind) -> String {
        let what = kind == .json ? "provisioning-log download (JSON)" : "portal's provisioning-log CSV download"
        return "\(LogsText.count(count, "log entry", plural: "log entries")) from the \(what)"
    }

    /// What the bytes hold, judged by their first value or header line.
    static func kind(of bytes: [UInt8]) -> Kind? {
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let first = text.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return isLogJSON(text) ? .json : nil }
        return isPortalCSV(text) ? .portalCSV : nil
    }

    /// A log entry has its time and what Entra did (v1.0 `provisioningAction` /
    /// `provisioningStatusInfo`, beta `action` / `statusInfo`); a SCIM user or BulkRequest has neither.
    static func isLogJSON(_ bytes: [UInt8]) -> Bool {
        guard let value = try? JSONParser.parse(bytes),
            let items = value.arrayValue ?? value.objectValue?["value"]?.arrayValue,
            let entry = items.first?.objectValue
        else { return false }
        guard entry["activityDateTime"] != nil else { return false }
        return ["provisioningAction", "provisioningStatusInfo", "action", "statusInfo", "provisioningSteps"].contains { entry[$0] != nil }
    }

    /// The portal's files all carry a change id (what joins them) beside an entry's, a step's or a
    /// property's own columns; an HR export has no change id. Headers are compared as PortalLogCSV
    /// compares them: lower case, letters and digits only.
    static func isPortalCSV(_ bytes: [UInt8]) -> Bool {
        guard let header = try? CSVReader().rows(bytes).header else { return false }
        let names = Set(header.map(normalised))
        guard names.contains("changeid") else { return false }
        let own: Set<String> = ["sourceid", "sourceidentityid", "action", "provisioningaction", "status",
                                "stepname", "steptype", "propertyname", "oldvalue", "newvalue"]
        return !names.isDisjoint(with: own)
    }

    static func normalised(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
