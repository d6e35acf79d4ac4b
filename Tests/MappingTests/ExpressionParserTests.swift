import XCTest
@testable import Mapping

/// The grammar: calls, attribute references (SCIM paths), constants, empty arguments, comparisons,
/// escaping, and parse errors that name the column and what was expected.
final class ExpressionParserTests: XCTestCase {
    func testAFunctionCallWithAnAttributeAndAString() throws {
        let expression = try Expression.parse(#"Append([userPrincipalName], ".test")"#)
        XCTAssertEqual(expression.root, .call(.append, arguments: [
            .attribute(AttributeReference("userPrincipalName"), column: 8),
            .string(".test", column: 29),
        ], column: 1))
    }

    func testSCIMPathsAreAttributeReferences() throws {
        let paths = [
            "name.givenName",
            #"emails[type eq "work"].value"#,
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        ]
        for path in paths {
            let expression = try Expression.parse("[\(path)]")
            XCTAssertEqual(expression.root, .attribute(AttributeReference(path), column: 1))
        }
        let manager = AttributeReference("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")
        XCTAssertEqual(manager.path.urn, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
        XCTAssertEqual(manager.path.segments.map(\.name), ["manager", "value"])
        let work = AttributeReference(#"emails[type eq "work"].value"#)
        XCTAssertEqual(work.path.segments.first?.filter, .init(attribute: "type", value: "work"))
    }

    func testBackslashEscapesAQuoteAndABackslash() throws {
        // Microsoft's page: "Company name: \"Contoso\"".
        let expression = try Expression.parse(#""Company name: \"Contoso\"""#)
        XCTAssertEqual(expression.root, .string(#"Company name: "Contoso""#, column: 1))
        let regex = try Expression.parse(#""\\+(?<isdCode>\\d* )""#)
        XCTAssertEqual(regex.root, .string(#"\+(?<isdCode>\d* )"#, column: 1))
    }

    func testEmptyArgumentsAreOmittedNotMissing() throws {
        let expression = try Expression.parse(#"Replace([mail], "@contoso.com", , ,"", ,)"#)
        guard case .call(.replace, let arguments, _) = expression.root else { return XCTFail("\(expression.root)") }
        XCTAssertEqual(arguments.count, 7)
        XCTAssertEqual(arguments.map(\.isOmitted), [false, false, true, true, false, true, true])
        XCTAssertEqual(try Expression.parse("Guid()").root, .call(.guid, arguments: [], column: 1))
    }

    func testNumbersHexadecimalAndBareWords() throws {
        let expression = try Expression.parse(#"InStr("repEated","e",3,vbBinaryCompare)"#)
        guard case .call(.inStr, let arguments, _) = expression.root else { return XCTFail() }
        XCTAssertEqual(arguments[2], .number("3", column: 22))
        XCTAssertEqual(arguments[3], .identifier("vbBinaryCompare", column: 24))
        XCTAssertEqual(try Expression.parse("BitAnd(&HF, &HF7)").root,
                       .call(.bitAnd, arguments: [.number("15", column: 8), .number("247", column: 13)], column: 1))
        XCTAssertEqual(try Expression.parse(#"DateAdd("d", -10, Now())"#).root.calls, [.dateAdd, .now])
    }

    func testComparisonsInsideArguments() throws {
        let expression = try Expression.parse(#"IIF([country]="USA",[country],[department])"#)
        guard case .call(.iif, let arguments, _) = expression.root else { return XCTFail() }
        XCTAssertEqual(arguments[0], .comparison(.equal, .attribute(AttributeReference("country"), column: 5),
                                                 .string("USA", column: 15), column: 14))
        for op in ComparisonOperator.allCases {
            XCTAssertNoThrow(try Expression.parse("CBool([a] \(op.rawValue) [b])"), op.rawValue)
        }
    }

    func testNestingAndLineBreaks() throws {
        let text = """
            Switch([Active], ,
              "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"),
              "0", "False")
            """
        let expression = try Expression.parse(text)
        XCTAssertEqual(expression.root.calls, [.switchCase, .iif, .dateDiff, .now, .cDate])
        XCTAssertEqual(expression.attributeNames, ["Active", "StatusHireDate"])
        XCTAssertTrue(expression.isNonDeterministic)
    }

    func testFunctionNamesAreReadWithoutRegardToCase() throws {
        // Microsoft's own page writes switch(…) and IsNullorEmpty.
        XCTAssertEqual(try Expression.parse(#"switch([a], "x", "1", "y")"#).root.calls, [.switchCase])
        XCTAssertEqual(try Expression.parse("IsNullorEmpty([a])").root.calls, [.isNullOrEmpty])
    }

    func testAMissingCloseParenthesisNamesItsColumn() {
        let error = parseError(#"Join("@", [a], "b""#)
        XCTAssertEqual(error?.column, 19)
        XCTAssertEqual(error?.description, "expected ',' or ')', found the end of the expression at column 19")
        XCTAssertEqual(parseError(#"Left("John Doe" 3)"#)?.description, "expected ',' or ')', found '3' at column 17")
    }

    func testUnterminatedStringsAndAttributes() {
        XCTAssertEqual(parseError(#"Append([a], "x)"#)?.description,
                       "expected '\"' to close the string that starts at column 13 at column 16")
        XCTAssertEqual(parseError(#"Append([a, "x")"#)?.column, 16)
    }

    func testUnknownFunctionsAndWrongArgumentCounts() {
        XCTAssertEqual(parseError(#"Concat([a], "b")"#)?.description, "unknown function 'Concat' at column 1")
        XCTAssertEqual(parseError(#"Join("x", Left([a]))"#)?.description,
                       "Left takes 2 arguments, found 1 at column 11")
        XCTAssertEqual(parseError(#"Switch([a], "d", "k")"#)?.description,
                       "Switch takes an even number of arguments, at least 4, found 3 at column 1")
    }

    func testTrailingTextAndEmptyExpressions() {
        XCTAssertEqual(parseError(#"ToLower([a]) [b]"#)?.description,
                       "expected the end of the expression, found '[b]' at column 14")
        XCTAssertEqual(parseError("   ")?.description, "expected a function, an attribute or a constant at column 4")
        XCTAssertEqual(parseError(#"Append("a" ; "b")"#)?.description, "unexpected character ';' at column 12")
    }

    func testTheLengthLimit() {
        let long = "\"" + String(repeating: "a", count: 10_000) + "\""
        XCTAssertEqual(parseError(long)?.column, 10_001)
    }

    func testNestingIsBounded() throws {
        let deep = String(repeating: "Not(", count: 201) + "[a]" + String(repeating: ")", count: 201)
        XCTAssertEqual(parseError(deep)?.description, "functions nest deeper than 200 levels at column 801")
        let fine = String(repeating: "Not(", count: 200) + "[a]" + String(repeating: ")", count: 200)
        XCTAssertNoThrow(try Expression.parse(fine))
    }
}
