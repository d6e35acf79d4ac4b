import Foundation

/// Test fixtures shipped in Tests/SCIMTests/Fixtures (Microsoft's samples keep their README and LICENSE).
enum Fixtures {
    static func url(_ name: String) -> URL {
        guard let base = Bundle.module.resourceURL else { fatalError("SCIMTests resources are missing") }
        return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    static func sample(_ name: String) throws -> [UInt8] {
        try bytes("microsoft-samples/" + name)
    }
}
