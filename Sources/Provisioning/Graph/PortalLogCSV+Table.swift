import Foundation
import SCIM

extension PortalLogCSV {
    /// A column of the download, under every name it is known by (already normalised: lower case,
    /// no spaces, dots, underscores or hyphens). The first names are the portal's, the later ones
    /// Graph's property paths, which scripts that flatten the JSON write.
    enum Column: CaseIterable {
        case id, changeId, date, jobId, cycleId, action, status, sourceId, sourceName, targetId, targetName
        case errorCode, reason, errorCategory, recommendedAction
        case stepName, stepType, description, propertyName, oldValue, newValue

        var names: [String] {
            switch self {
            case .id: return ["id", "activityid"]
            case .changeId: return ["changeid"]
            case .date: return ["date", "dateutc", "activitydatetime", "datetime"]
            case .jobId: return ["jobid"]
            case .cycleId: return ["cycleid"]
            case .action: return ["action", "provisioningaction"]
            case .status: return ["status", "stepstatus", "provisioningstatusinfostatus"]
            case .sourceId: return ["sourceid", "sourceidentityid", "sourceidentity"]
            case .sourceName: return ["sourcedisplayname", "sourcename", "sourceidentitydisplayname"]
            case .targetId: return ["targetid", "targetidentityid", "targetidentity"]
            case .targetName: return ["targetdisplayname", "targetname", "targetidentitydisplayname"]
            case .errorCode: return ["errorcode", "statuserrorcode"]
            case .reason: return ["statusreason", "reason", "failurereason", "errorreason"]
            case .errorCategory: return ["errorcategory"]
            case .recommendedAction: return ["recommendedaction"]
            case .stepName: return ["stepname", "name"]
            case .stepType: return ["steptype", "provisioningsteptype", "type"]
            case .description: return ["description", "stepdescription", "details"]
            case .propertyName: return ["propertyname", "displayname", "name", "property", "attribute"]
            case .oldValue: return ["oldvalue"]
            case .newValue: return ["newvalue"]
            }
        }

        var label: String { names[0] }
    }

    static func normalise(_ header: String) -> String {
        String(header.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// One of the three files, its columns located by name.
    struct Table {
        var path: String
        var rows: [CSVRow]
        var index: [Column: Int]

        init(path: String, bytes: [UInt8]) throws(ProvisioningLogImport.Failure) {
            let table: CSVTable
            do {
                table = try CSVReader().read(bytes)
            } catch {
                throw ProvisioningLogImport.Failure(path: path, message: error.message, position: error.position)
            }
            let headers = table.header.map(PortalLogCSV.normalise)
            var index: [Column: Int] = [:]
            for column in Column.allCases {
                if let at = column.names.lazy.compactMap({ headers.firstIndex(of: $0) }).first { index[column] = at }
            }
            self.path = path
            self.rows = table.rows
            self.index = index
        }

        func require(_ column: Column) throws(ProvisioningLogImport.Failure) -> Int {
            guard let at = index[column] else {
                throw ProvisioningLogImport.Failure(path: path, message: "no \"\(column.label)\" column (the change id that joins the three files)",
                                                    position: SourcePosition(line: 1, column: 1))
            }
            return at
        }

        /// Each row made into a value by `make`, grouped under its change id in file order.
        func grouped(_ make: (Row) -> JSONValue) throws(ProvisioningLogImport.Failure) -> [String: [JSONValue]] {
            let change = try require(.changeId)
            var groups: [String: [JSONValue]] = [:]
            for row in rows {
                groups[row.fields[safe: change] ?? "", default: []].append(make(Row(table: self, row: row)))
            }
            return groups
        }

        struct Row {
            var table: Table
            var row: CSVRow

            /// The field under `column`, nil when the file has no such column or the field is empty.
            func value(_ column: Column) -> String? {
                guard let at = table.index[column], let text = row.fields[safe: at], !text.isEmpty else { return nil }
                return text
            }
        }
    }
}
