import App
import ArgumentParser
import Foundation
import Provisioning
import TerminalUI

/// `scimterm-bench activity`: records many bulkUpload exchanges (50-operation BulkRequests by
/// default) through the TUI (recorder, activity store, the recorder's feed, effect runner, Activity
/// state) on a headless terminal and prints the time and the process's peak memory, so the Activity
/// pane's memory can be compared across sizes: 1,000, 10,000 and 100,000 should peak alike (run it
/// under `/usr/bin/time -f "%e s %M KB"` too).
struct ActivityBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activity", abstract: "Peak memory of the Activity pane over many exchanges.")

    @Option(help: "Exchanges to record (a send of N×50 users makes about N).") var exchanges = 100_000
    @Option(help: "Users in each request body.") var usersPerBody = 50
    @Flag(help: "No activity store: the recorder keeps every exchange in memory (the fallback when the store cannot be opened).")
    var inMemory = false

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-activity-bench-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = inMemory ? nil : try ExchangeStore(path: folder + "/activity.sqlite", now: Date())
        let session = ProvisioningSession(activity: store)
        let services = AppServices(testConnection: { _ in .failed(ConnectionProblem(headline: "", explanation: "", fix: "")) },
                                   loadFile: { _, _ in LoadedFile(records: [], summary: "") }, session: session)
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let loop = AppLoop(state: AppState(size: terminal.size, workspace: Workspace()), terminal: terminal, services: services)
        terminal.type("5")
        loop.runUntilIdle()
        let started = Date()
        let done = DoneFlag()
        let recorder = session.recorder, count = exchanges, body = Self.body(users: usersPerBody)
        Task.detached {
            await Self.record(count, body: body, into: recorder)
            done.set()
        }
        while !(done.isSet && loop.state.activity.total == count) { loop.step(timeoutMilliseconds: 5) }
        loop.runUntilIdle()
        let seconds = Date().timeIntervalSince(started)
        print("| Activity, \(count) exchanges of \(usersPerBody) users\(inMemory ? " (no store)" : "") | "
              + String(format: "%.1f s", seconds) + " | in state: \(loop.state.activity.loaded.count) summaries, "
              + "\(loop.state.activity.selectedExchange == nil ? 0 : 1) selected whole | peak \(Self.peakKB() / 1024) MiB |")
    }

    /// One BulkRequest of `users` users, about the size a send makes.
    static func body(users: Int) -> [UInt8] {
        let operations = (0..<users).map { i in
            #"{"method":"POST","bulkId":"b\#(i)","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"externalId":"\#(100_000 + i)","userName":"user\#(i)@contoso.com","name":{"givenName":"Given\#(i)","familyName":"Family\#(i)"},"active":true,"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}}}"#
        }
        let text = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":["# + operations.joined(separator: ",") + "]}"
        return Array(text.utf8)
    }

    static func record(_ count: Int, body: [UInt8], into recorder: ExchangeRecorder) async {
        let start = Date()
        for i in 1...count {
            // A copy per request, as a send makes: one shared buffer would hide what is kept.
            var own = body
            own.append(0x20)
            await recorder.record(
                purpose: .bulkUpload(document: i - 1),
                request: TransportRequest(method: "POST", url: "https://graph.microsoft.com/v1.0/servicePrincipals/sp/synchronization/jobs/job/bulkUpload",
                                          headers: [HTTPHeader("Authorization", "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi"),
                                                    HTTPHeader("Content-Type", "application/scim+json")],
                                          body: own),
                response: TransportResponse(status: 202, headers: [HTTPHeader("request-id", UUID().uuidString)], body: []),
                failure: nil, startedAt: start.addingTimeInterval(Double(i)), duration: 0.1, attempt: 0)
        }
    }

    /// VmHWM from /proc/self/status, in kB (0 where there is none).
    static func peakKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

private final class DoneFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
