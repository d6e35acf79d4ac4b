import Foundation
import Provisioning

extension EffectRunner {
    /// Pages, searches and HAR exports of the Activity pane, read from the session's store off the
    /// UI loop. A session whose store could not be opened answers from the recorder, which then
    /// keeps every exchange.
    func runActivity(_ request: ActivityRequest) {
        let recorder = services.session.recorder
        let store = recorder.store
        switch request {
        case .page(let ids):
            spawn {
                if let store { return .activity(.pageLoaded((try? store.exchanges(ids: ids)) ?? [])) }
                let wanted = Set(ids)
                return .activity(.pageLoaded(await recorder.all().filter { wanted.contains($0.id) }))
            }
        case .search(let query):
            spawn {
                if let store, let found = try? store.search(query) { return .activity(.searched(query: query, ids: found.ids, upTo: found.upTo)) }
                let all = await recorder.all()
                return .activity(.searched(query: query, ids: all.filter { ExchangeSearchText.matches($0, query) }.map(\.id),
                                           upTo: all.last?.id ?? 0))
            }
        case .exportHAR(let path):
            spawn {
                do {
                    if let store { _ = try store.exportHAR(to: path) } else { try PrivateFile.write(HARExport.bytes(await recorder.all()), to: path) }
                    return .fileWritten(path: path, error: nil)
                } catch {
                    return .fileWritten(path: path, error: String(describing: error))
                }
            }
        }
    }
}
