import Foundation
import SCIM

/// Actions coming back from effects, collected for the UI loop to take between keys.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [AppAction] = []
    private var running = 0

    func post(_ action: AppAction) {
        lock.lock()
        items.append(action)
        lock.unlock()
    }

    func drain() -> [AppAction] {
        lock.lock()
        defer { lock.unlock() }
        let out = items
        items.removeAll()
        return out
    }

    func begin() { lock.lock(); running += 1; lock.unlock() }

    /// Posts the result and counts the effect as done, in one step, so "idle" is never seen between.
    func finish(_ action: AppAction?) {
        lock.lock()
        if let action { items.append(action) }
        running -= 1
        lock.unlock()
    }

    /// No effect running and nothing waiting: what tests wait for instead of sleeping.
    var isIdle: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running == 0 && items.isEmpty
    }
}

/// Saves run one at a time and never let an older workspace overwrite a newer one.
actor WorkspaceWriter {
    private var written = -1

    func save(_ workspace: Workspace, generation: Int, path: String) -> String? {
        guard generation > written else { return nil }
        let bytes = workspace.encoded()
        EmergencySave.update(bytes)
        do {
            try SafeFile.writeAtomically(bytes, to: path)
            written = generation
            return nil
        } catch {
            return error.description
        }
    }
}

/// Runs effects off the UI loop (Swift concurrency) and posts their results as actions.
final class EffectRunner: Sendable {
    let inbox: ActionInbox
    let services: AppServices
    private let writer = WorkspaceWriter()

    init(inbox: ActionInbox, services: AppServices) {
        self.inbox = inbox
        self.services = services
    }

    func run(_ effect: AppEffect) {
        switch effect {
        case .testConnection(let request, let generation):
            spawn { [services] in .connectionTested(generation: generation, await services.testConnection(request)) }
        case .validate(let generation, let entries):
            spawn { .validated(generation: generation, Self.diagnostics(entries)) }
        case .settleAfter(let milliseconds, let generation):
            spawn {
                try? await Task.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
                return .settled(generation: generation)
            }
        case .saveWorkspace(let generation, let workspace, let path):
            spawn { [writer] in
                let error = await writer.save(workspace, generation: generation, path: path)
                return .workspaceSaved(generation: generation, error: error)
            }
        case .writeFile(let path, let bytes):
            spawn {
                do { try SafeFile.writeAtomically(bytes, to: path) } catch { return .fileWritten(path: path, error: String(describing: error)) }
                return .fileWritten(path: path, error: nil)
            }
        case .loadFile(let path, let mapping):
            spawn { [services] in .fileLoaded(path: path, await services.loadFile(path, mapping)) }
        case .saveProfiles(let profiles, let path):
            spawn {
                do { try ProfileFile.save(profiles, path: path) } catch { return .profilesSaved(path: path, error: "\(error)") }
                return .profilesSaved(path: path, error: nil)
            }
        case .tickAfter(let milliseconds):
            spawn {
                try? await Task.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
                return .tick
            }
        }
    }

    private func spawn(_ work: @escaping @Sendable () async -> AppAction) {
        inbox.begin()
        Task.detached { [inbox] in inbox.finish(await work()) }
    }

    /// The whole set's diagnostics, keyed by record id.
    static func diagnostics(_ entries: [RecordEntry]) -> [Int: [Diagnostic]] {
        let found = Validator().recordDiagnostics(entries.map(\.record))
        var byID: [Int: [Diagnostic]] = [:]
        for d in found {
            guard let index = d.record, index < entries.count else { continue }
            byID[entries[index].id, default: []].append(d)
        }
        return byID
    }
}
