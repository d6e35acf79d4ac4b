import XCTest
@testable import Mapping

/// CDate, DateAdd, DateDiff, DateFromNum, NumFromDate, FormatDateTime and Now. Examples from
/// Microsoft's expression reference (learn.microsoft.com/entra/identity/app-provisioning/
/// functions-for-customizing-application-data). No test reads the clock: Now() is `fixedNow`.
final class DateFunctionTests: XCTestCase {
    func testCDateExamples() {
        // CDate([StatusHireDate]) with "2020-03-16-07:00" → "3/16/2020 7:00:00 AM"
        assertString("CDate([StatusHireDate])", ["StatusHireDate": "2020-03-16-07:00"], "3/16/2020 7:00:00 AM")
        // CDate("2021-06-30+08:00") → "6/29/2021 4:00:00 PM"
        assertString(#"CDate("2021-06-30+08:00")"#, "6/29/2021 4:00:00 PM")
        // CDate("2009-06-15T01:45:30-07:00") → "6/15/2009 8:45:30 AM"
        assertString(#"CDate("2009-06-15T01:45:30-07:00")"#, "6/15/2009 8:45:30 AM")
    }

    func testCDateReadsItsOwnOutputAndFailsOnNonsense() {
        assertString(#"CDate("6/29/2021 4:00:00 PM")"#, "6/29/2021 4:00:00 PM")
        assertString(#"CDate("2021-06-30T23:59:59.9999999Z")"#, "6/30/2021 11:59:59 PM")
        assertString(#"CDate("2021-06-30 12:00")"#, "6/30/2021 12:00:00 PM")
        assertFails(#"CDate("30.06.2021")"#, containing: "is not a date Entra reads")
        assertFails(#"CDate("2021-02-30")"#, containing: "is not a date")
    }

    func testDateAddExampleTable() {
        // DateAdd("d", 7, CDate([StatusHireDate])) and the table's other rows, StatusHireDate 2012-03-16-07:00.
        let rows: [(String, String, String)] = [
            ("d", "7", "3/23/2012 7:00:00 AM"),
            ("d", "-10", "3/6/2012 7:00:00 AM"),
            ("ww", "2", "3/30/2012 7:00:00 AM"),
            ("m", "10", "1/16/2013 7:00:00 AM"),
            ("yyyy", "2", "3/16/2014 7:00:00 AM"),
        ]
        for (interval, value, output) in rows {
            assertString(#"DateAdd("\#(interval)", \#(value), CDate([StatusHireDate]))"#,
                         ["StatusHireDate": "2012-03-16-07:00"], output)
        }
    }

    func testDateAddClampsTheDayAndKnowsTheOtherIntervals() {
        assertString(#"DateAdd("m", 1, CDate("2021-01-31"))"#, "2/28/2021 12:00:00 AM")
        assertString(#"DateAdd("yyyy", 1, CDate("2020-02-29"))"#, "2/28/2021 12:00:00 AM")
        assertString(#"DateAdd("h", 36, CDate("2021-01-31"))"#, "2/1/2021 12:00:00 PM")
        assertString(#"DateAdd("n", -1, CDate("2021-01-01"))"#, "12/31/2020 11:59:00 PM")
        assertString(#"DateAdd("s", 90, CDate("2021-01-01"))"#, "1/1/2021 12:01:30 AM")
        assertFails(#"DateAdd("fortnight", 1, Now())"#, containing: "is not one of")
    }

    func testDateDiffExampleTable() {
        // DateDiff(interval, date1, date2): Microsoft's table of examples.
        let rows: [(String, String, String, String)] = [
            ("d", "2021-08-18+08:00", "2021-08-31+08:00", "13"),
            ("d", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-3449"),
            ("ww", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-493"),
            ("m", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-113"),
            ("yyyy", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", "-9"),
            ("d", "2021-08-31+08:00", "2021-08-31+08:00", "0"),
            ("h", "2021-08-24", "2021-08-25", "24"),
            ("n", "2021-08-24", "2021-08-25", "1440"),
            ("s", "2021-08-24", "2021-08-25", "86400"),
        ]
        for (interval, date1, date2, output) in rows {
            assertString(#"DateDiff("\#(interval)", CDate([date1]), CDate([date2]))"#,
                         ["date1": date1, "date2": date2], output)
        }
    }

    func testDateDiffWithNow() {
        // DateDiff("d", Now(), CDate([StatusHireDate])): Now() is 7/2/2021 3:33:38 PM here.
        assertString(#"DateDiff("d", Now(), CDate([StatusHireDate]))"#, ["StatusHireDate": "2021-07-12"], "9")
    }

    func testDateFromNumExample() {
        // DateFromNum(129699324000000000) returns a DateTime representing January 1, 2012 at 11:00PM.
        assertString("DateFromNum(129699324000000000)", "1/1/2012 11:00:00 PM")
        assertString("DateFromNum([lastLogonTimestamp])", ["lastLogonTimestamp": "129699324000000000"], "1/1/2012 11:00:00 PM")
    }

    func testDateFromNumNeverIsNull() throws {
        XCTAssertEqual(try evaluate("DateFromNum(0)").outcome, .value(.null))
        XCTAssertEqual(try evaluate("DateFromNum(9223372036854775807)").outcome, .value(.null))
    }

    func testNumFromDateWorkdayExample() {
        // NumFromDate(Join("", FormatDateTime([ContractEndDate], ,"yyyy-MM-ddzzz", "yyyy-MM-dd"), " 23:59:59-08:00"))
        // ContractEndDate "2020-12-31-08:00": 2020-12-31 23:59:59 -08:00 is 2021-01-01 07:59:59 UTC.
        assertString(#"NumFromDate(Join("", FormatDateTime([ContractEndDate], ,"yyyy-MM-ddzzz", "yyyy-MM-dd"), " 23:59:59-08:00"))"#,
                     ["ContractEndDate": "2020-12-31-08:00"], "132539615990000000")
    }

    func testNumFromDateSuccessFactorsExample() {
        // NumFromDate(Join("",FormatDateTime([endDate], ,"M/d/yyyy hh:mm:ss tt","yyyy-MM-dd")," 23:59:59-08:00"))
        // (the page gives no input; this one is in the documented M/d/yyyy hh:mm:ss tt format)
        assertString(#"NumFromDate(Join("",FormatDateTime([endDate], ,"M/d/yyyy hh:mm:ss tt","yyyy-MM-dd")," 23:59:59-08:00"))"#,
                     ["endDate": "12/31/2020 11:30:00 PM"], "132539615990000000")
    }

    func testFormatDateTimeExample() {
        // FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd"): "20150123105347.1Z" → "2015-01-23"
        assertString(#"FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")"#,
                     ["extensionAttribute1": "20150123105347.1Z"], "2015-01-23")
    }

    func testFormatDateTimeSpecifiers() {
        let source = ["d": "2015-01-23T10:53:47.1234567+02:00"]
        assertString(#"FormatDateTime([d], , "yyyy-MM-ddTHH:mm:ss.fffffffzzz", "dddd, MMMM d yyyy h:mm tt")"#, source,
                     "Friday, January 23 2015 8:53 AM")
        assertString(#"FormatDateTime([d], , "yyyy-MM-ddTHH:mm:ss.fffffffzzz", "ddd dd MMM yy HH'h' ff FFF K zzz")"#, source,
                     "Fri 23 Jan 15 08h 12 123 Z +00:00")
        assertString(#"FormatDateTime("23 Jan 2015", "dd MMM yyyy", "yyyyMMdd")"#, "20150123")
        assertString(#"FormatDateTime("2015-01-23", , "yyyy-MM-dd", "o")"#, "2015-01-23T00:00:00.0000000Z")
        assertFails(#"FormatDateTime("2015/01/23", , "yyyy-MM-dd", "o")"#, containing: "does not match the input format")
    }

    func testNowIsTheInjectedInstantInUTCAndNonDeterministic() throws {
        // Now() example value: 7/2/2021 3:33:38 PM
        let result = try evaluate("Now()")
        XCTAssertEqual(result.outcome, .value(.string("7/2/2021 3:33:38 PM")))
        XCTAssertEqual(result.nonDeterministicFunctions, [.now])
        XCTAssertFalse(result.isDeterministic)
    }

    func testHugeAmountsFailInsteadOfTrapping() {
        // Found by fuzzing: these overflowed Int arithmetic.
        assertFails(#"DateAdd("yyyy", 9223372036854775807, Now())"#, containing: "outside the years 1 to 9999")
        assertFails(#"DateAdd("s", -9223372036854775807, Now())"#, containing: "outside the years 1 to 9999")
        assertString(#"FormatDateTime("2015-01-23 10:53:47.123456789", , "yyyy-MM-dd HH:mm:ss.fffffffff", "fffffff")"#, "1234567")
    }
}
