import Foundation
import Provisioning
import SCIM
import TerminalUI

/// Sending from the Users or Preview screen: choose what, confirm against the connection (tenant,
/// cloud, job and its state, counts, validation errors), follow the progress, cancel, resume.
extension AppState {
    /// Opens the confirmation, offering the scopes that make sense on this screen.
    mutating func openSendDialog(effects: inout [AppEffect]) {
        if send?.isRunning == true {
            message = StatusMessage("a send is running (Activity, 5, shows it; Esc there cancels)", .warning)
            return
        }
        guard !store.isEmpty else { message = StatusMessage("no users to send", .warning); return }
        if let missing = connect.missing {
            message = StatusMessage("connect first: \(missing)", .warning)
            switchTo(.connect)
            return
        }
        var scopes: [SendScope] = []
        if screen == .preview, let preview, preview.documents.count > 1 { scopes.append(.document(preview.index)) }
        if screen == .users, !users.marks.isEmpty { scopes.append(.marked) }
        let plan = SendPlanning(state: self)
        if plan.errorCount(for: .all) > 0, !plan.recordIDs(for: .withoutErrors).isEmpty { scopes.append(.withoutErrors) }
        scopes.append(.all)
        if asIsSource != nil { scopes.append(.asIs) }
        let blocking = scopes.contains { plan.errorCount(for: $0) > 0 }
        let buttons = scopes.map { plan.buttonTitle($0, anyway: plan.errorCount(for: $0) > 0) } + ["Cancel"]
        overlay = .dialog(DialogState(kind: .confirm, title: plan.dialogTitle, message: "",
                                      buttons: buttons, selectedButton: blocking ? buttons.count - 1 : 0), .send(scopes))
        startSendCheck(effects: &effects)
        refreshSendDialog()
    }

    /// The operator chose a scope in the confirmation.
    mutating func startSend(_ scope: SendScope, effects: inout [AppEffect]) {
        if scope == .asIs, let source = asIsSource {
            // The bytes come from the file itself, read off the loop and checked against the digest.
            message = StatusMessage("reading \(source.name)…")
            effects.append(.readAsIs(source))
            return
        }
        let build = SendBuild(SendPlanning(state: self), scope: scope)
        guard build.isLarge else { return startSend(build.documents(), title: build.title, effects: &effects) }
        message = StatusMessage("preparing \(build.title)…")
        effects.append(.buildSend(build))
    }

    /// A large send's documents, serialised off the loop: it starts now, unless another did meanwhile.
    mutating func sendBuilt(_ documents: [SendDocument], title: String, effects: inout [AppEffect]) {
        guard send?.isRunning != true else {
            message = StatusMessage("not sent: another send started while \(title) was being prepared", .warning)
            return
        }
        // Users deleted while it was prepared have no status to follow; the bytes still carry them.
        let live = documents.map { doc in
            SendDocument(bytes: doc.bytes, recordIDs: doc.recordIDs.filter { store.entry(id: $0) != nil }, externalIds: doc.externalIds)
        }
        startSend(live, title: title, effects: &effects)
    }

    /// The file's own documents were read back for an as-is send.
    mutating func asIsRead(_ result: Result<[SendDocument], AsIsSource.Changed>, effects: inout [AppEffect]) {
        switch result {
        case .failure(let changed): message = StatusMessage(changed.description, .error)
        case .success(let documents):
            // Users deleted since the load have no status to follow; the bytes still carry them.
            let live = documents.map { doc in
                SendDocument(bytes: doc.bytes, recordIDs: doc.recordIDs.filter { store.entry(id: $0) != nil }, externalIds: doc.externalIds)
            }
            startSend(live, title: SendPlanning(state: self).scopeTitle(.asIs), effects: &effects)
        }
    }

    private mutating func startSend(_ documents: [SendDocument], title: String, effects: inout [AppEffect]) {
        guard !documents.isEmpty else { message = StatusMessage("nothing to send", .warning); return }
        let progress = SendProgress(title: title, documents: documents, startedAt: clock)
        send = progress
        for document in documents { for id in document.recordIDs { sendStatus[id] = .queued } }
        effects.append(.send(connect.request, documents, journalPath: journalPath))
        effects.append(.tickAfter(milliseconds: 250))
        switchTo(.activity)
        message = StatusMessage("sending \(progress.title) in \(documents.count) request\(documents.count == 1 ? "" : "s")…")
    }

    mutating func cancelSend(effects: inout [AppEffect]) -> Bool {
        guard var progress = send, progress.isRunning else { return false }
        guard !progress.cancelling else { return true }
        progress.cancelling = true
        send = progress
        effects.append(.cancelSend)
        message = StatusMessage("cancelling: the request in flight finishes, nothing more is sent", .warning)
        return true
    }

