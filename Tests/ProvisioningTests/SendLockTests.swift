import Foundation
import Provisioning
import XCTest

/// The sender lock: a second sender to the same endpoint is refused, naming the first; a lock left
/// by a dead process is taken over and said so.
final class SendLockTests: XCTestCase {
    private let journal = NSTemporaryDirectory() + "journal-\(UUID().uuidString).sqlite"
    private let endpoint = "https://graph.microsoft.com/v1.0/servicePrincipals/sp/synchronization/jobs/job/bulkUpload"
    private let started = Date(timeIntervalSince1970: 1_800_000_000)

    override func tearDown() {
        for other in [endpoint, endpoint + "2"] { try? FileManager.default.removeItem(atPath: SendLock.path(journalPath: journal, endpoint: other)) }
    }

    func testASecondSenderToTheSameEndpointIsRefusedWithTheFirstOnesPidAndStart() throws {
        let first = try SendLock(journalPath: journal, endpoint: endpoint, pid: 4242, now: started)
        XCTAssertNil(first.tookOverFrom)
        XCTAssertThrowsError(try SendLock(journalPath: journal, endpoint: endpoint)) { error in
            XCTAssertEqual(error as? SendLock.Failure, .busy(SendLock.Holder(pid: 4242, started: started), endpoint: endpoint))
            let text = "\(error)"
            XCTAssertTrue(text.contains("process 4242, started 2027-01-15T08:00:00Z"), text)
        }
        let other = try SendLock(journalPath: journal, endpoint: endpoint + "2")
        XCTAssertNotEqual(other.path, first.path, "another endpoint has its own lock")
        withExtendedLifetime(first) {}
    }

    func testAReleasedLockIsFreeAndNamesNobody() throws {
        do { _ = try SendLock(journalPath: journal, endpoint: endpoint, pid: 1, now: started) }
        let again = try SendLock(journalPath: journal, endpoint: endpoint)
        XCTAssertNil(again.tookOverFrom, "a clean release leaves nothing to take over")
    }

    func testALockLeftByADeadProcessIsTakenOverAndSaysFromWhom() throws {
        let path = SendLock.path(journalPath: journal, endpoint: endpoint)
        // What a kill -9 leaves: the file names the holder, but the kernel dropped its flock.
        try Data("777 \(started.timeIntervalSince1970)\n".utf8).write(to: URL(fileURLWithPath: path))
        let lock = try SendLock(journalPath: journal, endpoint: endpoint, pid: 888, now: started.addingTimeInterval(60))
        XCTAssertEqual(lock.tookOverFrom, SendLock.Holder(pid: 777, started: started))
        XCTAssertThrowsError(try SendLock(journalPath: journal, endpoint: endpoint)) { error in
            XCTAssertTrue("\(error)".contains("process 888"), "\(error)")
        }
        withExtendedLifetime(lock) {}
    }
}
