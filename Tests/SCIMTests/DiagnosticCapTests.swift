import XCTest
@testable import SCIM

/// Caps keep the first findings of each rule and a true count of the rest, however they are split
/// among workers.
final class DiagnosticCapTests: XCTestCase {
    private func finding(_ rule: String, _ n: Int, _ severity: Diagnostic.Severity = .warning) -> Diagnostic {
        Diagnostic(severity, rule: rule, source: "test", record: n, message: "\(rule) #\(n)")
    }

    func testPerRuleCapKeepsTheFirstAndSummarisesTheRest() {
        var cap = DiagnosticCap(DiagnosticLimits(perRule: 3, total: 100))
        for i in 0..<10 { cap.add(finding("a", i)) }
        for i in 0..<2 { cap.add(finding("b", i, .error)) }
        XCTAssertEqual(cap.kept.map(\.message), ["a #0", "a #1", "a #2", "b #0", "b #1"])
        XCTAssertEqual(cap.summaries.count, 1)
        let summary = cap.summaries[0]
        XCTAssertEqual(summary.rule, "a")
        XCTAssertEqual(summary.severity, .warning)
        XCTAssertEqual(summary.message, "… and 7 more")
        XCTAssertEqual(summary.summarised, 7)
        XCTAssertEqual(cap.all.warningCount, 10, "the counts stay true")
        XCTAssertEqual(cap.all.errorCount, 2)
    }

    func testTotalCapStopsEveryRule() {
        var cap = DiagnosticCap(DiagnosticLimits(perRule: 100, total: 4))
        for i in 0..<3 { cap.add(finding("a", i)) }
        for i in 0..<3 { cap.add(finding("b", i, .error)) }
        XCTAssertEqual(cap.kept.map(\.message), ["a #0", "a #1", "a #2", "b #0"])
        XCTAssertEqual(cap.summaries.map(\.message), ["… and 2 more"])
        XCTAssertEqual(cap.summaries.map(\.rule), ["b"])
        XCTAssertEqual(cap.all.errorCount, 3)
    }

    func testMergingChunksEqualsAddingInOrder() {
        let limits = DiagnosticLimits(perRule: 5, total: 8)
        let all = (0..<40).map { finding($0 % 3 == 0 ? "x" : "y", $0) }
        var whole = DiagnosticCap(limits)
        whole.add(contentsOf: all)
        var merged = DiagnosticCap(limits)
        for chunk in stride(from: 0, to: all.count, by: 7) {
            var part = DiagnosticCap(limits)
            part.add(contentsOf: all[chunk..<min(chunk + 7, all.count)])
            merged.merge(part)
        }
        XCTAssertEqual(merged.kept, whole.kept)
        XCTAssertEqual(merged.summaries, whole.summaries)
        XCTAssertEqual(merged.all.warningCount, 40)
    }

    func testASummaryFromTheReaderCountsForWhatItStandsFor() {
        var cap = DiagnosticCap(DiagnosticLimits(perRule: 1, total: 10))
        cap.add(finding("a", 0))
        var earlier = finding("a", 1)
        earlier.summarised = 500
        cap.add(earlier)
        XCTAssertEqual(cap.summaries.first?.summarised, 500)
    }

    func testLargeCountsAreGroupedTheSameInEveryLocale() {
        XCTAssertEqual(DiagnosticCap.grouped(299_000), "299,000")
        XCTAssertEqual(DiagnosticCap.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(DiagnosticCap.grouped(999), "999")
        XCTAssertEqual(DiagnosticCap.grouped(0), "0")
    }

    func testValidatorCapsAManyTimesBrokenSetAndKeepsItsCounts() throws {
        let bytes = Array(("[" + Array(repeating: "{}", count: 3_000).joined(separator: ",") + "]").utf8)
        let input = try PayloadReader.read(json: bytes)
        let capped = Validator(limits: DiagnosticLimits(perRule: 100, total: 250)).validate(input, bytes: bytes)
        let full = Validator().validate(input, bytes: bytes)
        XCTAssertEqual(full.count, 12_000)
        XCTAssertEqual(capped.filter { $0.summarised == nil }.count, 250)
        XCTAssertEqual(capped.filter { $0.summarised != nil }.count, 4, "one summary per rule")
        XCTAssertEqual(capped.errorCount, full.errorCount)
        XCTAssertEqual(capped.warningCount, full.warningCount)
        XCTAssertEqual(Array(capped.prefix(100)), Array(full.prefix(100)), "the first ones are kept, located")
        XCTAssertEqual(full.filter { $0.summarised != nil }.count, 0, "uncapped by default")
    }

    func testReaderReportsStrayItemsOnceEachUpToItsLimitThenACount() throws {
        let n = PayloadReader.itemProblemLimit + 250
        let bytes = Array(("[{\"externalId\":\"1\"}," + Array(repeating: "1", count: n).joined(separator: ",") + "]").utf8)
        let input = try PayloadReader.read(json: bytes)
        XCTAssertEqual(input.records.count, 1)
        XCTAssertEqual(input.diagnostics.count, PayloadReader.itemProblemLimit + 1)
        XCTAssertEqual(input.diagnostics.last?.summarised, 250)
        XCTAssertEqual(input.diagnostics.errorCount, n)
    }
}