    mutating func sendEvent(_ event: SendEvent, effects: inout [AppEffect]) {
        guard var progress = send else { return }
        progress.apply(event)
        switch event {
        case .sending(let document, _, _): setStatus(of: progress, document: document, to: .sending)
        case .accepted(let document, _): setStatus(of: progress, document: document, to: .accepted)
        case .failed(let document, let reason): setStatus(of: progress, document: document, to: .failed(reason))
        case .started, .waiting: break
        }
        send = progress
    }

    mutating func sendFinished(_ result: SendResult, effects: inout [AppEffect]) {
        guard var progress = send else { return }
        progress.finish(result)
        send = progress
        // Records of documents never sent (a cancel, a failure to start) lose their "queued".
        for (i, document) in progress.documents.enumerated() where progress.state(ofDocument: i) == .pending {
            for id in document.recordIDs where sendStatus[id] == .queued || sendStatus[id] == .sending { sendStatus[id] = nil }
        }
        var accepted: [String] = []
        for (i, document) in progress.documents.enumerated() {
            if case .accepted = progress.state(ofDocument: i) {
                accepted += document.externalIds
                for id in document.recordIDs { unsent.remove(id) }
            }
        }
        if let error = result.error {
            message = StatusMessage("send did not start: \(error)", .error)
        } else {
            let records = progress.acceptedRecords
            var text = "\(progress.acceptedDocuments) of \(progress.documents.count) requests accepted (\(records) user\(records == 1 ? "" : "s"))"
            if progress.failedDocuments > 0 { text += ", \(progress.failedDocuments) failed (Activity shows why)" }
            if result.cancelled { text = "cancelled: " + text + "; the rest can be resumed" }
            if let stopped = result.stopped {
                text = stopped + "; " + text + "; the journal keeps the rest"
                    + (result.resumeAfter.map { ", resume after \(TimeText.minute($0, timeZone: timeZone))" } ?? ", resume it once the cause is fixed")
            }
            let level: MessageLevel = progress.failedDocuments > 0 || result.cancelled || result.stopped != nil ? .warning : .success
            message = StatusMessage(text + (accepted.isEmpty ? "" : "; Logs (6) follows what Entra does with them"), level)
        }
        if !accepted.isEmpty { followUpload(sendId: result.sendId, batches: progress.acceptedBatches, effects: &effects) }
    }

    private mutating func setStatus(of progress: SendProgress, document: Int, to status: RecordSendStatus) {
        guard progress.documents.indices.contains(document) else { return }
        for id in progress.documents[document].recordIDs { sendStatus[id] = status }
    }

    /// At start: a send interrupted by a crash or an SSH drop is offered for resume.
    mutating func resumableFound(_ found: ResumableSend?) {
        guard let found, overlay == nil, send?.isRunning != true else { return }
        let remaining = found.documents.count - found.acceptedDocuments
        let when = TimeText.minute(found.created, timeZone: timeZone)
        if let superseded = found.superseded {
            overlay = .dialog(Self.supersededOffer(found, superseded, zone: timeZone), .resume(found))
            return
        }
        if found.purgedByRestart {
            overlay = .dialog(DialogState(
                kind: .confirm, title: "Send again what the restart discarded?",
                message: "The job restart of \(when) purged \(found.documents.count - found.acceptedDocuments) accepted request(s) (\(found.remainingRecords) users) that Entra had not processed yet. Resend sends them exactly as they were journaled, oldest first.",
                buttons: ["Resend", "Not now", "Forget it"], selectedButton: 0), .resume(found))
            return
        }
        overlay = .dialog(DialogState(
            kind: .confirm, title: "Resume the interrupted send?",
            message: "A send started \(when) stopped before it was through: \(found.acceptedDocuments) of \(found.documents.count) requests were accepted, \(remaining) (\(found.remainingRecords) users) were not. Resume sends only those, exactly as they were journaled.",
            buttons: ["Resume", "Not now", "Forget it"], selectedButton: 0), .resume(found))
    }

    mutating func resumeAnswered(_ found: ResumableSend, button: Int, effects: inout [AppEffect]) {
        guard let journalPath else { return }
        switch button {
        case 0:
            if let missing = connect.missing {
                message = StatusMessage("connect first to resume: \(missing)", .warning)
                return
            }
            let byExternalId = Dictionary(store.entries.compactMap { e in e.record.externalId.map { ($0, e.id) } }, uniquingKeysWith: { a, _ in a })
            let documents = found.documents.map { ids in
                SendDocument(bytes: [], recordIDs: ids.compactMap { byExternalId[$0] }, externalIds: ids)
            }
            send = SendProgress(title: "the rest of the interrupted send", documents: documents, startedAt: clock, accepted: found.accepted)
            effects.append(.resumeSend(connect.request, sendId: found.sendId, journalPath: journalPath))
            effects.append(.tickAfter(milliseconds: 250))
            switchTo(.activity)
        case 2:
            effects.append(.forgetSend(sendId: found.sendId, journalPath: journalPath))
            message = StatusMessage("the interrupted send is forgotten")
        default:
            message = StatusMessage("the interrupted send stays in the journal for next time")
        }
    }
}
