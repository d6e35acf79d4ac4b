import ArgumentParser
import Foundation
import Provisioning

/// `scimterm journal list|prune`: what the send journal holds, and dropping old payloads.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "List the journaled sends, or prune old payloads.",
        discussion: """
            The journal keeps every document's payload (HR data) so a send can be resumed. prune drops the \
            payloads of sends finished more than --keep-days ago; their rows, states and request ids stay. \
            `send` prunes the same way before each send.
            """)

    enum Action: String, ExpressibleByArgument, CaseIterable { case list, prune }

    @Argument(help: "list or prune.") var action: Action = .list
    @Option(help: ArgumentHelp("The send journal (SQLite).", valueName: "FILE")) var journal: String?
    @Option(help: "Keep payloads of sends finished within this many days.") var keepDays: Int = 30

    func validate() throws {
        if keepDays < 0 { throw ValidationError("--keep-days must be 0 or more") }
    }

    func run() throws {
        let path = journal ?? SendJournal.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            print("no journal at \(path): nothing sent yet")
            return
        }
        let store: SendJournal
        do { store = try SendJournal(path: path) } catch {
            StandardError.write("scimterm: cannot open the send journal: \(error)")
            throw ExitCode(2)
        }
        switch action {
        case .list:
            let superseded = Dictionary(try store.superseded(endpoint: nil).map { ($0.sendId, $0) }, uniquingKeysWith: { a, _ in a })
            for send in try store.listing() { print(Self.line(send) + (superseded[send.id].map(Self.mark) ?? "")) }
        case .prune:
            let count = try store.prune(keepDays: keepDays, now: Date())
            print("pruned the payloads of \(count) send\(count == 1 ? "" : "s") finished more than \(keepDays) days ago")
        }
    }

    /// ISO 8601 in UTC, so a listing reads the same in any time zone.
    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// A superseded send: `send --resume` leaves it alone, and this says why.
    static func mark(_ s: SendJournal.Supersession) -> String {
        let users = Set(s.overlaps.map(\.externalId)).count
        let by = s.newerSends.map { String($0.sendId.prefix(8)) + "…" }.joined(separator: ", ")
        return "  SUPERSEDED: \(users) of its unaccepted users were sent later by \(by); not resumed without --overwrite-newer"
    }

    static func line(_ send: SendJournal.SendListing) -> String {
        let states = send.documents.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let pruned = send.pruned > 0 ? "; \(send.pruned) payloads pruned" : ""
        return "\(send.id)  \(iso(send.created))  \(send.finished ? "finished" : "open")  \(send.endpoint)  \(states)\(pruned)"
    }
}
