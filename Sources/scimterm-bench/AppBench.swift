import App
import ArgumentParser
import Foundation
import SCIM
import TerminalUI

/// `scimterm-bench app`: the TUI's first frame and a filter keystroke over many users (issue 5's targets:
/// first frame under 100 ms, one filter keystroke under 20 ms with 100,000 users).
struct AppBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "app", abstract: "Time the TUI's first frame and filtering.")

    @Option(help: "Number of users in the workspace.") var users = 100_000

    func run() {
        var records: [UserRecord] = []
        records.reserveCapacity(users)
        for i in 0..<users {
            var r = UserRecord()
            r.externalId = String(100_000 + i)
            r.userName = "user\(i)@contoso.com"
            r.displayName = i % 7 == 0 ? "Zoë Müller \(i)" : "Worker \(i)"
            r.active = i % 10 != 0
            r.setExtensionAttribute(SCIMSchema.enterpriseUser, "department", .string(["Sales", "Engineering", "Finance"][i % 3]))
            records.append(r)
        }
        let size = Size(width: 100, height: 30)
        var started = Date()
        var state = AppState(size: size, workspace: Workspace(records: records))
        var frame = ScreenBuffer(width: size.width, height: size.height)
        TUI.render(state, into: &frame)
        print("| first frame, \(users) users in the workspace (state + render) | \(ms(since: started)) |")
        (state, _) = TUI.update(state, .key(.character("/")))
        var worst = 0.0
        for ch in "müller 7" {
            started = Date()
            (state, _) = TUI.update(state, .key(.character(ch)))
            frame = ScreenBuffer(width: size.width, height: size.height)
            TUI.render(state, into: &frame)
            worst = max(worst, Date().timeIntervalSince(started) * 1000)
        }
        print("| one filter keystroke over \(users) users (update + render), worst of 8 | \(String(format: "%.1f", worst)) ms |")
    }

    private func ms(since date: Date) -> String { String(format: "%.1f ms", Date().timeIntervalSince(date) * 1000) }
}
