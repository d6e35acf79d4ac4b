import Emulator
import Foundation
import Mapping
import XCTest

/// The emulator's TOML names schema files: one for every job, or one per job.
final class SchemaConfigTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func schema(withTarget target: String) -> SynchronizationSchema {
        var s = SynchronizationSchema.defaultAPIDriven
        s.synchronizationRules[0].objectMappings[0].attributeMappings.append(
            AttributeMapping(source: .constant("NL"), targetAttributeName: target))
        return s
    }

    func testTopLevelAndPerJobSchemasLoadRelativeToTheFile() async throws {
        _ = try write("all.json", String(decoding: schema(withTarget: "usageLocation").encoded(), as: UTF8.self))
        _ = try write("own.json", String(decoding: schema(withTarget: "officeLocation").encoded(), as: UTF8.self))
        let path = try write("emulator.toml", """
            schema = "all.json"
            [[tenants]]
            id = "t1"
              [[tenants.apps]]
              client_id = "c1"
              secrets = ["s"]
              [[tenants.service_principals]]
              id = "sp1"
                [[tenants.service_principals.jobs]]
                id = "API2AAD.a.b"
                [[tenants.service_principals.jobs]]
                id = "API2AAD.c.d"
                schema = "own.json"
            """)
        let config = try EmulatorConfig.load(path: path)
        XCTAssertEqual(config.schema, schema(withTarget: "usageLocation"))
        XCTAssertNil(config.tenants[0].servicePrincipals[0].jobs[0].schema)
        XCTAssertEqual(config.tenants[0].servicePrincipals[0].jobs[1].schema, schema(withTarget: "officeLocation"))
        let core = EmulatorCore(config: config)
        let first = await core.schema(servicePrincipal: "sp1", job: "API2AAD.a.b")
        XCTAssertNotNil(first.userObjectMapping?.mapping(forTarget: "usageLocation"))
        let second = await core.schema(servicePrincipal: "SP1", job: "API2AAD.c.d")
        XCTAssertNotNil(second.userObjectMapping?.mapping(forTarget: "officeLocation"))
        XCTAssertNil(second.userObjectMapping?.mapping(forTarget: "usageLocation"))
    }

    func testWithoutASchemaKeyJobsServeTheDefault() async throws {
        let config = try EmulatorConfig.load(path: try write("plain.toml", "rate_limit = 0\n"))
        XCTAssertNil(config.schema)
        let core = EmulatorCore(config: config)
        let served = await core.schema(servicePrincipal: SandboxIds.servicePrincipal, job: SandboxIds.job)
        XCTAssertEqual(served, .defaultAPIDriven)
    }

    func testABadSchemaFileIsAnErrorNamingIt() throws {
        let bad = try write("bad.json", #"{"directories": [{"objects": []}]}"#)
        let path = try write("bad.toml", "schema = \"bad.json\"\n")
        XCTAssertThrowsError(try EmulatorConfig.load(path: path)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("schema: \(bad): directories[0]: missing \"name\""), text)
        }
        let missing = try write("missing.toml", "schema = \"nowhere.json\"\n")
        XCTAssertThrowsError(try EmulatorConfig.load(path: missing)) { error in
            XCTAssertTrue("\(error)".contains("nowhere.json: cannot read the file"), "\(error)")
        }
    }
}
