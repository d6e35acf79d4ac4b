import Foundation
import SCIM

/// A provisioning-log download a customer sent to support, read back into entries: the portal's
/// JSON download or `scimterm logs --format json` (an array), a Graph page (`{"value": […]}`), or
/// the portal's three-file CSV download (see `PortalLogCSV`). docs/BUNDLES.md describes each.
public enum ProvisioningLogImport {
    /// Why a download could not be read, naming the file and, where known, the line and column.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var position: SourcePosition?

        public init(path: String, message: String, position: SourcePosition? = nil) {
            self.path = path
            self.message = message
            self.position = position
        }

        public var description: String {
            position.map { "\(path):\($0.line):\($0.column): \(message)" } ?? "\(path): \(message)"
        }
    }

    /// The entries of the download at `path`, in the file's order; a `.csv` name is read as the
    /// portal's CSV download (its two sibling files found beside it), anything else as JSON.
    public static func read(path: String) throws(Failure) -> [ProvisioningLog] {
        if path.lowercased().hasSuffix(".csv") { return try PortalLogCSV.read(path: path) }
        return try json(try bytes(path), path: path)
    }

    /// A JSON download: an array of `provisioningObjectSummary`, or a Graph page holding one.
    public static func json(_ bytes: [UInt8], path: String) throws(Failure) -> [ProvisioningLog] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw Failure(path: path, message: "not JSON: \(error.message)", position: error.position)
        }
        guard let items = value.arrayValue ?? value.objectValue?["value"]?.arrayValue else {
            throw Failure(path: path, message: "not a provisioning-log download (expected a JSON array of provisioningObjectSummary or {\"value\": […]})",
                          position: SourcePosition(line: 1, column: 1))
        }
        var entries: [ProvisioningLog] = []
        for (index, item) in items.enumerated() {
            guard let entry = ProvisioningLog(item) else {
                throw Failure(path: path, message: "element \(index) is not a provisioningObjectSummary (no \"id\")")
            }
            entries.append(entry)
        }
        return entries
    }

    static func bytes(_ path: String) throws(Failure) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(path: path, message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
