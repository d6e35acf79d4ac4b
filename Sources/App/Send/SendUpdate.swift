import Foundation
import Provisioning
import TerminalUI

extension AppState {
    mutating func sendEvent(_ event: SendEvent, effects: inout [AppEffect]) {}
    mutating func sendFinished(_ result: SendResult, effects: inout [AppEffect]) {}
    mutating func resumableFound(_ found: ResumableSend?) {}
}
