import Foundation
import Mapping

/// Everything the emulator pretends exists: tenants, app registrations, service principals, jobs,
/// and how the service behaves (token lifetime, throttling, processing delay, faults).
///
/// Loaded from flags or a TOML file; the defaults are the sandbox a new user gets.
public struct EmulatorConfig: Sendable, Codable, Equatable {
    public var tenants: [Tenant]
    public var tokenLifetimeSeconds: Int = 3599
    /// Calls allowed per window on bulkUpload, per tenant (ENTRA.md §3: 40 per 5 s). 0 turns it off.
    public var rateLimit: Int = 40
    public var rateWindowSeconds: Double = 5
    /// Seconds between an accepted upload and its users appearing in the directory and the logs.
    public var processingDelaySeconds: Double = 3
    /// Uploads a paused or quarantined job holds before answering 500 "bucket full".
    public var bucketCapacity: Int = 20
    /// bulkUpload calls admitted per tenant in a rolling 24 hours (ENTRA.md §3: 2,000 on P1/P2,
    /// 6,000 on ID Governance), shared by every client and job of the tenant. 0 turns it off.
    public var dailyQuota: Int = 2000
    /// The job's "flow null values" option: an attribute a record leaves out (or sends as null) is
    /// cleared. Off, as in Entra by default: updates are partial and leave such attributes unchanged.
    public var flowNullValues: Bool = false
    public var faults: FaultConfig = FaultConfig()
    /// Request bodies past this many bytes are refused with 413 before they are read whole.
    /// Microsoft documents no byte limit for bulkUpload (ENTRA.md §3): the figure is ours, far above
    /// any 50-operation document, so only a runaway or hostile client meets it.
    public var maxBodyBytes: Int = 16 << 20
    /// A connection with no request for this long is closed; longer than AsyncHTTPClient's 60 s pool
    /// idle time, so a client never reuses a connection the emulator has just dropped.
    public var idleTimeoutSeconds: Int = 120
    /// The schema every job serves unless it has its own; nil: Microsoft's default for API-driven
    /// provisioning to Entra ID (`SynchronizationSchema.defaultAPIDriven`).
    public var schema: SynchronizationSchema?

    public init(tenants: [Tenant]) { self.tenants = tenants }

    public struct Tenant: Sendable, Codable, Equatable {
        public var id: String
        /// Verified domains that name the tenant as well as its GUID.
        public var domains: [String] = []
        public var apps: [App]
        public var servicePrincipals: [ServicePrincipal]

        public init(id: String, domains: [String] = [], apps: [App], servicePrincipals: [ServicePrincipal]) {
            self.id = id
            self.domains = domains
            self.apps = apps
            self.servicePrincipals = servicePrincipals
        }
    }

    public struct App: Sendable, Codable, Equatable {
        public var clientId: String
        public var displayName: String = "scimterm sandbox client"
        public var secrets: [Secret] = []
        /// PEM of certificates whose private keys may sign client assertions.
        public var certificates: [String] = []
        public var permissions: [String] = App.allPermissions
        public var disabled: Bool = false

        public static let allPermissions = ["SynchronizationData-User.Upload", "AuditLog.Read.All", "Synchronization.ReadWrite.All"]

        public init(clientId: String, secrets: [Secret] = [], certificates: [String] = [], permissions: [String] = App.allPermissions) {
            self.clientId = clientId
            self.secrets = secrets
            self.certificates = certificates
            self.permissions = permissions
        }
    }

    public struct Secret: Sendable, Codable, Equatable {
        public var value: String
        public var expired: Bool = false

        public init(value: String, expired: Bool = false) {
            self.value = value
            self.expired = expired
        }
    }

    public struct ServicePrincipal: Sendable, Codable, Equatable {
        public var id: String
        public var displayName: String = "API-driven provisioning to Microsoft Entra ID"
        public var jobs: [Job]

