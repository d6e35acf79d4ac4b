import Foundation
import Provisioning
import TerminalUI

/// The resume offer for a send that a later one superseded: resuming it would put older data back
/// over what the later send carried, so the dialog says so, "Not now" is the default, and resending
/// is a button that names how many users it overwrites.
extension AppState {
    static func supersededOffer(_ found: ResumableSend, _ superseded: SendJournal.Supersession, zone: TimeZone) -> DialogState {
        let overwritten = Set(superseded.overlaps.map(\.externalId)).count
        let remaining = found.documents.count - found.acceptedDocuments
        let newer = superseded.newerSends
        let by = newer.first.map { "A later send (\(TimeText.minute($0.created, timeZone: zone)))" } ?? "A later send"
        let others = newer.count > 1 ? " and \(newer.count - 1) more" : ""
        let message = "A send started \(TimeText.minute(found.created, timeZone: zone)) stopped before it was through: \(remaining) request(s) "
            + "(\(found.remainingRecords) users) were not accepted. \(by)\(others) has since sent newer data for \(overwritten) "
            + "of those users, so the interrupted send is superseded: resending it would put its older values back over the newer ones."
        return DialogState(kind: .confirm, title: "The interrupted send is superseded",
                           message: message,
                           buttons: ["Resend anyway (overwrites newer data for \(overwritten) user\(overwritten == 1 ? "" : "s"))",
                                     "Not now", "Forget it"],
                           selectedButton: 1)
    }
}
