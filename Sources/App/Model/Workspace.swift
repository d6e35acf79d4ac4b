import Provisioning
import SCIM

/// Where to connect, as typed on the Connect screen, minus the secret (never written anywhere).
/// A profile in config.toml is the same value with a name (`profile`).
public struct ConnectionDraft: Sendable, Equatable {
    public var tenant: String
    public var clientId: String
    public var endpoint: String
    /// Token service base URL when it is not the cloud's (the sandbox emulator, a proxy).
    public var authority: String
    /// The profile's name; empty when the connection was typed without one.
    public var profile: String
    public var cloud: Cloud
    public var credential: CredentialSource
    /// Shown on every screen's header (say PROD), in the accent colour.
    public var label: String
    public var accent: Accent
    /// PEM file of a private CA to trust besides the system's (a TLS-inspecting proxy's, the
    /// emulator's); empty for none. A path, not a secret, so it is saved with the rest.
    public var caFile: String
    /// The tenant's bulkUpload calls per 24 h when it is not the P1/P2 2,000 (6,000 with ID
    /// Governance); nil keeps the default the app was started with.
    public var dailyQuota: Int?

    public init(tenant: String = "", clientId: String = "", endpoint: String = "", authority: String = "", profile: String = "",
                cloud: Cloud = .global, credential: CredentialSource = .prompt, label: String = "", accent: Accent = .blue,
                caFile: String = "", dailyQuota: Int? = nil) {
        self.dailyQuota = dailyQuota
        self.tenant = tenant
        self.clientId = clientId
        self.endpoint = endpoint
        self.authority = authority
        self.profile = profile
        self.cloud = cloud
        self.credential = credential
        self.label = label
        self.accent = accent
        self.caFile = caFile
    }

    /// The header badge this connection asks for, if it has a label.
    public var badge: Badge? {
        label.trimmed.isEmpty ? nil : Badge(label: label.trimmed, role: accent.role)
    }
}

/// What survives a restart: the users and the connection draft. Read and written as JSON with
/// SCIM's own reader and writer, so a user's attributes round-trip byte for byte (key order,
/// number literals, unknown attributes).
public struct Workspace: Sendable, Equatable {
    public static let formatVersion = 1
    public var records: [UserRecord]
    public var connection: ConnectionDraft

    public init(records: [UserRecord] = [], connection: ConnectionDraft = ConnectionDraft()) {
        self.records = records
        self.connection = connection
    }

    public func encoded() -> [UInt8] {
        let c = connection
        var connection: JSONObject = [
            "tenant": .string(c.tenant), "clientId": .string(c.clientId), "endpoint": .string(c.endpoint),
            "authority": .string(c.authority), "profile": .string(c.profile),
            "cloud": .string(c.cloud.rawValue), "credential": .string(c.credential.spelling),
            "label": .string(c.label), "accent": .string(c.accent.rawValue), "caFile": .string(c.caFile),
        ]
        if let quota = c.dailyQuota { connection.append("dailyQuota", .number(JSONNumber(quota))) }
        if case .certificate(let certificate, let key) = c.credential {
            connection.append("certificate", .string(certificate))
            connection.append("privateKey", .string(key))
        }
        let root: JSONObject = [
            "scimtermWorkspace": .number(JSONNumber(Self.formatVersion)),
            "connection": .object(connection),
            "users": .array(records.map { .object($0.data) }),
        ]
        return JSONWriter(style: .pretty()).bytes(.object(root))
    }

    /// Reads a workspace file; the error says what is wrong and where.
    public static func decode(_ bytes: [UInt8]) throws(WorkspaceError) -> Workspace {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw WorkspaceError("not valid JSON at \(error.position): \(error.message)") }
        guard let root = value.objectValue, root["scimtermWorkspace"] != nil else {
            throw WorkspaceError("not a scimterm workspace (no \"scimtermWorkspace\" member)")
        }
        let c = root["connection"]?.objectValue ?? JSONObject()
        func text(_ key: String) -> String { c[key]?.stringValue ?? "" }
        let draft = ConnectionDraft(tenant: text("tenant"), clientId: text("clientId"), endpoint: text("endpoint"),
                                    authority: text("authority"), profile: text("profile"),
                                    cloud: Cloud(rawValue: text("cloud")) ?? .global,
                                    credential: CredentialSource(spelling: text("credential"), certificatePath: text("certificate"),
                                                                 privateKeyPath: text("privateKey")) ?? .prompt,
                                    label: text("label"), accent: Accent(rawValue: text("accent")) ?? .blue,
                                    caFile: text("caFile"), dailyQuota: c["dailyQuota"]?.numberValue?.intValue)
        let users = root["users"]?.arrayValue ?? []
        return Workspace(records: users.compactMap { $0.objectValue.map { UserRecord(data: $0) } }, connection: draft)
    }
}

/// A workspace that could not be read or written, worded for the status line.
public struct WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
