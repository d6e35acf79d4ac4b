import Foundation
import Provisioning

extension EffectRunner {
    /// The recorder's summaries reach the Activity pane through its feed: the loop is woken once
    /// when some wait, and takes them all when it settles (`.takeRecorded`), so however fast a
    /// send records, what waits for the loop is bounded and holds no payload.
    func forwardRecordedExchanges() {
        services.session.recorder.feed.onReady { [inbox] in inbox.post(.activity(.recordedWaiting)) }
    }

    /// Pages, searches, details and exports of the Activity pane, read from the session's store off
    /// the UI loop. A session whose store could not be opened answers from the recorder, which then
    /// keeps every exchange.
    func runActivity(_ request: ActivityRequest) {
        let recorder = services.session.recorder
        let store = recorder.store
        switch request {
        case .takeRecorded:
            spawn { .activity(.recorded(recorder.feed.take())) }
        case .page(let ids):
            spawn {
                if let store { return .activity(.pageLoaded((try? store.summaries(ids: ids)) ?? [])) }
                let wanted = Set(ids)
                return .activity(.pageLoaded(await recorder.all().filter { wanted.contains($0.id) }.map(ExchangeSummary.init)))
            }
        case .detail(let id, let zone):
            spawn { .activity(.detailRead(id: id, await Self.exchange(id, store: store, recorder: recorder).map { ExchangeDetail($0, zone: zone) })) }
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
        case .saveExchange(let id, let path, let zone):
            spawn {
                guard let exchange = await Self.exchange(id, store: store, recorder: recorder) else {
                    return .fileWritten(path: path, error: "exchange #\(id) is not in the activity store")
                }
                do { try SafeFile.writeAtomically(Array((ExchangeText.detail(exchange, zone: zone) + "\n").utf8), to: path) } catch {
                    return .fileWritten(path: path, error: String(describing: error))
                }
                return .fileWritten(path: path, error: nil)
            }
        }
    }

    private static func exchange(_ id: Int, store: ExchangeStore?, recorder: ExchangeRecorder) async -> HTTPExchange? {
        if let store { return (try? store.exchanges(ids: [id]))?.first }
        return await recorder.all().first { $0.id == id }
    }
}
