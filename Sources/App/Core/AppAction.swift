import Foundation
import Mapping
import Provisioning
import SCIM
import TerminalUI

/// Everything that can happen to the app: keys from the terminal and results of effects coming
/// back. `TUI.update` is the only thing that reacts to them.
public enum AppAction: Sendable {
    /// The loop started: first effects (a sandbox connection test, the first validation).
    case started
    case key(Key)
    case resized(Size)
    /// A timer tick while something animates (the connection test spinner, a send's countdowns).
    case tick(Date)
    /// The runner's time, sent before every key: what a key does is stamped with it (a send's
    /// start, an export's file name) rather than with a clock read inside an update.
    case clockAdvanced(Date)
    /// A typed command, as a key binding or the palette runs it (without its disabled check).
    case command(AppCommand)
    case connectionTested(generation: Int, ConnectionOutcome)
    /// `mapping`: which mapping the job's-mapping findings came from and the file's notes (nil: none checked).
    case validated(generation: Int, [Int: [Diagnostic]], mapping: MappingValidation? = nil)
    /// Edits stopped for a moment: time to validate the whole set and autosave.
    case settled(generation: Int)
    case workspaceSaved(generation: Int, error: String?)
    case fileWritten(path: String, error: String?)
    case fileLoaded(path: String, LoadedFile)
    case profilesSaved(path: String, error: String?)
    /// Progress of the running send, then its end.
    case sendEvent(SendEvent)
    case sendFinished(SendResult)
    /// A send left unfinished by a crash or an SSH drop, found in the journal at start (nil: none).
    case resumableSendFound(ResumableSend?)
    /// Every request and response of the session, as it happens (already redacted).
    case exchangeRecorded(HTTPExchange)
    case logsFetched(generation: Int, LogsFetchResult)
    /// Time to read the provisioning logs again (polling after a send).
    case logsPollDue(generation: Int)
    /// The job's state as Entra answered (Logs' panel, the send confirmation), with when it was read.
    case jobObserved(JobFetchResult, at: Date)
    /// What a job restart would discard, read from the journal and the provisioning logs.
    case restartImpactRead(RestartImpact)
    /// This machine's bulkUpload calls to the tenant in the last 24 hours (for the daily quota), or why not.
    case quotaCallsRead(tenant: String, Result<[Date], QuotaReadError>, at: Date)
    /// What the send would disable, rename or re-manage, against the journal (`.assessSendImpact`).
    case sendImpactAssessed(Result<SendImpact, QuotaReadError>)
    case jobActionFinished(JobAction, error: String?)
    /// The copy reached the terminal's clipboard (OSC 52) and, as a fallback, this file.
    case copied(what: String, clipboard: Bool, path: String, error: String?)
    /// The opened file's documents, read back for an as-is send (or why they cannot be).
    case asIsRead(Result<[SendDocument], AsIsSource.Changed>)
    /// A large send's BulkRequests, serialised off the loop (`.buildSend`).
    case sendBuilt(title: String, [SendDocument])
    /// The activity store's answer: a page of exchanges scrolled into the window, or a search.
    case activity(ActivityResult)
    /// The send the Logs summary reconciles, read from the journal (nil: none to this endpoint), with when.
    case reconciledSendRead(Result<SendJournal.StoredSend?, QuotaReadError>, at: Date)
    /// The job's schema read on connect (`.pullSchema`), or why not, with when it was read.
    case schemaPulled(SchemaPull, at: Date)
    /// Entra's parseExpression answers to a "check with Entra" (`.checkWithEntra`), item by item, with when.
    case entraChecked(generation: Int, items: [ExpressionCheck.Item], [ExpressionCheck.Reply], at: Date)
    /// How `.extendSchema` ended: written and read back, changed meanwhile, or why not, with when.
    case schemaExtended(SchemaExtendOutcome, at: Date)
}

