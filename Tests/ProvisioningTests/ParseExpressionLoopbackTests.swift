import Emulator
import Foundation
import Mapping
import Provisioning
import SCIM
import XCTest

/// "Check with Entra" over loopback: the client's parseExpression against the emulator's, which
/// evaluates with the same library, so every default mapping agrees; an Entra that computes
/// differently (a transport that rewrites one answer, as a newer Entra might) is reported as such.
final class ParseExpressionLoopbackTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_780_000_000)

    /// A user carrying every attribute the default mapping reads.
    private let user: JSONObject = [
        "externalId": "701984", "userName": "bjensen@contoso.com", "displayName": "Barbara Jensen", "active": true,
        "title": "Tour Guide", "preferredLanguage": "en-US", "userType": "Employee",
        "name": ["givenName": "Barbara", "familyName": "Jensen"],
        "emails": [["type": "work", "value": "bjensen@contoso.com", "primary": true]],
        "phoneNumbers": [["type": "work", "value": "+1 555 0100"], ["type": "mobile", "value": "+1 555 0199"]],
        "addresses": [["type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood", "region": "CA",
                       "postalCode": "91608", "country": "USA"]],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": ["employeeNumber": "701984", "department": "Tour Operations"],
    ]

    private func items() -> (items: [ExpressionCheck.Item], local: ComputedUser) {
        let compiled = CompiledMapping(schema: .defaultAPIDriven)
        let local = compiled.evaluate(user, in: EvaluationContext(now: now))
        return (ExpressionCheck.plan(compiled, schema: .defaultAPIDriven, record: user, computed: local), local)
    }

    private func verdicts(_ client: GraphClient) async -> [ExpressionCheck.Verdict] {
        let (items, local) = items()
        let replies = await client.check(items)
        return zip(items, zip(local.attributes, replies)).map { ExpressionCheck.verdict($0, local: $1.0, reply: $1.1) }
    }

    func testEveryDefaultMappingAgreesWithTheEmulatorAndEachCallIsRecorded() async throws {
        let lc = try await LoopbackClient.start()
        let verdicts = await verdicts(lc.client)
        let (items, local) = items()
        XCTAssertEqual(verdicts.count, CompiledMapping(schema: .defaultAPIDriven).mappings.count)
        XCTAssertEqual(verdicts, Array(repeating: .agrees, count: verdicts.count), "\(zip(items.map(\.targetAttributeName), verdicts).map { "\($0)" })")
        XCTAssertEqual(local["mailNickname"]?.flowingValue, .string("bjensen"), "a real computation was compared, not two empties")
        let calls = await lc.recorder.all().filter { $0.request.url.hasSuffix("/schema/parseExpression") }
        XCTAssertEqual(calls.count, items.filter { $0.request != nil }.count, "one call per asked mapping, each recorded for Activity")
        XCTAssertEqual(calls.first?.purpose, .jobAction("parseExpression"))
        XCTAssertEqual(calls.first?.response?.status, 200)
        await lc.stop()
    }

    func testAnEntraThatComputesAnotherValueIsADisagreementOnThatMappingAlone() async throws {
        let lc = try await LoopbackClient.start()
        let rewriting = RewritingTransport(inner: lc.client.transport, expressionContaining: "Replace(", answer: ["b.jensen"])
        let client = GraphClient(settings: lc.client.settings, tokens: lc.client.tokens, transport: rewriting, recorder: lc.recorder)
        let verdicts = await verdicts(client)
        let names = items().items.map(\.targetAttributeName)
        let nickname = try XCTUnwrap(names.firstIndex(of: "mailNickname"))
        XCTAssertEqual(verdicts[nickname], .differs(entra: ["b.jensen"]))
        XCTAssertEqual(ExpressionCheck.Tally(verdicts).differ, 1, "\(verdicts)")
        XCTAssertEqual(ExpressionCheck.Tally(verdicts).agree, verdicts.count - 1)
        await lc.stop()
    }

    func testWithoutPermissionTheFirstRefusalMarksEveryMappingAndNamesGraphsPermission() async throws {
        let lc = try await LoopbackClient.start { $0.tenants[0].apps[0].permissions = ["SynchronizationData-User.Upload"] }
        let verdicts = await verdicts(lc.client)
        let expected = ExpressionCheck.Verdict.unanswered("parseExpression needs Application.ReadWrite.OwnedBy (or Synchronization.ReadWrite.All)")
        XCTAssertEqual(verdicts, Array(repeating: expected, count: verdicts.count))
        let calls = await lc.recorder.all().filter { $0.request.url.hasSuffix("/schema/parseExpression") }
        XCTAssertEqual(calls.map { $0.response?.status }, [403], "one refusal, not one per mapping")
        await lc.stop()
    }
}

/// Forwards every request; answers parseExpression calls whose expression contains `marker` with
/// `answer` as the evaluation result (an Entra whose evaluator differs from ours).
private struct RewritingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let marker: String
    let answer: [String]

    init(inner: any HTTPTransport, expressionContaining marker: String, answer: [String]) {
        self.inner = inner
        self.marker = marker
        self.answer = answer
    }

    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        var response = try await inner.send(request)
        let expression = (try? JSONParser.parse(request.body))?.objectValue?["expression"]?.stringValue ?? ""
        guard request.url.hasSuffix("/parseExpression"), expression.contains(marker),
              case .object(var object)? = try? JSONParser.parse(response.body) else { return response }
        object.set("evaluationResult", .array(answer.map(JSONValue.string)))
        response.body = JSONWriter.compact.bytes(.object(object))
        return response
    }

    func shutdown() async { await inner.shutdown() }
}
