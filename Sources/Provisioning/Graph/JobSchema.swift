import Foundation
import Mapping
import SCIM

/// The job's schema as Graph served it: decoded, and the answer's own JSON, so what is written to a
/// file is what the tenant has (member order and all), not scimterm's rendering of it.
public struct JobSchema: Sendable {
    public var schema: SynchronizationSchema
    public var json: JSONValue

    public init(schema: SynchronizationSchema, json: JSONValue) {
        self.schema = schema
        self.json = json
    }

    /// The answer indented for people and diffs, members in Graph's order.
    public var prettyBytes: [UInt8] { JSONWriter.pretty.bytes(json) + [UInt8(ascii: "\n")] }
}

extension ProvisioningEndpoint {
    /// `…/jobs/{jobId}/schema`.
    public var schemaURL: String { jobURL + "/schema" }
}

extension GraphClient {
    /// `GET …/jobs/{jobId}/schema`; needs Synchronization.Read.All (a 403 names it: the call's
    /// purpose is reading the job).
    public func schema() async throws(ProvisioningError) -> JobSchema {
        let response = try await require(method: "GET", url: settings.endpoint.schemaURL, purpose: .job)
        do {
            let json = try JSONParser.parse(response.body)
            return JobSchema(schema: try SynchronizationSchema.decode(response.body), json: json)
        } catch let error as SynchronizationSchema.DecodeError {
            throw .graph(GraphFailure(status: response.status, code: "UnexpectedBody", message: "the schema answer: \(error.description)"))
        } catch {
            throw .graph(GraphFailure(status: response.status, code: "UnexpectedBody", message: "the schema answer is not JSON: \(error)"))
        }
    }
}
