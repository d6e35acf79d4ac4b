import XCTest
@testable import Mapping

/// String functions. Examples quoted from Microsoft's "Reference for writing expressions for
/// attribute mappings in Microsoft Entra ID": learn.microsoft.com/entra/identity/app-provisioning/
/// functions-for-customizing-application-data (mirror: docs/identity/app-provisioning/
/// functions-for-customizing-application-data.md).
final class TextFunctionTests: XCTestCase {
    func testAppendExample() {
        // Append([userPrincipalName], ".test"): "John.Doe@contoso.com" → "John.Doe@contoso.com.test"
        assertString(#"Append([userPrincipalName], ".test")"#, ["userPrincipalName": "John.Doe@contoso.com"],
                     "John.Doe@contoso.com.test")
    }

    func testAppendOfAnAbsentSourceIsNull() throws {
        XCTAssertEqual(try evaluate(#"Append([missing], ".test")"#).outcome, .value(.null))
    }

    func testLeftExamplesAndRules() {
        // Left("John Doe", 3) returns "Joh".
        assertString(#"Left("John Doe", 3)"#, "Joh")
        assertString(#"Left("John Doe", 0)"#, "")
        assertString(#"Left("John Doe", -1)"#, "John Doe")
        assertString(#"Left([missing], 2)"#, "")
        assertString(#"Left("Jo", 5)"#, "Jo")
    }

    func testLenExamples() {
        // Len("John Doe") returns 8, Len(42568) returns 5, Len(42568.75) returns 8.
        assertString(#"Len("John Doe")"#, "8")
        assertString("Len(42568)", "5")
        assertString("Len(42568.75)", "8")
        assertString("Len([missing])", "0")
    }

    func testLenExampleAccountAlias() {
        // IIF(Len([LastName]) <= 5, Left(Join("",[LastName],[FirstName]),10),
        //     Join("", Mid([LastName],1,9), Mid([FirstName],1,1)))
        let expression = """
            IIF(Len([LastName]) <= 5,

              Left(Join ("",[LastName],[FirstName]),10),
              Join("", Mid([LastName],1,9), Mid([FirstName],1,1))

            )
            """
        assertString(expression, ["FirstName": "John", "LastName": "Smith"], "SmithJohn")
        assertString(expression, ["FirstName": "John", "LastName": "Parker"], "ParkerJ")
    }

    func testMid() {
        assertString(#"Mid("Contoso", 1, 3)"#, "Con")
        assertString(#"Mid("Contoso", 5, 10)"#, "oso")
        assertString(#"Mid("Contoso", 9, 2)"#, "")
    }

    func testInStrExamples() {
        // InStr("The quick brown fox","quick") evaluates to 5.
        assertString(#"InStr("The quick brown fox","quick")"#, "5")
        // InStr("repEated","e",3,vbBinaryCompare) evaluates to 7.
        assertString(#"InStr("repEated","e",3,vbBinaryCompare)"#, "7")
        assertString(#"InStr("repEated","e",3,vbTextCompare)"#, "4")
        assertString(#"InStr("abc","z")"#, "0")
    }

    func testWordExamples() {
        // Word("The quick brown fox",3," ") returns "brown".
        assertString(#"Word("The quick brown fox",3," ")"#, "brown")
        // Word("This,string!has&many separators",3,",!&#") returns "has".
        assertString(#"Word("This,string!has&many separators",3,",!&#")"#, "has")
        assertString(#"Word("one two",0," ")"#, "")
        assertString(#"Word("one two",3," ")"#, "")
        assertString(#"Word([missing],1," ")"#, "")
    }

    func testPCaseExamples() {
        // PCase([firstName]) with "PABLO GONSALVES (SECOND)" → "Pablo Gonsalves (Second)"
        assertString("PCase([firstName])", ["firstName": "PABLO GONSALVES (SECOND)"], "Pablo Gonsalves (Second)")
        // PCase([lastName]," '-") with "PINTO-DE'SILVA" → "Pinto-De'Silva"
        assertString(#"PCase([lastName]," '-")"#, ["lastName": "PINTO-DE'SILVA"], "Pinto-De'Silva")
        // PCase(Join(" ",[firstName],[lastName])) with GREGORY, "JAMES" → "Gregory James"
        assertString(#"PCase(Join(" ",[firstName],[lastName]))"#, ["firstName": "GREGORY", "lastName": "JAMES"],
                     "Gregory James")
        // Only the given separators count: the hyphen is not one here.
        assertString(#"PCase("MARY-JANE SMITH", " ")"#, "Mary-jane Smith")
        // .NET's ToTitleCase keeps an apostrophe inside the word ("Les Naufragés D'ythaq").
        assertString(#"PCase("les naufragés d'ythaq")"#, "Les Naufragés D'ythaq")
        assertString(#"PCase("ßa")"#, "ßa")
    }

    func testToLowerExample() {
        // ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"))
        assertString(
            #"ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"))"#,
            ["PreferredFirstName": "John", "PreferredLastName": "Smith"], "john.smith@contoso.com")
    }

    func testToUpperAndCulturesMapOneCharacterForOne() {
        // .NET's simple case mapping: "ß" has no one-character capital and stays.
        assertString(#"ToUpper("straße")"#, "STRAßE")
        assertString(#"ToUpper("zoë")"#, "ZOË")
        assertString(#"ToLower("ÉCOLE İ")"#, "école i")
        assertString(#"ToUpper("istanbul", "en-US")"#, "ISTANBUL")
        assertString(#"ToUpper("istanbul", "tr-TR")"#, "İSTANBUL")
        assertString(#"ToLower("ISTANBUL", "tr-TR")"#, "ıstanbul")
    }

    func testStripSpacesRemovesOnlySpaces() {
        assertString(#"StripSpaces(" Mary Ann  Lee ")"#, "MaryAnnLee")
        assertString("StripSpaces(\"a\tb\")", "a\tb")
    }

    func testNormalizeDiacriticsExampleAndTable() {
        // NormalizeDiacritics([givenName]): "Zoë" → "Zoe"
        assertString("NormalizeDiacritics([givenName])", ["givenName": "Zoë"], "Zoe")
        assertString(#"NormalizeDiacritics("ÄÀÂÃÅÁĄĂĀǞǠ æǣ ÆǢ çčć ďḏ ëèéêęěėē ğ ïîìíıī İ ľłḹ ñńň öòőõôóōȫ ø Ø ř ß šśșş ťț üùûúůűū ÿýȳ źžż")"#,
                     "AAAAAAAAAAA aeae AEAE ccc dd eeeeeeee g iiiiii I lll nnn oooooooo oe OE r ss ssss tt uuuuuuu yyy zzz")
    }

    func testJoinExamples() {
        // Join(", ", "", [surname], [givenName]) with John / Doe → "Doe, John"
        assertString(#"Join(", ", "", [surname], [givenName])"#, ["givenName": "John", "surname": "Doe"], "Doe, John")
        // Append(Mid([givenName], 1, 3), Mid([surname], 1, 5)) → "JohDoe"
        assertString("Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))", ["givenName": "John", "surname": "Doe"],
                     "JohDoe")
    }

    func testJoinSpreadsMultiValuedSources() throws {
        let result = try evaluate(#"Join(";", [proxyAddresses], "x")"#, ["proxyAddresses": .multi(["a", "b"])])
        XCTAssertEqual(result.outcome, .value(.string("a;b;x")))
    }

    func testProxyAddressExamples() {
        // Append("SMTP:", Join("@", Join(".", [givenName], [surname]), "contoso.com")) → "SMTP:John.Doe@contoso.com"
        assertString(#"Append("SMTP:", Join("@", Join(".", [givenName], [surname]), "contoso.com"))"#,
                     ["givenName": "John", "surname": "Doe"], "SMTP:John.Doe@contoso.com")
    }

    func testCStrExample() {
        // CStr([dn]) returns "cn=Joe,dc=contoso,dc=com"
        assertString("CStr([dn])", ["dn": "cn=Joe,dc=contoso,dc=com"], "cn=Joe,dc=contoso,dc=com")
    }

    func testExtremePositionsDoNotTrap() {
        assertString(#"InStr("abc","bc",9223372036854775807)"#, "0")
        assertString(#"Mid("abc", 9223372036854775807, 9223372036854775807)"#, "")
        assertString(#"Left("abc", 9223372036854775807)"#, "abc")
    }
}
