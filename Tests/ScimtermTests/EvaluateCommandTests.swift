import Foundation
import XCTest

/// `scimterm evaluate`: the built binary prints the result as JSON and exits 0, names the column of a
/// parse error and exits 2, and reads a user from a payload file by externalId.
final class EvaluateCommandTests: XCTestCase {
    private let payload = CommandRunner.samples("Extended-SCIM-bulk-request-Core+Enterprise.json")

    func testAStringResultIsPrintedAsJSON() throws {
        let r = try CommandRunner.run(["evaluate", #"ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.com"))"#,
                                       "--attribute", "givenName=Zoë", "--attribute", "surname=Van Dyke"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "\"zoe.vandyke@contoso.com\"\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testAMultiValuedResultIsAnArrayAndRepeatedAttributesAreMultiValued() throws {
        let split = try CommandRunner.run(["evaluate", #"Split([permissions], ",")"#, "--attribute", "permissions=One, Two"])
        XCTAssertEqual(split.status, 0, split.stderr)
        XCTAssertEqual(split.stdout, "[\"One\",\"Two\"]\n")
        let repeated = try CommandRunner.run(["evaluate", "RemoveDuplicates([proxy])", "--attribute", "proxy=a=1",
                                              "--attribute", "proxy=b", "--attribute", "proxy=a=1"])
        XCTAssertEqual(repeated.stdout, "[\"a=1\",\"b\"]\n", repeated.stderr)
    }

    func testAnAttributeThatDoesNotFlowIsNull() throws {
        let r = try CommandRunner.run(["evaluate", "IgnoreFlowIfNullOrEmpty([department])", "--attribute", "department="])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "null\n")
        XCTAssertTrue(r.stderr.contains("IgnoreFlowIfNullOrEmpty"), r.stderr)
    }

    func testAParseErrorExits2WithTheColumnAndACaret() throws {
        let expression = #"Join("@", [givenName] "contoso.com")"#
        let r = try CommandRunner.run(["evaluate", expression])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "scimterm: the expression does not parse: expected ',' or ')', found a string at column 23")
        XCTAssertEqual(lines.dropFirst().first, "  " + expression)
        XCTAssertEqual(lines.dropFirst(2).first, "  " + String(repeating: " ", count: 22) + "^")
    }

    func testAMultiLineExpressionKeepsItsColumnsOnOneLine() throws {
        let r = try CommandRunner.run(["evaluate", "Left(\n  [a],\n  3"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("  Left(   [a],   3\n" + "  " + String(repeating: " ", count: 16) + "^"), r.stderr)
    }

    func testARecordIsReadByExternalIdAndSCIMPaths() throws {
        let expression = #"Join("|", [name.givenName], [emails[type eq "work"].value], [urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department], [urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value], [active])"#
        let r = try CommandRunner.run(["evaluate", expression, "--record", payload, "--external-id", "701984"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "\"Barbara|bjensen@example.com|Tour Operations|89607|True\"\n")
        let override = try CommandRunner.run(["evaluate", "[userName]", "--record", payload, "--external-id", "807609",
                                              "--attribute", "userName=someone"])
        XCTAssertEqual(override.stdout, "\"someone\"\n", override.stderr)
    }

    func testARecordFileWithSeveralUsersNeedsAnExternalIdThatExists() throws {
        let several = try CommandRunner.run(["evaluate", "[userName]", "--record", payload])
        XCTAssertEqual(several.status, 2)
        XCTAssertTrue(several.stderr.contains("holds 3 users; name one with --external-id ID"), several.stderr)
        let missing = try CommandRunner.run(["evaluate", "[userName]", "--record", payload, "--external-id", "nobody"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains(#"no user with externalId "nobody""#), missing.stderr)
    }

    func testNowIsInjectableAndMarkedNonDeterministic() throws {
        let r = try CommandRunner.run(["evaluate", #"DateAdd("d", 7, Now())"#, "--now", "2021-07-02T15:33:38Z"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "\"7/9/2021 3:33:38 PM\"\n")
        XCTAssertTrue(r.stderr.contains("non-deterministic: Now()"), r.stderr)
        let guid = try CommandRunner.run(["evaluate", "Guid()"])
        XCTAssertEqual(guid.status, 0, guid.stderr)
        XCTAssertEqual(guid.stdout.count, 36 + 3)
        XCTAssertTrue(guid.stderr.contains("non-deterministic: Guid()"), guid.stderr)
    }

    func testAnEvaluationFailureExits1WithTheReason() throws {
        let r = try CommandRunner.run(["evaluate", "CDate([hireDate])", "--attribute", "hireDate=31.12.2020"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "null\n")
        XCTAssertTrue(r.stderr.contains(#"CDate: expression "31.12.2020" is not a date Entra reads"#), r.stderr)
    }

    func testControlCharactersInTheExpressionAreNotSentToTheTerminal() throws {
        let r = try CommandRunner.run(["evaluate", "Append(\"a\", \u{1B}[31m)"])
        XCTAssertEqual(r.status, 2)
        XCTAssertFalse(r.stderr.contains("\u{1B}"), r.stderr)
        XCTAssertTrue(r.stderr.contains("at column 13\n  Append(\"a\", ?[31m)\n" + "  " + String(repeating: " ", count: 12) + "^"), r.stderr)
    }
}
