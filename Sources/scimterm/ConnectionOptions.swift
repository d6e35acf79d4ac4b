import ArgumentParser
import Foundation
import Provisioning

/// Where to connect and as whom. The secret itself is never an option: it comes from
/// SCIMTERM_CLIENT_SECRET, a 0600 file, or a prompt on the terminal.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The portal's \"Provisioning API Endpoint\" (…/bulkUpload).", valueName: "URL"))
    var endpoint: String?
    @Option(help: ArgumentHelp("Service principal object id (instead of --endpoint).", valueName: "ID"))
    var servicePrincipal: String?
    @Option(help: ArgumentHelp("Job id (instead of --endpoint).", valueName: "ID")) var jobId: String?
    @Option(help: "Graph API version with --service-principal: v1.0 or beta.") var apiVersion: String = "v1.0"
    @Option(help: "Tenant id or verified domain.") var tenant: String
    @Option(help: "Application (client) id.") var clientId: String
    @Option(help: "Cloud: global, usgov, dod, china.") var cloud: Cloud?
    @Option(help: ArgumentHelp("Base URL of the token service (the emulator, a proxy).", valueName: "URL")) var authority: String?
    @Option(help: ArgumentHelp("Extra CA certificates to trust (PEM).", valueName: "FILE")) var caFile: String?
    @Option(help: ArgumentHelp("Read the client secret from this environment variable.", valueName: "NAME"))
    var clientSecretEnv: String = SecretSource.defaultVariable
    @Option(help: ArgumentHelp("Read the client secret from this file (mode 0600).", valueName: "FILE")) var clientSecretFile: String?
    @Option(help: ArgumentHelp("Certificate (PEM) for a client assertion instead of a secret.", valueName: "FILE")) var certificate: String?
    @Option(help: ArgumentHelp("Private key (PEM, RSA) of --certificate.", valueName: "FILE")) var privateKey: String?
    @Option(help: "Assertion signature: ps256 (x5t#S256) or rs256 (x5t).") var assertionAlg: String = "ps256"

    func settings() throws -> ConnectionSettings {
        var parsed: ProvisioningEndpoint
        if let endpoint {
            do {
                parsed = try ProvisioningEndpoint(parsing: endpoint)
            } catch {
                throw ValidationError("--endpoint: \(error)")
            }
        } else if let servicePrincipal, let jobId {
            guard let version = ProvisioningEndpoint.Version(rawValue: apiVersion) else {
                throw ValidationError("--api-version must be v1.0 or beta")
            }
            parsed = ProvisioningEndpoint(cloud: cloud ?? .global, version: version, servicePrincipalId: servicePrincipal, jobId: jobId)
            do { try parsed.checkIdentifiers() } catch { throw ValidationError("\(error)") }
        } else {
            throw ValidationError("give --endpoint URL, or --service-principal ID and --job-id ID")
        }
        if let cloud { parsed.cloud = cloud }
        return ConnectionSettings(tenant: tenant, clientId: clientId, endpoint: parsed, authority: authority)
    }

    func credential() throws -> ClientCredential {
        if let certificate {
            guard let privateKey else { throw ValidationError("--certificate needs --private-key") }
            guard let alg = CertificateCredential.Algorithm(rawValue: assertionAlg.uppercased()) else {
                throw ValidationError("--assertion-alg must be ps256 or rs256")
            }
            do {
                let cert = try String(contentsOfFile: certificate, encoding: .utf8)
                let key = try String(contentsOfFile: privateKey, encoding: .utf8)
                return .certificate(try CertificateCredential(certificatePEM: cert, privateKeyPEM: key, algorithm: alg))
            } catch {
                throw ValidationError("certificate: \(error)")
            }
        }
        let source: SecretSource
        if let clientSecretFile {
            source = .file(clientSecretFile)
        } else if ProcessInfo.processInfo.environment[clientSecretEnv]?.isEmpty == false {
            source = .environment(clientSecretEnv)
        } else if isatty(STDIN_FILENO) == 1 {
            source = .prompt
        } else {
            throw ValidationError("no client secret: set \(clientSecretEnv), use --client-secret-file, or run on a terminal to be asked")
        }
        do {
            return .secret(try source.read())
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// A connected client; the caller shuts the transport down.
    func client(recorder: ExchangeRecorder) throws -> GraphClient {
        let settings = try settings()
        let credential = try credential()
        do {
            return try GraphClient.live(settings: settings, credential: credential, caFile: caFile, recorder: recorder).client
        } catch {
            throw ValidationError(error.description)
        }
    }
}

extension Cloud: ExpressibleByArgument {}
