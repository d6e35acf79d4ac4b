import Foundation
import Provisioning
import TerminalUI

extension AppState {
    mutating func activityKey(_ key: Key, effects: inout [AppEffect]) -> Bool { false }
    mutating func activityCommand(_ action: KeyAction, effects: inout [AppEffect]) -> Bool { false }
}
