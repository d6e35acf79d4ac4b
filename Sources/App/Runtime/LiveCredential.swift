import Foundation
import Provisioning

/// Turns the Connect screen's credential choice into what the token provider signs in with:
/// the typed secret, the named environment variable, or the certificate and key files.
enum LiveCredential {
    static func resolve(_ input: CredentialInput, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<ClientCredential, ConnectionProblem>
    {
        switch input {
        case .secret(let value):
            return .success(.secret(.init(value)))
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                return .failure(ConnectionProblem(
                    headline: "The environment variable \(name) is not set",
                    explanation: "The credential is read from \(name) when connecting, and this process has no value for it.",
                    fix: "Quit, export \(name)=… in the shell, and start scimterm again; or pick another credential."))
            }
            return .success(.secret(.init(value)))
        case .certificate(let certificatePath, let keyPath):
            let certificate: String, key: String
            do {
                certificate = try read(certificatePath)
                key = try read(keyPath)
            } catch {
                return .failure(ConnectionProblem(headline: "Cannot read the certificate or key", explanation: error.description,
                                                  fix: "Check the paths (~ is expanded) and that the files are readable."))
            }
            do {
                return .success(.certificate(try CertificateCredential(certificatePEM: certificate, privateKeyPEM: key)))
            } catch {
                return .failure(ConnectionProblem(headline: "The certificate cannot be used", explanation: "\(error)",
                                                  fix: "Use the PEM certificate uploaded to the app registration and its unencrypted RSA key."))
            }
        }
    }

    private static func read(_ path: String) throws(WorkspaceError) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: expanded) else { throw WorkspaceError("cannot read \(expanded)") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A problem can be the failure side of a `Result`; it is already worded for a person.
extension ConnectionProblem: Error {}
