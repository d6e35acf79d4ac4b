import Foundation
import SCIM

/// The reconciliation as `logs --summary` prints it and the TUI shows it: a table (every value from
/// the service made safe for the terminal) or JSON.
extension UploadReconciliation {
    /// The columns, in order; deleted and other only when some entry has them.
    public var columns: [Outcome] {
        Outcome.allCases.filter { ($0 != .deleted && $0 != .other) || total($0) > 0 }
    }

    /// "100 sent · 97 created · 1 updated · … · 1 not yet seen".
    public var totalsLine: String {
        (["\(sent) sent"] + columns.map { "\(total($0)) \($0.rawValue)" }).joined(separator: " · ")
    }

    public func tableLines(clock: (Date) -> String) -> [String] {
        var lines = ["send \(sendId): \(totalsLine)"]
        let names = ["upload", "request-id", "accepted", "sent"] + columns.map(\.rawValue)
        lines.append(names.joined(separator: "  "))
        for upload in uploads {
            var cells = ["\(upload.document + 1)".padded(6), (upload.requestId ?? "-").visibleControlCharacters.padded(10),
                         (upload.acceptedAt.map(clock) ?? "-").padded(8)]
            guard upload.accepted else {
                lines.append((cells + ["not accepted: \((upload.notAcceptedReason ?? "").visibleControlCharacters); \(upload.users) users not sent"])
                    .joined(separator: "  "))
                continue
            }
            cells.append("\(upload.users)".padded(4, right: true))
            cells += columns.map { "\(upload.count($0))".padded($0.rawValue.count, right: true) }
            lines.append(cells.joined(separator: "  "))
        }
        if !failures.isEmpty { lines.append("failed:") }
        for f in failures {
            lines.append("  \(f.externalId.visibleControlCharacters) (upload \(f.document + 1)): "
                + "\(f.errorCode.map { $0.visibleControlCharacters + ": " } ?? "")\(f.reason.visibleControlCharacters)")
            if let fix = f.fix { lines.append("      fix: \(fix.visibleControlCharacters)") }
        }
        return lines
    }

    public func json(iso: (Date) -> String) -> JSONValue {
        func counts(_ count: (Outcome) -> Int) -> JSONValue {
            .object(JSONObject(Outcome.allCases.map { (key: $0 == .notSeen ? "notYetSeen" : $0.rawValue, value: .number(JSONNumber(count($0)))) }))
        }
        let uploadValues: [JSONValue] = uploads.map { u in
            .object(JSONObject([
                (key: "upload", value: .number(JSONNumber(u.document + 1))),
                (key: "requestId", value: u.requestId.map(JSONValue.string) ?? .null),
                (key: "acceptedAt", value: u.acceptedAt.map { .string(iso($0)) } ?? .null),
                (key: "accepted", value: .bool(u.accepted)),
                (key: "notAcceptedReason", value: u.notAcceptedReason.map(JSONValue.string) ?? .null),
                (key: "users", value: .number(JSONNumber(u.users))),
                (key: "outcomes", value: counts(u.count)),
            ]))
        }
        let failureValues: [JSONValue] = failures.map { f in
            .object(JSONObject([
                (key: "externalId", value: .string(f.externalId)), (key: "upload", value: .number(JSONNumber(f.document + 1))),
                (key: "errorCode", value: f.errorCode.map(JSONValue.string) ?? .null), (key: "reason", value: .string(f.reason)),
                (key: "recommendedAction", value: f.fix.map(JSONValue.string) ?? .null),
            ]))
        }
        return .object(JSONObject([
            (key: "sendId", value: .string(sendId)), (key: "sent", value: .number(JSONNumber(sent))),
            (key: "outcomes", value: counts(total)), (key: "uploads", value: .array(uploadValues)),
            (key: "failures", value: .array(failureValues)),
        ]))
    }
}

private extension String {
    func padded(_ width: Int, right: Bool = false) -> String {
        guard count < width else { return self }
        let pad = String(repeating: " ", count: width - count)
        return right ? pad + self : self + pad
    }
}
