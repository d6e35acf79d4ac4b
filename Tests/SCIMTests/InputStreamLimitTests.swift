import Foundation
@testable import SCIM
import XCTest

/// Standard input, pipes and devices get the same limits as files, and binary input ends the read
/// at its first NUL byte instead of being gathered up to the limit.
final class InputStreamLimitTests: XCTestCase {
    private func pipe(_ bytes: [UInt8]) -> Int32 {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(Glibc.pipe(&fds), 0)
        let writeEnd = fds[1]
        DispatchQueue.global().async {
            bytes.withUnsafeBytes { _ = write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        return fds[0]
    }

    func testAPipeIsReadWhole() throws {
        let fd = pipe(Array("externalId,userName\n1,a@contoso.com\n".utf8))
        defer { close(fd) }
        XCTAssertEqual(try InputFile.readStream(fd, name: "standard input"), Array("externalId,userName\n1,a@contoso.com\n".utf8))
    }

    func testDevZeroStopsAtTheFirstNulByte() {
        XCTAssertThrowsError(try InputFile.read(path: "/dev/zero")) { error in
            XCTAssertEqual((error as? InputError)?.message, "NUL byte at byte offset 0 (binary input?): not JSON or CSV")
        }
    }

    func testMoreThanTheLimitIsRefusedNotGathered() {
        let fd = pipe(Array(repeating: UInt8(ascii: "x"), count: 10_000))
        defer { close(fd) }
        XCTAssertThrowsError(try InputFile.readStream(fd, name: "standard input", limit: 4096)) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("more than 4096 bytes") == true, "\(error)")
        }
    }
}
