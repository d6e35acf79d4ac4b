import XCTest
@testable import Mapping

/// IIF, Switch, Coalesce, IgnoreFlowIfNullOrEmpty and the tests; Entra's null and "do not flow"
/// semantics. Examples from Microsoft's expression reference (functions-for-customizing-application-data).
final class ConditionFunctionTests: XCTestCase {
    func testCoalesceExample() {
        // Coalesce([mail],[userPrincipalName]) with mail NULL → "John.Doe@contoso.com"
        assertString("Coalesce([mail],[userPrincipalName])", ["userPrincipalName": "John.Doe@contoso.com"],
                     "John.Doe@contoso.com")
        assertString(#"Coalesce([mail],[userPrincipalName], "")"#, [:], "")
    }

    func testCoalesceOfNothingIsNull() throws {
        XCTAssertEqual(try evaluate("Coalesce([a],[b])").outcome, .value(.null))
    }

    func testIIFExamples() {
        // IIF([country]="USA",[country],[department])
        assertString(#"IIF([country]="USA",[country],[department])"#, ["country": "USA", "department": "Sales"], "USA")
        assertString(#"IIF([country]="USA",[country],[department])"#, ["country": "NZ", "department": "Sales"], "Sales")
        // AND: IIF([country]="USA",IIF([state]="CA","True","False"),"False")
        let and = #"IIF([country]="USA",IIF([state]="CA","True","False"),"False")"#
        assertString(and, ["country": "USA", "state": "CA"], "True")
        assertString(and, ["country": "USA", "state": "WA"], "False")
        // OR: IIF([country]="USA","True",IIF([state]="CA","True","False"))
        let or = #"IIF([country]="USA","True",IIF([state]="CA","True","False"))"#
        assertString(or, ["country": "NZ", "state": "CA"], "True")
        assertString(or, ["country": "NZ", "state": "WA"], "False")
    }

    func testIIFConditionOnAnEmptyOrAbsentAttributeFailsAsDocumented() {
        // "If the source attribute used within the IIF function is empty or null, the condition check fails."
        assertFails(#"IIF([country]="","Other",[country])"#, ["country": ""], containing: "null or empty")
        assertFails(#"IIF(IsNullOrEmpty([country]),"Other",[country])"#, containing: "Switch([country]")
        assertFails(#"IIF(IsPresent([country]),[country],"Other")"#, containing: "condition check fails")
        // Unsupported: IIF(IgnoreFlowIfNullOrEmpty([country]),[country],"Other")
        assertFails(#"IIF(IgnoreFlowIfNullOrEmpty([country]),[country],"Other")"#, ["country": "NZ"],
                    containing: "flow-control wrapper")
    }

    func testSwitchRecommendedWorkaroundForMissingValues() {
        // Switch([country],[country],"","Other")
        assertString(#"Switch([country],[country],"","Other")"#, [:], "Other")
        assertString(#"Switch([country],[country],"","Other")"#, ["country": ""], "Other")
        assertString(#"Switch([country],[country],"","Other")"#, ["country": "NZ"], "NZ")
    }

    func testSwitchExampleAndCaseSensitivity() {
        // Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")
        let expression = #"Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")"#
        assertString(expression, ["state": "QLD"], "Australia/Brisbane")
        assertString(expression, ["state": "qld"], "Australia/Sydney")
        // Switch(ToLower([statusFlag]), "0", "true", "1", "false", "0")
        assertString(#"Switch(ToLower([statusFlag]), "0", "true", "1", "false", "0")"#, ["statusFlag": "TRUE"], "1")
        // Switch([statusFlag], "Default Value", "true", "1", "", "0")
        assertString(#"Switch([statusFlag], "Default Value", "true", "1", "", "0")"#, ["statusFlag": ""], "0")
    }

    func testDateDiffInsideSwitchExample() {
        // Switch([Active], , "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), "0", "False")
        let expression = """
            Switch([Active], ,
              "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"),
              "0", "False")
            """
        // Now() is 7/2/2021 3:33:38 PM in these tests.
        assertString(expression, ["Active": "1", "StatusHireDate": "2021-07-05-07:00"], "True")
        assertString(expression, ["Active": "1", "StatusHireDate": "2021-08-31-07:00"], "False")
        assertString(expression, ["Active": "0", "StatusHireDate": "2021-08-31-07:00"], "False")
    }

    func testSwitchWithAnOmittedDefaultIsNull() throws {
        XCTAssertEqual(try evaluate(#"Switch([Active], , "1", "yes")"#, strings(["Active": "7"])).outcome, .value(.null))
    }

    func testIgnoreFlowIfNullOrEmptyExamples() throws {
        // IgnoreFlowIfNullOrEmpty([department]) drops the attribute if it's null or empty.
        XCTAssertEqual(try evaluate("IgnoreFlowIfNullOrEmpty([department])").outcome, .ignored)
        XCTAssertEqual(try evaluate("IgnoreFlowIfNullOrEmpty([department])", strings(["department": ""])).outcome, .ignored)
        assertString("IgnoreFlowIfNullOrEmpty([department])", ["department": "Sales"], "Sales")
        // IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))
        let prefix = #"IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))"#
        XCTAssertEqual(try evaluate(prefix, strings(["prefix": "9999"])).outcome, .ignored)
        assertString(prefix, ["prefix": "3444"], "Prof.")
        // Supported: IgnoreFlowIfNullOrEmpty(IIF([country]="USA",[region],""))
        let wrapped = #"IgnoreFlowIfNullOrEmpty(IIF([country]="USA",[region],""))"#
        XCTAssertEqual(try evaluate(wrapped, strings(["country": "NZ"])).outcome, .ignored)
        assertString(wrapped, ["country": "USA", "region": "West"], "West")
    }

    func testAnIgnoredResultHasNoFlowingValue() throws {
        let result = try evaluate("IgnoreFlowIfNullOrEmpty([department])")
        XCTAssertNil(result.flowingValue)
        XCTAssertNil(try evaluate("[department]").flowingValue)
        XCTAssertEqual(try evaluate(#""""#).flowingValue, .string(""))
    }

    func testIsNullIsNullOrEmptyIsPresentIsString() {
        // IsNull([displayName]) returns True if the attribute isn't present.
        assertString("IsNull([displayName])", "True")
        assertString("IsNull([displayName])", ["displayName": ""], "False")
        // IsNullOrEmpty([displayName]) returns True if the attribute isn't present or is an empty string.
        assertString("IsNullOrEmpty([displayName])", ["displayName": ""], "True")
        assertString("IsNullOrEmpty([displayName])", ["displayName": "x"], "False")
        // IsPresent([directManager]) returns True if the directManager attribute isn't null or empty.
        assertString("IsPresent([directManager])", ["directManager": "m1"], "True")
        assertString("IsPresent([directManager])", "False")
        assertString("IsString([a])", ["a": ""], "True")
        assertString("IsString([a])", "False")
    }

    func testNotAndCBool() {
        assertString(#"Not("True")"#, "False")
        assertString(#"Not("False")"#, "True")
        assertString("Not([missing])", "True")
        // CBool([attribute1] = [attribute2]) returns True if both attributes have the same value.
        assertString("CBool([attribute1] = [attribute2])", ["attribute1": "a", "attribute2": "a"], "True")
        assertString("CBool([attribute1] = [attribute2])", ["attribute1": "a", "attribute2": "b"], "False")
        assertString("CBool(0)", "False")
        assertString("CBool(-2)", "True")
        assertFails(#"CBool("maybe")"#, containing: "neither a number nor True/False")
    }

    func testComparisonsAreNumericForNumbersAndExactOtherwise() {
        assertString(#"CBool("10" > "9")"#, "True")
        assertString(#"CBool("b" > "a")"#, "True")
        assertString(#"CBool("A" = "a")"#, "False")
        assertString(#"CBool("A" <> "a")"#, "True")
        assertString(#"CBool(5 >= 5)"#, "True")
        assertString(#"CBool(4 <= 3)"#, "False")
        assertString(#"CBool(4 < 3)"#, "False")
    }

    func testSwitchCautionExamples() {
        // switch([companyName], "External", "Company A", "A", "Company B", "B") should be represented as
        // IIF([companyName] = "Company A", "A", IIF([companyName] = "Company B", "B", "External"))
        let viaSwitch = #"switch([companyName], "External", "Company A", "A", "Company B", "B")"#
        let viaIIF = #"IIF([companyName] = "Company A", "A", IIF([companyName] = "Company B", "B", "External"))"#
        for (company, expected) in [("Company A", "A"), ("Company B", "B"), ("Contoso", "External")] {
            assertString(viaSwitch, ["companyName": company], expected)
            assertString(viaIIF, ["companyName": company], expected)
        }
        // IgnoreFlowIfNullOrEmpty(switch([companyName], [companyName], "Company A", "A", "Company B", "B"))
        let attributeDefault = #"IgnoreFlowIfNullOrEmpty(switch([companyName], [companyName], "Company A", "A", "Company B", "B"))"#
        assertString(attributeDefault, ["companyName": "Contoso"], "Contoso")
        assertString(attributeDefault, ["companyName": "Company B"], "B")
        XCTAssertEqual(try evaluate(attributeDefault).outcome, .ignored)
    }
}
