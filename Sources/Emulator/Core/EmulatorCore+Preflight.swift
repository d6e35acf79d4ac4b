import Foundation

extension EmulatorCore {
    /// The answer a Graph call gets before its body is read: 401 when its token is missing or
    /// invalid, as Graph checks the token first. The server asks this with the head only, so a
    /// client without a token cannot make the emulator hold a large body in memory.
    public func preflight(_ head: EmulatorRequest, now: Date = Date()) -> EmulatorResponse? {
        let parts = head.path.split(separator: "/").map(String.init)
        guard let version = parts.first, version == "v1.0" || version == "beta", parts.count >= 3 else { return nil }
        let logs = parts[1].lowercased() == "auditlogs" && parts[2].lowercased() == "provisioning"
        let job = parts.count >= 6 && parts[1].lowercased() == "serviceprincipals" && parts[3] == "synchronization" && parts[4] == "jobs"
        guard logs || job else { return nil }
        do throws(GraphError) {
            _ = try authenticate(head, tenantOf: job ? parts[2] : nil, now: now)
            return nil
        } catch {
            return Self.graph(error, head, now)
        }
    }

    /// Bodies past `config.maxBodyBytes` are refused with 413 before they are read whole.
    public func bodyTooLarge(_ head: EmulatorRequest, now: Date = Date()) -> EmulatorResponse {
        Self.graph(.requestTooLarge(limit: config.maxBodyBytes), head, now)
    }
}
