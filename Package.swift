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
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "SCIM"),
        // Reads scimterm's own TOML files (CSV mappings, later config.toml) into SCIM values,
        // so that SCIM itself stays Foundation-only.
        .target(name: "Settings", dependencies: [
            "SCIM", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "Provisioning", dependencies: ["SCIM"]),
        .target(name: "Emulator", dependencies: ["SCIM"]),
        .target(name: "TerminalUI", dependencies: [
            "CNcurses",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "TerminalUITesting", dependencies: ["TerminalUI"]),
        .target(name: "App", dependencies: [
            "SCIM", "Settings", "Provisioning", "TerminalUI",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "scimterm", dependencies: [
            "App", "SCIM", "Settings", "Emulator", "TerminalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "scimterm-bench", dependencies: [
            "SCIM", "Settings", "Provisioning", "TerminalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SCIMTests", dependencies: ["SCIM"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "SCIM"]),
        .testTarget(name: "ProvisioningTests", dependencies: ["Provisioning"]),
        .testTarget(name: "EmulatorTests", dependencies: ["Emulator"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalUITesting"]),
        .testTarget(name: "AppTests", dependencies: ["App", "SCIM"]),
        // Drives the built `scimterm` binary; depending on it makes `swift build --build-tests` build it.
        .testTarget(name: "ScimtermTests", dependencies: ["scimterm", "SCIM"]),
    ],
    swiftLanguageModes: [.v6]
)
