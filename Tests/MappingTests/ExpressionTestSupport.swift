import Foundation
import XCTest
@testable import Mapping
import SCIM

/// A fixed instant for Now(): 2021-07-02 15:33:38 UTC, the value Microsoft's Now() example shows.
let fixedNow = Date(timeIntervalSince1970: 1_625_240_018)

/// Evaluates an expression against a flat attribute bag; multi-valued inputs are arrays.
func evaluate(
    _ text: String, _ attributes: [String: ExpressionValue] = [:], record: JSONObject? = nil,
    file: StaticString = #filePath, line: UInt = #line
) throws -> EvaluationResult {
    let expression = try Expression.parse(text)
    let context = EvaluationContext(
        attributes: AttributeInputs(attributes, record: record), now: fixedNow,
        guid: { UUID(uuidString: "00AA00AA-BB11-CC22-DD33-44EE44EE44EE")! }, random: .seeded(42))
    return expression.evaluate(in: context)
}

/// Shorthand for string inputs.
func strings(_ values: [String: String]) -> [String: ExpressionValue] {
    values.mapValues { ExpressionValue.string($0) }
}

/// Asserts that the expression yields one string.
func assertString(
    _ text: String, _ attributes: [String: String] = [:], _ expected: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let result = try evaluate(text, strings(attributes))
        XCTAssertEqual(result.outcome, .value(.string(expected)), text, file: file, line: line)
    } catch {
        XCTFail("\(text): \(error)", file: file, line: line)
    }
}

/// Asserts that evaluation fails with a message containing `fragment`.
func assertFails(
    _ text: String, _ attributes: [String: String] = [:], containing fragment: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let result = try evaluate(text, strings(attributes))
        guard let failure = result.failure else {
            return XCTFail("\(text) gave \(result.outcome), expected a failure", file: file, line: line)
        }
        XCTAssertTrue(failure.message.contains(fragment), "\(failure.message)", file: file, line: line)
    } catch {
        XCTFail("\(text): \(error)", file: file, line: line)
    }
}

/// The parse error of an expression that must not parse.
func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ExpressionParseError? {
    do {
        _ = try Expression.parse(text)
        XCTFail("\(text) parsed", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Asserts that an expression reading no attributes yields one string.
func assertString(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    assertString(text, [:], expected, file: file, line: line)
}
