import XCTest
@testable import Mapping

/// Split, Count, Item, RemoveDuplicates, ConvertToBase64, ConvertToUTF8Hex and BitAnd, with the
/// examples of Microsoft's expression reference (functions-for-customizing-application-data).
final class CollectionFunctionTests: XCTestCase {
    func testSplitExample() throws {
        // Split([extensionAttribute5], ",") with "PermissionSetOne, PermissionSetTwo" → ["PermissionSetOne", "PermissionSetTwo"]
        let result = try evaluate(#"Split([extensionAttribute5], ",")"#,
                                  strings(["extensionAttribute5": "PermissionSetOne, PermissionSetTwo"]))
        XCTAssertEqual(result.outcome, .value(.multi(["PermissionSetOne", "PermissionSetTwo"])))
    }

    func testPrimaryAndAliasProxyAddressesExample() throws {
        // Split(Join(",", Append("smtp:", …"contoso.onmicrosoft.com")), Append("SMTP:", …"contoso.com"))), ",")
        let expression = """
            Split(
                Join(",",
                    Append("smtp:", Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.onmicrosoft.com")),
                    Append("SMTP:", Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], [surname]))), "contoso.com"))
                ),
                ","
            )
            """
        let result = try evaluate(expression, strings(["givenName": "John", "surname": "Doe"]))
        XCTAssertEqual(result.outcome, .value(.multi(["smtp:John.Doe@contoso.onmicrosoft.com", "SMTP:John.Doe@contoso.com"])))
    }

    func testCountItemAndRemoveDuplicates() throws {
        let addresses: [String: ExpressionValue] = ["proxyAddresses": .multi(["SMTP:a@x", "smtp:b@x", "smtp:b@x"])]
        XCTAssertEqual(try evaluate("Count([proxyAddresses])", addresses).outcome, .value(.string("3")))
        XCTAssertEqual(try evaluate("Count([missing])").outcome, .value(.string("0")))
        // Item([proxyAddresses], 1) returns the first item in the multi-valued attribute.
        XCTAssertEqual(try evaluate("Item([proxyAddresses], 1)", addresses).outcome, .value(.string("SMTP:a@x")))
        XCTAssertEqual(try evaluate("Item([proxyAddresses], 0)", addresses).outcome, .value(.null))
        XCTAssertEqual(try evaluate("Item([proxyAddresses], 4)", addresses).outcome, .value(.null))
        // RemoveDuplicates([proxyAddresses]) removes every duplicate value.
        XCTAssertEqual(try evaluate("RemoveDuplicates([proxyAddresses])", addresses).outcome,
                       .value(.multi(["SMTP:a@x", "smtp:b@x"])))
    }

    func testEncodings() {
        // ConvertToBase64("Hello world!") returns "SABlAGwAbABvACAAdwBvAHIAbABkACEA"
        assertString(#"ConvertToBase64("Hello world!")"#, "SABlAGwAbABvACAAdwBvAHIAbABkACEA")
        // ConvertToUTF8Hex("Hello world!") returns 48656C6C6F20776F726C6421
        assertString(#"ConvertToUTF8Hex("Hello world!")"#, "48656C6C6F20776F726C6421")
        assertString(#"ConvertToUTF8Hex("é")"#, "C3A9")
    }

    func testBitAndExample() {
        // BitAnd(&HF, &HF7): 11110111 AND 00000111 = 00000111, so BitAnd returns 7.
        assertString("BitAnd(&HF, &HF7)", "7")
        assertString("BitAnd(12, 10)", "8")
        assertFails(#"BitAnd("x", 1)"#, containing: "value1 must be a number")
    }
}
