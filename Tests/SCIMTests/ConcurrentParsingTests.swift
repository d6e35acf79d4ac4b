import Foundation
import XCTest
@testable import SCIM

/// Large inputs are read on several cores; whatever the shape of the text, the result and the
/// errors must be those of reading it in one go.
final class ConcurrentParsingTests: XCTestCase {
    /// More than the 1 MB under which everything is read sequentially.
    private func jsonLines(count: Int = 10_000) -> String {
        (0..<count).map { i in
            #"{"id":\#(i),"name":"Zoë \"\#(i)\" 漢字","tags":["a","b\n"],"n":-1.5e3,"ok":true,"none":null,"nested":{"k":[{},[]]}}"#
        }.joined(separator: "\n")
    }

    private func assertSameAsSequential(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = Array(text.utf8)
        XCTAssertGreaterThan(bytes.count, 1 << 20, "too small to be read concurrently", file: file, line: line)
        let concurrent = try JSONParser.parseSequenceConcurrently(bytes)
        let sequential = try JSONParser.parseSequence(bytes)
        XCTAssertEqual(concurrent.map(\.value), sequential.map(\.value), file: file, line: line)
        XCTAssertEqual(concurrent.map(\.range), sequential.map(\.range), file: file, line: line)
    }

    func testJSONLinesMatchSequentialReading() throws {
        try assertSameAsSequential("\u{FEFF}" + jsonLines() + "\n\n")
    }

    func testConcatenatedDocumentsAndScalarsMatchSequentialReading() throws {
        try assertSameAsSequential(jsonLines().replacingOccurrences(of: "}\n{", with: "}\n7\n\"s\"\n[1]{"))
    }

    /// Pretty-printed JSON has `{` at the start of lines inside a value: a cut there must not show.
    func testPrettyPrintedArrayMatchesSequentialReading() throws {
        try assertSameAsSequential("[\n" + jsonLines().replacingOccurrences(of: "}\n{", with: "},\n{") + "\n]")
    }

    func testErrorsAreTheSequentialOnes() {
        var lines = jsonLines().components(separatedBy: "\n")
        lines[2000] = #"{"id":2000,"name":"x",}"#
        let bytes = Array(lines.joined(separator: "\n").utf8)
        XCTAssertGreaterThan(bytes.count, 1 << 20, "too small to be read concurrently")
        var concurrent: JSONParseError?, sequential: JSONParseError?
        do { _ = try JSONParser.parseSequenceConcurrently(bytes) } catch { concurrent = error }
        do { _ = try JSONParser.parseSequence(bytes) } catch { sequential = error }
        XCTAssertEqual(concurrent, sequential)
        XCTAssertEqual(concurrent?.position.line, 2001)
    }

    func testInputFileReadsLargeAndSmallFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for size in [0, 5, 9 << 20] {  // the largest is read in parts, on every core
            var bytes = [UInt8](repeating: 7, count: size)
            for block in stride(from: 0, to: size, by: 4096) { bytes[block] = UInt8(truncatingIfNeeded: block >> 12) }
            let path = directory.appendingPathComponent("\(size).bin").path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            XCTAssertEqual(try InputFile.read(path: path), bytes, "\(size) bytes")
        }
    }
}