        public init(id: String, displayName: String = "API-driven provisioning to Microsoft Entra ID", jobs: [Job]) {
            self.id = id
            self.displayName = displayName
            self.jobs = jobs
        }
    }

    public struct Job: Sendable, Codable, Equatable {
        public var id: String
        /// NotConfigured | NotRun | Active | Paused | Quarantine
        public var state: String = "Active"
        /// One of Graph's `quarantineReason` values (see `quarantineReasons`), for a job in Quarantine.
        public var quarantineReason: String?
        /// This job's schema, when it differs from the configuration's.
        public var schema: SynchronizationSchema?

        /// Graph's `quarantineReason` enumeration (synchronizationQuarantine resource type).
        public static let quarantineReasons = [
            "EncounteredBaseEscrowThreshold", "EncounteredTotalEscrowThreshold", "EncounteredEscrowProportionThreshold",
            "EncounteredQuarantineException", "Unknown", "QuarantinedOnDemand", "TooManyDeletes", "IngestionInterrupted",
        ]

        public init(id: String, state: String = "Active", quarantineReason: String? = nil) {
            self.id = id
            self.state = state
            self.quarantineReason = quarantineReason
        }
    }
}

/// Faults to inject into bulkUpload answers, repeatable through the seed. Which faults exist is
/// `EmulatorFault`'s table; this holds their rates.
public struct FaultConfig: Sendable, Codable, Equatable {
    public var seed: UInt64 = 1
    public var rates: [EmulatorFault: Double] = [:]
    public var addedLatencyMilliseconds: Int = 0

    public init(seed: UInt64 = 1, internalErrorRate: Double = 0, unavailableRate: Double = 0, dropConnectionRate: Double = 0,
                throttleWithoutRetryAfterRate: Double = 0, addedLatencyMilliseconds: Int = 0) {
        self.seed = seed
        rates = [.internalError: internalErrorRate, .unavailable: unavailableRate, .dropConnection: dropConnectionRate,
                 .throttleWithoutRetryAfter: throttleWithoutRetryAfterRate].filter { $0.value > 0 }
        self.addedLatencyMilliseconds = addedLatencyMilliseconds
    }

    public func rate(_ fault: EmulatorFault) -> Double { rates[fault] ?? 0 }

    public var internalErrorRate: Double {
        get { rate(.internalError) }
        set { rates[.internalError] = newValue }
    }

    public var isActive: Bool { rates.values.contains { $0 > 0 } || addedLatencyMilliseconds > 0 }
}

extension EmulatorConfig {
    /// The sandbox: one tenant, one app with a fresh secret, one service principal with an active job.
    public static func sandbox(secret: String = EmulatorConfig.randomSecret()) -> EmulatorConfig {
        EmulatorConfig(tenants: [Tenant(
            id: SandboxIds.tenant, domains: ["sandbox.onmicrosoft.com"],
            apps: [App(clientId: SandboxIds.clientId, secrets: [Secret(value: secret)])],
            servicePrincipals: [ServicePrincipal(id: SandboxIds.servicePrincipal, jobs: [Job(id: SandboxIds.job)])])])
    }

    /// A secret shaped like Entra's (40 characters with `~` and `.`), unique per run.
    public static func randomSecret() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~.-_")
        var generator = SystemRandomNumberGenerator()
        return String((0..<40).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}

/// Fixed identifiers of the sandbox, so scripts and docs can name them.
public enum SandboxIds {
    public static let tenant = "8c1b3d9e-5a4f-4e2b-9c7d-0f6a2b1e3d4c"
    public static let clientId = "3f2e1d0c-9b8a-4765-a432-10fedcba9876"
    public static let servicePrincipal = "0b2b8f2c-7b71-4f8a-9a56-6c5d4e3f2a10"
    public static let job = "API2AAD.4f0f5f0d1c2b4a6e8d9c0b1a2f3e4d5c.1d2c3b4a-5e6f-4a8b-9c0d-1e2f3a4b5c6d"
}
