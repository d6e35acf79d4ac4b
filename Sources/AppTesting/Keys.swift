import App
import Foundation
import SCIM
import TerminalUI
import XCTest

/// Presses keys through `TUI.update`, collecting the effects, as the loop would without running them.
public final class Keys {
    public var state: AppState
    public var effects: [AppEffect] = []

    public init(_ state: AppState) { self.state = state }

    @discardableResult
    public func press(_ script: String, file: StaticString = #filePath, line: UInt = #line) -> Keys {
        for spelling in script.split(separator: " ") {
            // A misspelled key fails the test where it is written, instead of quietly pressing Escape.
            guard let key = try? Key(parsing: String(spelling)) else {
                XCTFail("no such key: \"\(spelling)\" in \"\(script)\"", file: file, line: line)
                continue
            }
            send(.key(key))
        }
        return self
    }

    @discardableResult
    public func type(_ text: String) -> Keys {
        for c in text { send(.key(.character(c))) }
        return self
    }

    public func send(_ action: AppAction) {
        let (next, more) = TUI.update(state, action)
        state = next
        effects += more
    }

    public func screen() -> [String] {
        var frame = ScreenBuffer(width: state.size.width, height: state.size.height)
        TUI.render(state, into: &frame)
        return frame.lines()
    }

    public var text: String { screen().joined(separator: "\n") }
}
