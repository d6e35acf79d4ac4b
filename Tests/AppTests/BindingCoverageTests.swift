import App
import AppTesting
import Foundation
import Provisioning
import TerminalUI
import XCTest

/// Every binding of every screen reaches a handler: its key, dispatched in a state where the action
/// has something to do, changes the state, asks for an effect, or answers with its disabled reason.
/// Every hint names a binding of its screen.
final class BindingCoverageTests: XCTestCase {
    private let base = Date(timeIntervalSince1970: 1_800_000_000)

    /// A state on `screen` where most actions have something to act on: a selection away from the
    /// edges, a scrolled pane, a few exchanges and log entries.
    private func fixture(_ screen: Screen) throws -> Keys {
        switch screen {
        case .users:
            return Keys(Fixture.state()).press("down down")
        case .form:
            return Keys(Fixture.state()).press("down enter down")
        case .connect:
            return Keys(Fixture.state()).press("1 down")
        case .preview:
            return Keys(Fixture.state()).press("4 down down down right")
        case .activity:
            let k = Keys(Fixture.state()).press("5")
            for id in 1...3 { k.send(.exchangeRecorded(ActivityTests.exchange(id))) }
            return k.press("up")
        case .logs:
            // Short, so that an entry's detail is longer than its pane and scrolls.
            let k = LogFixture.connected(height: 20).press("6")
            let entries = try ["1001", "1002", "1003"].enumerated().map { n, ext in
                try LogFixture.created(ext, "User \(ext)", at: base.addingTimeInterval(Double(n)))
            }
            k.send(.logsFetched(generation: k.state.logs.generation, .entries(entries, at: base)))
            return k.press("down")
        }
    }

    /// The first of the binding's keys that reaches the keymap on this screen: not taken by an
    /// earlier binding, and not a printable key where a text field takes those.
    private func reachableKey(_ binding: AppBinding, on screen: Screen, _ state: AppState) -> Key? {
        let map = state.keymaps.combined(for: screen)
        let typesText = screen == .connect || screen == .form
        return binding.keys.first { map.binding(for: $0)?.action == binding.action && !(typesText && $0.isText) }
    }

    /// Everything a key can change, as text: two equal texts mean the key did nothing.
    private func snapshot(_ k: Keys) -> String { String(describing: k.state) }

    private func assertReachesHandler(_ binding: AppBinding, on screen: Screen, in k: Keys, file: StaticString = #filePath, line: UInt = #line) {
        let name = "\(screen.title): \(binding.action.name)"
        guard let key = reachableKey(binding, on: screen, k.state) else {
            return XCTFail("\(name) has no key that reaches it", file: file, line: line)
        }
        k.state.message = nil
        k.effects = []
        let reason = binding.disabledReason(k.state)
        let before = snapshot(k)
        k.send(.key(key))
        if let reason {
            XCTAssertEqual(k.state.message?.text, reason, "\(name) (\(key)) is disabled: its reason goes to the status line", file: file, line: line)
            return
        }
        let acted = snapshot(k) != before || !k.effects.isEmpty
        XCTAssertTrue(acted, "\(name) (\(key)) did nothing observable", file: file, line: line)
    }

    func testAnUnboundKeyChangesNothingSoTheSnapshotsCanTell() throws {
        for screen in Screen.allCases {
            let k = try fixture(screen)
            k.state.message = nil
            k.effects = []
            let before = snapshot(k)
            k.press("f12")
            XCTAssertEqual(snapshot(k), before, "\(screen.title): f12 is bound to nothing")
            XCTAssertTrue(k.effects.isEmpty)
        }
    }

    func testEveryScreenBindingReachesItsHandler() throws {
        for screen in Screen.allCases {
            let bindings = AppKeymap.standard.keymap(for: screen).bindings
            XCTAssertFalse(bindings.isEmpty, "\(screen.title) has bindings")
            for binding in bindings {
                assertReachesHandler(binding, on: screen, in: try fixture(screen))
            }
        }
    }

    func testEveryGlobalBindingReachesItsHandlerAndHasAKeyOnEveryScreen() throws {
        for binding in AppKeymap.standard.global.bindings {
            // Going to the screen already showing does nothing by design: try it from another.
            let from: Screen = binding.action == .global(.screen(.users)) ? .preview : .users
            assertReachesHandler(binding, on: from, in: try fixture(from))
            for screen in Screen.allCases {
                XCTAssertNotNil(reachableKey(binding, on: screen, try fixture(screen).state),
                                "\(binding.action.name) can be pressed on \(screen.title)")
            }
        }
    }

    func testEveryHintNamesABindingOfItsScreen() {
        let keymaps = AppKeymap.standard
        for screen in Screen.allCases {
            let commands = AppKeymap.hintCommands(for: screen)
            XCTAssertFalse(commands.isEmpty)
            for command in commands {
                XCTAssertNotNil(keymaps.combined(for: screen).binding(for: command), "hint \(command.name) has no binding on \(screen.title)")
            }
        }
        for command in AppKeymap.entryHintCommands {
            XCTAssertNotNil(keymaps.combined(for: .form).binding(for: command), "entry hint \(command.name) has no binding on the form")
        }
    }

    func testTheHintBarShowsEveryHintOfTheScreen() throws {
        for screen in Screen.allCases {
            let k = try fixture(screen)
            k.state.message = nil
            k.state.size = Size(width: 240, height: 30)  // wide enough that no hint is cut off
            let bar = k.screen().last ?? ""
            for command in AppKeymap.hintCommands(for: screen) {
                guard let binding = AppKeymap.standard.combined(for: screen).binding(for: command) else { continue }
                // Where `?` is typed into a field, help is offered on f1 alone.
                var keys = binding.keys
                if k.state.typesQuestionMark { keys.removeAll { if case .character = $0 { return true } else { return false } } }
                guard !keys.isEmpty else { continue }  // a letter key while typing: not offered
                let text = keys.map(\.description).joined(separator: "/")
                XCTAssertTrue(bar.contains(text + " " + binding.label), "\(screen.title): \(binding.label) in \(bar)")
            }
        }
    }
}
