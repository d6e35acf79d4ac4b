import Foundation
import XCTest
@testable import Provisioning

final class PowerShellExportTests: XCTestCase {
    private func upload(_ body: String) -> RecordedRequest {
        Redactor.request(method: "POST", url: "https://graph.microsoft.com/v1.0/servicePrincipals/s/synchronization/jobs/j/bulkUpload",
                         headers: [HTTPHeader("Authorization", "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.payload.sig"),
                                   HTTPHeader("Content-Type", "application/scim+json")],
                         body: Array(body.utf8))
    }

    func testSingleQuotesAreDoubledIncludingTypographicOnes() {
        XCTAssertEqual(PowerShellExport.literal("O'Brien"), "'O''Brien'")
        XCTAssertEqual(PowerShellExport.literal("O\u{2019}Brien"), "'O\u{2019}\u{2019}Brien'")
        XCTAssertEqual(PowerShellExport.literal("$env:x \"y\" `z"), "'$env:x \"y\" `z'", "nothing else expands in single quotes")
        XCTAssertEqual(PowerShellExport.literal("a\nb"), "'a\nb'", "newlines stay literal inside the string")
    }

    func testGraphFormKeepsTheBodyExactly() {
        let body = "{\"displayName\":\"Zoë O'Brien\",\n\"x\":1}"
        let command = PowerShellExport.graphCommand(upload(body))
        XCTAssertEqual(command, """
            Invoke-MgGraphRequest -Method POST -Uri 'https://graph.microsoft.com/v1.0/servicePrincipals/s/synchronization/jobs/j/bulkUpload' `
              -ContentType 'application/scim+json' `
              -Body '{"displayName":"Zoë O''Brien",
            "x":1}'
            """)
    }

    func testRestMethodUsesTheTokenVariableAndSendsNonASCIIAsUTF8Bytes() {
        let command = PowerShellExport.restMethodCommand(upload("{\"givenName\":\"Zoë\"}"))
        XCTAssertTrue(command.hasPrefix("Invoke-RestMethod -Method Post -Uri 'https://graph.microsoft.com/"), command)
        XCTAssertTrue(command.contains("-Headers @{Authorization = \"Bearer $token\"}"), command)
        XCTAssertTrue(command.contains("-Body ([System.Text.Encoding]::UTF8.GetBytes('{\"givenName\":\"Zoë\"}'))"), command)
        XCTAssertFalse(command.contains("eyJ0"), command)
        let ascii = PowerShellExport.restMethodCommand(upload("{\"a\":1}"))
        XCTAssertTrue(ascii.hasSuffix("-Body '{\"a\":1}'"), ascii)
    }

    func testFormSecretBecomesAVariable() {
        let request = Redactor.request(method: "POST", url: "https://login.microsoftonline.com/t/oauth2/v2.0/token",
                                       headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                                       body: Array("client_id=a&client_secret=s3cret&grant_type=client_credentials".utf8))
        let command = PowerShellExport.command(request)
        XCTAssertFalse(command.contains("s3cret"), command)
        XCTAssertTrue(command.contains("-Body ('client_id=a&client_secret=' + $clientSecret + '&grant_type=client_credentials')"), command)
        XCTAssertFalse(command.contains("-Headers"), "a token request carries no bearer token")
    }
}
