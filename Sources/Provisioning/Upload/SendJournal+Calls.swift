import Foundation
import GRDB

/// This machine's bulkUpload calls per tenant, for the daily quota (ENTRA.md §3: 2,000 or 6,000
/// calls per 24 h per tenant, shared by every client). Other machines' calls are invisible here, so
/// what this counts is a floor of what the tenant has used.
extension SendJournal {
    public static let quotaWindow: TimeInterval = 24 * 3600

    /// Records one call that reached Entra.
    public func recordCall(tenant: String, at now: Date) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO call (tenant, at) VALUES (?, ?)", arguments: [Self.tenantKey(tenant), now.timeIntervalSince1970])
            // Rows older than the window count for nothing; dropping them keeps the table small.
            try db.execute(sql: "DELETE FROM call WHERE at < ?", arguments: [now.addingTimeInterval(-2 * Self.quotaWindow).timeIntervalSince1970])
        }
    }

    /// Times of the calls to `tenant` in the 24 hours before `now`, oldest first.
    public func calls(tenant: String, now: Date) throws -> [Date] {
        try db.read { db in
            try Double.fetchAll(db, sql: "SELECT at FROM call WHERE tenant = ? AND at > ? ORDER BY at",
                                arguments: [Self.tenantKey(tenant), now.addingTimeInterval(-Self.quotaWindow).timeIntervalSince1970])
                .map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Tenant ids and domain names are case-insensitive.
    static func tenantKey(_ tenant: String) -> String { tenant.lowercased() }
}
