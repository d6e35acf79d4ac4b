import Foundation
import Provisioning

/// The Connect screen's CA file and the problems of the HTTPS transport (built by `GraphClient.live`),
/// worded for the screen. A CA file that is missing or holds no certificate is a problem worded
/// here, naming the file, before anything is sent: otherwise it would surface later as a puzzling
/// "certificate not trusted".
enum LiveTransport {
    /// The field's path with `~` expanded; nil for an empty field (the system's CAs only).
    static func checkedPath(_ field: String) -> Result<String?, ConnectionProblem> {
        let trimmed = field.trimmed
        guard !trimmed.isEmpty else { return .success(nil) }
        let path = (trimmed as NSString).expandingTildeInPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .failure(ConnectionProblem(
                headline: "The CA file \(path) does not exist",
                explanation: "The CA file names the PEM certificate of a private CA to trust, and there is no file at \(path).",
                fix: fixPath))
        }
        guard !isFolder.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            return .failure(ConnectionProblem(
                headline: "The CA file \(path) cannot be read",
                explanation: isFolder.boolValue ? "\(path) is a folder, not a PEM file." : "This user may not read \(path).",
                fix: fixPath))
        }
        return .success(path)
    }

    private static let fixPath = "Correct the CA file's path on this screen (~ is expanded), or empty it to trust only the system's CAs."

    /// A transport that could not be set up: nearly always a CA file (ours or SSL_CERT_FILE's) with
    /// no certificate in it.
    static func setupProblem(_ error: TransportError, caFile: String?) -> ConnectionProblem {
        if let caFile, error.message.contains(caFile) {
            return ConnectionProblem(
                headline: "The CA file \(caFile) holds no certificate",
                explanation: "No PEM certificate could be read from \(caFile) (\(error.message)).",
                fix: "Set the CA file to the CA's certificate in PEM form (text starting -----BEGIN CERTIFICATE-----), "
                    + "or empty it to trust only the system's CAs.")
        }
        return ConnectionProblem(headline: "Cannot set up HTTPS", explanation: error.message,
                                 fix: "Check SSL_CERT_FILE in the environment scimterm was started from: it must name a PEM file of CA certificates.")
    }

    /// A certificate nobody here trusts: the host, the transport's reason and the issuer when it read
    /// one, and the ways to trust a private CA, the TUI's own first. Short enough for 80 columns.
    static func untrusted(host: String, issuer: String?, detail: String) -> ConnectionProblem {
        let reason = detail.prefix(1).uppercased() + detail.dropFirst()
        return ConnectionProblem(
            headline: "Untrusted TLS certificate from \(host)",
            explanation: reason + (issuer.map { " (issued by \($0))." } ?? "."),
            fix: "Put the PEM of \(issuer ?? "the CA that issued it") in the profile's CA file (above), "
                + "or set SSL_CERT_FILE=FILE; the CLI takes --ca-file FILE.")
    }
}
