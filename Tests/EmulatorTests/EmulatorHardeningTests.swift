import Emulator
import Foundation
import Provisioning
import XCTest

/// What keeps the emulator's memory bounded against a runaway or hostile client: the token is
/// checked before the body is read, bodies are capped, and faults come from one table.
final class EmulatorHardeningTests: XCTestCase {
    /// Sends only the head of a request that announces a huge body, and reads what comes back.
    private func headOnly(port: Int, path: String, authorization: String?) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/scim+json\r\nContent-Length: 1000000000\r\n"
        if let authorization { head += "Authorization: \(authorization)\r\n" }
        head += "\r\n"
        _ = head.withCString { send(fd, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[..<n], as: UTF8.self) : ""
    }

    private func uploadPath(_ h: EmulatorHarness) -> String {
        String(h.endpoint.dropFirst(h.base.count))
    }

    func testAnUploadWithoutATokenIsRefusedBeforeItsBodyIsRead() async throws {
        let h = try await EmulatorHarness()
        let answer = try headOnly(port: h.running.port, path: uploadPath(h), authorization: nil)
        await h.stop()
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 401"), "answered from the head alone: \(answer)")
        XCTAssertTrue(answer.contains("InvalidAuthenticationToken"), answer)
    }

    func testABodyPastTheCapIsRefusedWith413FromItsLengthAlone() async throws {
        let h = try await EmulatorHarness()
        let token = try await h.token()
        let answer = try headOnly(port: h.running.port, path: uploadPath(h), authorization: "Bearer \(token)")
        let uploads = await h.running.core.statistics.bulkUploads
        await h.stop()
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 413"), answer)
        XCTAssertTrue(answer.contains("RequestEntityTooLarge"), answer)
        XCTAssertEqual(uploads, 0, "the core never saw it")
    }

    func testAStreamedBodyPastTheCapIsRefusedWith413() async throws {
        let h = try await EmulatorHarness(config: EmulatorHarness.config { $0.maxBodyBytes = 4096 })
        let token = try await h.token()
        let big = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(50))
        let small = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
        await h.stop()
        XCTAssertEqual(big.status, 413)
        XCTAssertTrue(String(decoding: big.body, as: UTF8.self).contains(#""code":"RequestEntityTooLarge""#))
        XCTAssertEqual(small.status, 202, "under the cap nothing changes")
    }

    func testEveryFaultOfTheTableIsReadFromTOMLAndDrawn() throws {
        let keys = EmulatorFault.allCases.map(\.tomlKey)
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssertEqual(Set(EmulatorFault.allCases.map(\.flag)).count, EmulatorFault.allCases.count)
        for fault in EmulatorFault.allCases {
            let path = NSTemporaryDirectory() + "fault-\(fault.rawValue)-\(getpid()).toml"
            try "[faults]\n\(fault.tomlKey) = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let config = try EmulatorConfig.load(path: path)
            XCTAssertEqual(config.faults.rates, [fault: 1], fault.tomlKey)
        }
        XCTAssertThrowsError(try {
            let path = NSTemporaryDirectory() + "fault-unknown-\(getpid()).toml"
            try "[faults]\nteleport_rate = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try EmulatorConfig.load(path: path)
        }(), "a fault the table does not know is an error, not ignored")
    }

    func testEachFaultAtRateOneAnswersAsDocumented() async throws {
        let expected: [EmulatorFault: Int] = [.unavailable: 503, .internalError: 500, .throttleWithoutRetryAfter: 429]
        for (fault, status) in expected {
            let h = try await EmulatorHarness(config: EmulatorHarness.config { $0.faults.rates = [fault: 1] })
            let token = try await h.token()
            let answer = try await h.request("POST", h.endpoint, token: token, body: EmulatorHarness.bulk(1))
            await h.stop()
            XCTAssertEqual(answer.status, status, fault.rawValue)
        }
    }
}
