import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a client secret comes from. Never argv: command lines end up in shell history and `ps`.
public enum SecretSource: Sendable, Equatable {
    case environment(String)
    case file(String)
    case prompt

    public static let defaultVariable = "SCIMTERM_CLIENT_SECRET"

    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    public func read() throws(ReadError) -> ClientCredential.Secret {
        switch self {
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw ReadError(description: "the environment variable \(name) is not set")
            }
            return ClientCredential.Secret(value)
        case .file(let path):
            return try Self.readFile(path)
        case .prompt:
            return try Self.prompt()
        }
    }

    /// A secret file must not be readable by others, as ssh insists for keys. The mode checked is the
    /// file's own: a symbolic link (mode 777 itself, and unchangeable) to a 0600 file is fine, and a
    /// wider target is named so the chmod suggested is one that helps.
    static func readFile(_ path: String) throws(ReadError) -> ClientCredential.Secret {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError(description: "\(path): cannot read the secret file (\(String(cString: strerror(errno))))") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ReadError(description: "\(path) is not a regular file") }
        let permissions = Int(info.st_mode) & 0o777
        guard permissions & 0o077 == 0 else {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { _ in
                URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            }
            let named = target ?? path
            let via = target.map { _ in " (the file \(path) links to)" } ?? ""
            throw ReadError(description: "\(named)\(via) is readable by others (mode \(String(permissions, radix: 8))); run chmod 600 \(named)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ReadError(description: "\(path): cannot read the secret file")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw ReadError(description: "\(path) is empty") }
        return ClientCredential.Secret(secret)
    }

    /// Reads from the controlling terminal with echo off, so the secret never shows or lands in scrollback.
    static func prompt() throws(ReadError) -> ClientCredential.Secret {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else { throw ReadError(description: "no terminal to ask for the client secret; use \(defaultVariable) or --client-secret-file") }
        defer { close(fd) }
        let question = "Client secret: "
        _ = question.withCString { write(fd, $0, strlen($0)) }
        var original = termios()
        tcgetattr(fd, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSAFLUSH, &silent)
        defer {
            tcsetattr(fd, TCSAFLUSH, &original)
            _ = "\n".withCString { write(fd, $0, 1) }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(fd, &byte, 1) == 1, byte != 0x0A, byte != 0x0D { bytes.append(byte) }
        let secret = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !secret.isEmpty else { throw ReadError(description: "no client secret entered") }
        return ClientCredential.Secret(secret)
    }
}