/// Work `update` asks for; the runner does it off the UI loop and answers with an action.
public enum AppEffect: Sendable, Equatable {
    case testConnection(ConnectionRequest, generation: Int)
    /// `mapping`: also check every user against the job's mapping (nil: Microsoft's stand-in, no findings).
    case validate(generation: Int, [RecordEntry], mapping: MappingCheck? = nil)
    /// Answer `.settled(generation)` after a quiet moment (debounce).
    case settleAfter(milliseconds: Int, generation: Int)
    case saveWorkspace(generation: Int, Workspace, path: String)
    case writeFile(path: String, bytes: [UInt8])
    /// Read a payload or CSV (with a mapping file for the CSV's columns, when given).
    case loadFile(path: String, mapping: String? = nil)
    /// Keep ticking while something animates.
    case tickAfter(milliseconds: Int)
    /// Rewrite config.toml's profiles (never a secret), answering `.profilesSaved`.
    case saveProfiles([ConnectionDraft], path: String)
    /// Upload documents to bulkUpload (paced, retried, journaled), answering `.sendEvent`s then
    /// `.sendFinished`.
    case send(ConnectionRequest, [SendDocument], journalPath: String?)
    /// Send again what a journaled send had not got accepted.
    case resumeSend(ConnectionRequest, sendId: String, journalPath: String)
    /// Stop after the request in flight.
    case cancelSend
    /// Look in the journal for an unfinished send to this endpoint.
    case findResumableSend(endpoint: String?, journalPath: String)
    /// Mark a journaled send finished, so it is not offered for resume again.
    case forgetSend(sendId: String, journalPath: String)
    case fetchLogs(ConnectionRequest, LogQuery, generation: Int)
    /// Answer `.logsPollDue(generation)` after a while.
    case pollLogsAfter(seconds: Double, generation: Int)
    /// Read the job's state afresh, answering `.jobObserved` with the time of the answer.
    case observeJob(ConnectionRequest)
    /// Read which accepted uploads a restart would discard, answering `.restartImpactRead`.
    case readRestartImpact(ConnectionRequest, journalPath: String)
    /// Journal what a restart discarded as purged, into a new send offered for resume (`.resumableSendFound`).
    case purgeAfterRestart(ConnectionRequest, RestartImpact, journalPath: String)
    /// Count this machine's calls to the tenant in the last 24 hours, answering `.quotaCallsRead`.
    case readQuotaCalls(tenant: String, journalPath: String)
    /// Compares `records` with each externalId's last accepted send to `endpoint` (nil: any) in the journal.
    case assessSendImpact(records: [UserRecord], endpoint: String?, journalPath: String)
    case jobAction(ConnectionRequest, JobAction)
    /// Put text on the system clipboard through the terminal (OSC 52) and write it to `fallbackPath`.
    case copyToClipboard(String, what: String, fallbackPath: String)
    /// Read the opened file again and cut its documents as-is, answering `.asIsRead`.
    case readAsIs(AsIsSource)
    /// Serialise a large send's BulkRequests, answering `.sendBuilt`.
    case buildSend(SendBuild)
    /// Page in, search or export the Activity pane's exchanges from the store, answering `.activity`.
    case activity(ActivityRequest)
    /// Read a journaled send without its payloads for the Logs summary: `sendId`'s, or the newest to
    /// `endpoint` (nil: any), answering `.reconciledSendRead`.
    case readReconciledSend(sendId: String?, endpoint: String?, journalPath: String)
    /// Read the job's schema (its attribute mapping), answering `.schemaPulled` with the time of the answer.
    case pullSchema(ConnectionRequest)
    /// Ask Entra's parseExpression each item's question, one after another, answering `.entraChecked`.
    case checkWithEntra(ConnectionRequest, [ExpressionCheck.Item], generation: Int)
    /// Pull the job's schema afresh, re-diff, PUT it only when the diff is the one confirmed, mark the
    /// uploads the restart purges, and pull it again, answering `.schemaExtended`.
    case extendSchema(ConnectionRequest, SchemaExtendPlan, journalPath: String?)
}

/// Why the journal's call count could not be read.
public struct QuotaReadError: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// A file read for the workspace: its users and a summary of what was read and rejected.
public struct LoadedFile: Sendable, Equatable {
    public var records: [UserRecord]
    public var summary: String
    public var error: String?
    /// What was read and rejected; shown as a dialog when something was.
    public var report: ImportReport?
    /// The file's own findings and where each user sits in the file, for the Problems list.
    public var findings = ImportFindings()
    /// A provisioning-log download's entries, for the Logs screen (the workspace's users stay).
    public var logs: [ProvisioningLog]?
    /// The file's own documents, when it can be sent as-is.
    public var asIs: AsIsSource?

    public init(records: [UserRecord], summary: String, error: String? = nil, report: ImportReport? = nil) {
        self.records = records
        self.summary = summary
        self.error = error
        self.report = report
    }
}

/// What "Test connection" needs. It holds the secret, so it lives only in memory and in flight.
public struct ConnectionRequest: Sendable, Equatable {
    public var tenant: String
    public var clientId: String
    public var credential: CredentialInput
    public var endpoint: String
    public var authority: String
    /// Signs in to this cloud when the endpoint's host does not name one (a proxy, the emulator).
    public var cloud: Cloud
    /// PEM file of a private CA to trust besides the system's; empty for none.
    public var caFile: String

    /// The profile's daily quota, when it sets one.
    public var dailyQuota: Int?

    public init(tenant: String, clientId: String, credential: CredentialInput, endpoint: String, authority: String,
                cloud: Cloud = .global, caFile: String = "", dailyQuota: Int? = nil) {
        self.dailyQuota = dailyQuota
        self.tenant = tenant
        self.clientId = clientId
        self.credential = credential
        self.endpoint = endpoint
        self.authority = authority
        self.cloud = cloud
        self.caFile = caFile
    }

    /// The typed secret, when the credential is one (tests and the sandbox use it).
    public var secret: String? {
        if case .secret(let value) = credential { return value }
        return nil
    }
}

/// How a connection test ended: the job's state and meaning, or what went wrong and the fix.
public enum ConnectionOutcome: Sendable, Equatable {
    case connected(ConnectionReport)
    case failed(ConnectionProblem)
}

public struct ConnectionReport: Sendable, Equatable {
    public var jobState: String
    public var advice: String
    /// "HH:MM" local time or a relative phrase; already worded for display.
    public var tokenExpiry: String
    public var processesUploads: Bool
    /// The token's roles against every call scimterm makes; nil when not checked.
    public var permissions: PermissionReport?
    /// The job's status as read, for the health lines (their ages come from the view's clock).
    public var job: JobStatus?
    public var jobId: String

    public init(jobState: String, advice: String, tokenExpiry: String, processesUploads: Bool,
                permissions: PermissionReport? = nil, job: JobStatus? = nil, jobId: String = "") {
        self.jobState = jobState
        self.advice = advice
        self.tokenExpiry = tokenExpiry
        self.processesUploads = processesUploads
        self.permissions = permissions
        self.job = job
        self.jobId = jobId
    }
}

public struct ConnectionProblem: Sendable, Equatable {
    /// One line: "Sign-in failed (AADSTS7000215)".
    public var headline: String
    public var explanation: String
    public var fix: String
    /// The token's roles, when the token came before the failure (a 403 reading the job).
    public var permissions: PermissionReport?

    public init(headline: String, explanation: String, fix: String, permissions: PermissionReport? = nil) {
        self.headline = headline
        self.explanation = explanation
        self.fix = fix
        self.permissions = permissions
    }
}
