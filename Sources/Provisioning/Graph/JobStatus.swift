import Foundation
import SCIM

/// A provisioning job's state and what it means for uploads (ENTRA.md §5).
public struct JobStatus: Sendable, Equatable {
    public var code: String
    public var quarantineReason: String?
    public var quarantineMessage: String?
    public var lastExecution: String?
    /// The rest of `synchronizationStatus` that says how healthy the job is (see JobHealth).
    public var health = JobStatusTimes()

    public init(code: String, quarantineReason: String? = nil, quarantineMessage: String? = nil, lastExecution: String? = nil) {
        self.code = code
        self.quarantineReason = quarantineReason
        self.quarantineMessage = quarantineMessage
        self.lastExecution = lastExecution
    }

    static func parse(_ body: [UInt8]) -> JobStatus? {
        guard let status = (try? JSONParser.parse(body))?.objectValue?["status"]?.objectValue,
            let code = status["code"]?.stringValue
        else { return nil }
        let quarantine = status["quarantine"]?.objectValue
        var parsed = JobStatus(code: code, quarantineReason: quarantine?["reason"]?.stringValue,
                               quarantineMessage: quarantine?["error"]?.objectValue?["message"]?.stringValue,
                               lastExecution: status["lastExecution"]?.objectValue?["timeEnded"]?.stringValue)
        parsed.health = JobStatusTimes(status: status)
        return parsed
    }

    /// Whether uploads sent now will be processed.
    public var processesUploads: Bool { code == "Active" }

    /// Plain-language advice for the operator.
    public var advice: String {
        switch code {
        case "Active": return "The job is running: uploads are processed within minutes."
        case "NotRun": return "The job was never started: uploads are accepted (202) but nothing is processed. Start it (scimterm job start)."
        case "Paused": return "The job is paused: uploads are accepted but queued, and once the queue is full Entra answers 500 \"bucket full\". Resume it with scimterm job start."
        case "Quarantine":
            return "The job is in quarantine (\(quarantineReason ?? "reason unknown")): uploads are accepted but not processed. Fix the cause, then scimterm job restart."
        case "NotConfigured": return "The job is not configured: finish its setup in the Entra admin center."
        default: return "Unknown job state \(code)."
        }
    }
}

extension GraphClient {
    public func jobStatus() async throws(ProvisioningError) -> JobStatus {
        let response = try await require(method: "GET", url: settings.endpoint.jobURL, purpose: .job)
        guard let status = JobStatus.parse(response.body) else {
            throw .graph(GraphFailure(status: response.status, code: "UnexpectedBody", message: "the job answer has no status.code"))
        }
        return status
    }

    /// start, pause or restart (restart resets scope as the portal's "Restart provisioning" does).
    public func jobAction(_ action: JobAction) async throws(ProvisioningError) {
        let body: [UInt8] = action == .restart ? Array(#"{"criteria":{"resetScope":"Watermark, Escrows, QuarantineState"}}"#.utf8) : []
        _ = try await require(method: "POST", url: settings.endpoint.jobActionURL(action), body: body,
                              contentType: body.isEmpty ? nil : "application/json", purpose: .jobAction(action.rawValue))
    }
}
