import Foundation
import SCIM
import TerminalUI

/// Actions coming back from effects, collected for the UI loop to take between keys. Every post
/// pokes a pipe the loop sleeps on, so results wake it at once instead of at the next poll.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [AppAction] = []
    private var running = 0
    private let wake = WakePipe()

    /// Readable when actions are waiting; nil if no pipe could be made (the loop then polls).
    var wakeDescriptor: Int32? { wake?.readDescriptor }

    func post(_ action: AppAction) {
        lock.lock()
        items.append(action)
        lock.unlock()
        wake?.notify()
    }

    func drain() -> [AppAction] {
        // Emptied before the items are taken: a post racing with this leaves a byte for the next wait.
        wake?.drain()
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
        wake?.notify()
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
    private let journal: WorkspaceJournal

    init(journal: WorkspaceJournal) { self.journal = journal }

    func save(_ workspace: Workspace, generation: Int, path: String) -> String? {
        guard generation > written else { return nil }
        let bytes = workspace.encoded()
        EmergencySave.update(bytes)
        do {
            try SafeFile.writeAtomically(bytes, to: path)
            written = generation
            journal.saved(base: bytes, generation: generation)
            return nil
        } catch {
            return error.description
        }
    }
}

/// The running send's task, for cancelling it from the UI loop.
final class RunningSend: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func set(_ task: Task<Void, Never>) {
        lock.lock()
        self.task = task
        lock.unlock()
    }

    func cancel() {
        lock.lock()
        task?.cancel()
        lock.unlock()
    }
}

/// Runs effects off the UI loop (Swift concurrency) and posts their results as actions.
final class EffectRunner: Sendable {
    let inbox: ActionInbox
    let services: AppServices
    /// Edits since the last save, written as they happen; inactive until `TUIApp` starts it.
    let journal = WorkspaceJournal()
    private let writer: WorkspaceWriter

    private let sending = RunningSend()

    init(inbox: ActionInbox, services: AppServices) {
        self.inbox = inbox
        self.services = services
        self.writer = WorkspaceWriter(journal: journal)
        forwardRecordedExchanges()
    }

    /// The clipboard half of a copy happened on the terminal; this writes the fallback file.
    func writeCopy(_ text: String, what: String, path: String, clipboard: Bool) {
        spawn {
            do { try SafeFile.writeAtomically(Array(text.utf8), to: path) } catch {
                return .copied(what: what, clipboard: clipboard, path: path, error: String(describing: error))
            }
            return .copied(what: what, clipboard: clipboard, path: path, error: nil)
        }
    }

    func run(_ effect: AppEffect) {
        switch effect {
        case .testConnection(let request, let generation):
            spawn { [services] in .connectionTested(generation: generation, await services.testConnection(request)) }
        case .validate(let generation, let entries, let mapping):
            spawn { Self.validated(generation: generation, entries, mapping: mapping) }
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
        case .buildSend(let build):
            spawn { .sendBuilt(title: build.title, build.documents()) }
        case .activity(let request):
            runActivity(request)
        case .send(let request, let documents, let journalPath):
            startSend { [services, inbox] in
                await services.session.send(request, documents, journalPath: journalPath) { inbox.post(.sendEvent($0)) }
            }
        case .resumeSend(let request, let sendId, let journalPath):
            startSend { [services, inbox] in
                await services.session.resume(request, sendId: sendId, journalPath: journalPath) { inbox.post(.sendEvent($0)) }
            }
        case .cancelSend:
            sending.cancel()
        case .forgetSend(let sendId, let journalPath):
            spawn {
                ProvisioningSession.forget(sendId: sendId, journalPath: journalPath)
                return .resumableSendFound(nil)
            }
        case .findResumableSend(let endpoint, let journalPath):
            spawn { .resumableSendFound(ProvisioningSession.findResumable(endpoint: endpoint, journalPath: journalPath)) }
        case .fetchLogs(let request, let query, let generation):
            spawn { [services] in .logsFetched(generation: generation, await services.session.logs(request, query: query).arrived(Date())) }
        case .pollLogsAfter(let seconds, let generation):
            spawn {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                return .logsPollDue(generation: generation)
            }
        case .pullSchema(let request):
            guard let pull = services.pullSchema else { return }
            spawn { .schemaPulled(await pull(request), at: Date()) }
        case .checkWithEntra(let request, let items, let generation):
            spawn { [services] in
                .entraChecked(generation: generation, items: items, await services.session.checkExpressions(request, items), at: Date())
            }
        case .extendSchema(let request, let plan, let journalPath):
            spawn { [services] in .schemaExtended(await services.session.extendSchema(request, plan, journalPath: journalPath), at: Date()) }
        case .observeJob(let request):
            spawn { [services] in
                let result = await services.session.job(request)
                return .jobObserved(result, at: Date())
            }
        case .readRestartImpact(let request, let journalPath):
            spawn { [services] in .restartImpactRead(await services.session.restartImpact(request, journalPath: journalPath)) }
        case .purgeAfterRestart(let request, let impact, let journalPath):
            spawn { [services] in .resumableSendFound(await services.session.purge(request, impact, journalPath: journalPath)) }
        case .readQuotaCalls(let tenant, let journalPath):
            spawn { .quotaCallsRead(tenant: tenant, ProvisioningSession.quotaCalls(tenant: tenant, journalPath: journalPath), at: Date()) }
        case .readReconciledSend(let sendId, let endpoint, let journalPath):
            spawn { .reconciledSendRead(LogsSummary.readSend(sendId, endpoint: endpoint, journalPath: journalPath), at: Date()) }
        case .assessSendImpact(let records, let endpoint, let journalPath):
            spawn { .sendImpactAssessed(ProvisioningSession.sendImpact(records, endpoint: endpoint, journalPath: journalPath)) }
        case .jobAction(let request, let action):
            spawn { [services] in .jobActionFinished(action, error: await services.session.jobAction(request, action)) }
        case .readAsIs(let source):
            spawn {
                do { return .asIsRead(.success(try source.documents(from: InputFile.read(path: source.path)))) } catch let changed as AsIsSource.Changed {
                    return .asIsRead(.failure(changed))
                } catch {
                    return .asIsRead(.failure(AsIsSource.Changed(path: source.path)))
                }
            }
        case .copyToClipboard(let text, let what, let path):
            // Normally taken by the loop, which owns the terminal; without one only the file is written.
            writeCopy(text, what: what, path: path, clipboard: false)
        case .tickAfter(let milliseconds):
            spawn {
                try? await Task.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
                return .tick(Date())
            }
        }
    }

    /// One send at a time; its task is kept so Esc can cancel it.
    private func startSend(_ work: @escaping @Sendable () async -> SendResult) {
        inbox.begin()
        let task = Task.detached { [inbox] in inbox.finish(.sendFinished(await work())) }
        sending.set(task)
    }

    func spawn(_ work: @escaping @Sendable () async -> AppAction) {
        inbox.begin()
        Task.detached { [inbox] in inbox.finish(await work()) }
    }

    /// The whole set's diagnostics and, with a mapping, its findings added to each user's.
    static func validated(generation: Int, _ entries: [RecordEntry], mapping: MappingCheck?) -> AppAction {
        var byID = diagnostics(entries)
        guard let mapping else { return .validated(generation: generation, byID) }
        let checked = mapping.check(entries)
        for (id, found) in checked.byID { byID[id, default: []] += found }
        return .validated(generation: generation, byID, mapping: MappingValidation(origin: mapping.origin, fileNotes: checked.fileNotes))
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
