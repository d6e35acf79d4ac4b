// swift-tools-version:6.0
import PackageDescription

// Targets follow ../shared/DESIGN.md: SCIM knows nothing of HTTP or terminals, TerminalUI knows
// nothing of SCIM, only App joins them, only CNcurses touches C.
let package = Package(
    name: "scimterm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "scimterm", targets: ["scimterm"]),
        .executable(name: "scimterm-bench", targets: ["scimterm-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "SCIM"),
        // Entra's expression language and the job's schema (issue 12); Foundation-only like SCIM.
        .target(name: "Mapping", dependencies: ["SCIM"]),
        // Reads scimterm's own TOML files (CSV mappings, later config.toml) into SCIM values,
        // so that SCIM itself stays Foundation-only.
        .target(name: "Settings", dependencies: [
            "SCIM", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "Provisioning", dependencies: [
            "SCIM", "Mapping",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Emulator", dependencies: [
            "SCIM", "Mapping",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "TerminalUI", dependencies: [
            "CNcurses",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "TerminalUITesting", dependencies: ["TerminalUI"]),
        // The App tests' language: keys through the pure update, the fixtures, screens as text.
        .target(name: "AppTesting", dependencies: ["App", "SCIM", "TerminalUI", "TerminalUITesting"]),
        .target(name: "App", dependencies: [
            "SCIM", "Mapping", "Settings", "Provisioning", "TerminalUI",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], resources: [.copy("Sandbox/sandbox-users.json")]),
        .executableTarget(name: "scimterm", dependencies: [
            "App", "SCIM", "Mapping", "Settings", "Emulator", "Provisioning", "TerminalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["RevisionPlugin"]),
        // `scimterm --version` names the commit it was built from, read from .git at build time.
        .executableTarget(name: "revision-stamp"),
        .plugin(name: "RevisionPlugin", capability: .buildTool(), dependencies: ["revision-stamp"]),
        .executableTarget(name: "scimterm-bench", dependencies: [
            "SCIM", "Mapping", "Settings", "Provisioning", "TerminalUI", "App", "Emulator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SCIMTests", dependencies: ["SCIM"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MappingTests", dependencies: ["Mapping", "SCIM"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "SCIM"]),
        .testTarget(name: "ProvisioningTests", dependencies: ["Provisioning", "Emulator", "SCIM"]),
        .testTarget(name: "EmulatorTests", dependencies: [
            "Emulator", "SCIM", "Provisioning",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
        ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalUITesting"]),
        .testTarget(name: "AppTests", dependencies: ["App", "AppTesting", "SCIM", "Mapping", "Settings", "Provisioning", "Emulator", "TerminalUI", "TerminalUITesting"]),
        // Drives the built `scimterm` binary; depending on it makes `swift build --build-tests` build it.
        .testTarget(name: "ScimtermTests", dependencies: ["scimterm", "SCIM", "Emulator", "Provisioning", "TerminalUITesting"]),
    ],
    swiftLanguageModes: [.v6]
)
