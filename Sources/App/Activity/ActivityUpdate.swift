import Foundation
import Provisioning
import TerminalUI

extension AppState {
    var activityLayout: ActivityLayout { ActivityLayout(size: size, showsProgress: send != nil) }

    mutating func recordExchange(_ exchange: HTTPExchange) {
        activity.append(exchange, viewport: activityLayout.listRows)
    }

    /// Keys on the Activity screen: the search field while it is open takes the text.
    mutating func activityKey(_ key: Key, effects: inout [AppEffect]) -> Bool {
        guard let field = activity.searchField else { return false }
        switch key {
        case .enter:
            activity.searchField = nil
            message = activity.isSearching ? StatusMessage("searching every exchange for \"\(activity.query)\"…")
                : StatusMessage(activity.rows.isEmpty ? "no exchange contains \"\(activity.query)\"" : "\(activity.rows.count) exchanges contain \"\(activity.query)\"")
        case .escape:
            activity.searchField = nil
            activity.search("", viewport: activityLayout.listRows)
        default:
            guard let edited = field.handling(key) else { return true }
            activity.searchField = edited
            activity.search(edited.text, viewport: activityLayout.listRows)
        }
        return true
    }

    mutating func activityCommand(_ command: ActivityCommand, effects: inout [AppEffect]) {
        let layout = activityLayout
        switch command {
        case .move(let move):
            _ = activity.focusOnDetail ? activity.scrollDetail(move.keyAction, viewport: layout.detailRows)
                                       : activity.move(move.keyAction, viewport: layout.listRows)
        case .toggleDetail:
            activity.focusOnDetail.toggle()
        case .search:
            activity.searchField = TextFieldState(activity.query)
        case .cancelSend:
            if cancelSend(effects: &effects) { return }
            if activity.focusOnDetail {
                activity.focusOnDetail = false
            } else if !activity.query.isEmpty {
                activity.search("", viewport: layout.listRows)
            }
        case .copyCurl:
            guard let exchange = activity.selected else { message = StatusMessage("no exchange selected"); return }
            let path = exportPath("curl-\(exchange.id).sh")
            effects.append(.copyToClipboard(CurlExport.command(exchange.request), what: "curl command for #\(exchange.id)", fallbackPath: path))
        case .copyPowerShell:
            guard let exchange = activity.selected else { message = StatusMessage("no exchange selected"); return }
            let path = exportPath("powershell-\(exchange.id).ps1")
            effects.append(.copyToClipboard(PowerShellExport.command(exchange.request),
                                            what: "PowerShell commands for #\(exchange.id)", fallbackPath: path))
        case .saveExchange:
            guard let exchange = activity.selected else { message = StatusMessage("no exchange selected"); return }
            overlay = .dialog(DialogState(kind: .prompt(masked: false), title: "Save exchange #\(exchange.id)",
                                          message: "Write the request and response (secrets removed) to:",
                                          input: exportPath("exchange-\(exchange.id).txt")), .saveExchange(exchange.id))
        case .exportHAR:
            guard activity.total > 0 else { message = StatusMessage("nothing recorded yet"); return }
            overlay = .dialog(DialogState(kind: .prompt(masked: false), title: "Export HAR",
                                          message: "Write all \(activity.total) exchanges as HAR 1.2 (tokens and secrets are not in it) to:",
                                          input: exportPath("scimterm-\(stamp()).har")), .exportHAR)
        }
    }

    /// The answers of the export dialogs.
    mutating func exportAnswered(_ purpose: DialogPurpose, path: String, effects: inout [AppEffect]) {
        switch purpose {
        case .exportHAR:
            // A session that fits in memory is written from it; a larger one streams from the store.
            effects.append(activity.isComplete ? .writeFile(path: path, bytes: HARExport.bytes(activity.exchanges))
                                               : .activity(.exportHAR(path: path)))
        case .saveExchange(let id):
            guard let exchange = activity.loaded[id] else { return }
            effects.append(.writeFile(path: path, bytes: Array((ExchangeText.detail(exchange, zone: timeZone) + "\n").utf8)))
        default:
            break
        }
    }

    private func exportPath(_ name: String) -> String {
        (exportDirectory ?? FileManager.default.temporaryDirectory.path) + "/" + name
    }

    /// The clock is the key's own time: every key arrives after `.clockAdvanced`.
    private func stamp() -> String { TimeText.fileStamp(clock, timeZone: timeZone) }
}
