import XCTest
@testable import Mapping

/// Replace in each of its forms, with Microsoft's examples (functions-for-customizing-application-data,
/// "Replace" and "Examples" sections).
final class ReplaceFunctionTests: XCTestCase {
    func testOldValueAndReplacementValue() {
        // Example 1: Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )
        assertString(#"Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )"#,
                     ["BusinessTitle": "Product Developer"], "Software Engineer")
        // Strip known domain name: Replace([mail], "@contoso.com", , ,"", ,) → "john.doe"
        assertString(#"Replace([mail], "@contoso.com", , ,"", ,)"#, ["mail": "john.doe@contoso.com"], "john.doe")
        // Case-sensitive.
        assertString(#"Replace([mail], "@CONTOSO.com", , ,"", ,)"#, ["mail": "john.doe@contoso.com"], "john.doe@contoso.com")
    }

    func testOldValueAndTemplate() {
        // Example 2: Replace([UserID],"<username>", , , , , "<username>@contoso.com") with "jsmith" → "jsmith@contoso.com"
        assertString(#"Replace([UserID],"<username>", , , , , "<username>@contoso.com")"#, ["UserID": "jsmith"],
                     "jsmith@contoso.com")
    }

    func testRegexPatternAndReplacementValueWithNamedGroups() {
        // Example 3: Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", , "${phoneNumber}", , )
        assertString(#"Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", , "${phoneNumber}", , )"#,
                     ["telephoneNumber": "+91 9998887777"], "9998887777")
        assertString(#"Replace([t], , "(\\d+)-(\\d+)", , "$2/$1 ($$) [$&]", , )"#, ["t": "12-34"], "34/12 ($) [12-34]")
    }

    func testRegexCollapsesCharacters() {
        // Replace([mobile], , "[()\\s-]+", , "", , ) with "+1 (999) 888-7777". The page shows 19998887777, but
        // its pattern does not remove "+", and .NET's Regex.Replace keeps it: we give what the regex gives.
        assertString(#"Replace([mobile], , "[()\\s-]+", , "", , )"#, ["mobile": "+1 (999) 888-7777"], "+19998887777")
    }

    func testRegexGroupNameAndReplacementValue() {
        // Example 4: Replace([AddressLineData], ,"(?<streetNumber>^\\d*)","streetNumber", "888", , )
        assertString(#"Replace([AddressLineData], ,"(?<streetNumber>^\\d*)","streetNumber", "888", , )"#,
                     ["AddressLineData": "545 Tremont Street"], "888 Tremont Street")
        // Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , ) → "jsmith"
        assertString(#"Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )"#,
                     ["userPrincipalName": "jsmith@contoso.com"], "jsmith")
    }

    func testRegexGroupNameAndReplacementAttribute() {
        // Example 5: Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "phoneNumber" , , [mobile], )
        let expression = #"Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "phoneNumber" , , [mobile], )"#
        assertString(expression, ["telephoneNumber": "", "mobile": "+91 8887779999"], "8887779999")
        assertString(expression, ["telephoneNumber": "+1 5550001111", "mobile": "+91 8887779999"], "+1 5550001111")
    }

    func testRegexRemovesMatchesIncludingEmptyOnes() {
        // Example 6: Replace([mailNickname], , "[a-zA-Z_]*", , "", , ) with "john_doe72" → "72"
        assertString(#"Replace([mailNickname], , "[a-zA-Z_]*", , "", , )"#, ["mailNickname": "john_doe72"], "72")
    }

    func testGenerateAnIDFromTheObjectID() {
        // Join("", 1000, Replace(ConvertToUTF8Hex([objectId]), , "[a-zA-Z_]*", , "", , )) with
        // "00aa00aa-bb11-cc22-dd33-44ee44ee44ee". The page's output (100064303565…) is the hex of another
        // GUID; this is what the documented input gives: hex digits with the letters (the dashes' "D") removed.
        assertString(#"Join("", 1000, Replace(ConvertToUTF8Hex([objectId]), , "[a-zA-Z_]*", , "", , ))"#,
                     ["objectId": "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"],
                     "1000" + "3030616130306161" + "262623131" + "263633232" + "264643333" + "2343465653434656534346565")
    }

    func testNullSourcesAndBadPatterns() throws {
        XCTAssertEqual(try evaluate(#"Replace([missing], "a", , , "b", , )"#).outcome, .value(.null))
        assertFails(#"Replace([a], , "(unclosed", , "", , )"#, ["a": "x"], containing: "not a valid regular expression")
        assertFails(#"Replace([a], , , , "", , )"#, ["a": "x"], containing: "give oldValue")
    }

    func testMultiValuedSourcesAreReplacedValueByValue() throws {
        let result = try evaluate(#"Replace([proxyAddresses], "smtp:", , , "SMTP:", , )"#,
                                  ["proxyAddresses": .multi(["smtp:a@x", "smtp:b@x"])])
        XCTAssertEqual(result.outcome, .value(.multi(["SMTP:a@x", "SMTP:b@x"])))
    }
}
