/// How many diagnostics a validation keeps: per rule and in all.
///
/// A file of a million empty objects breaks the same four rules a million times; printing them all
/// tells nobody more than the first thousand and a count, and holding them took gigabytes.
public struct DiagnosticLimits: Sendable, Equatable {
    public var perRule: Int
    public var total: Int

    public init(perRule: Int, total: Int) {
        self.perRule = max(0, perRule)
        self.total = max(0, total)
    }

    /// Everything kept: for the TUI, which shows each user's own findings.
    public static let unlimited = DiagnosticLimits(perRule: .max, total: .max)
    /// What the command line prints: the first 1,000 of each rule, 10,000 in all, then counts.
    public static let commandLine = DiagnosticLimits(perRule: 1_000, total: 10_000)

    var isUnlimited: Bool { perRule == .max && total == .max }
}

/// Gathers diagnostics under `DiagnosticLimits` as they are produced, counting what it drops.
///
/// Each worker fills its own and they are merged in order, so no step ever holds more than the
/// limits' worth per worker.
struct DiagnosticCap: Sendable {
    let limits: DiagnosticLimits
    private(set) var kept: [Diagnostic] = []
    /// How many of each rule were kept.
    private var keptByRule: [String: Int] = [:]
    /// How many of each rule were dropped, and the severity to report them under.
    private var dropped: [String: (count: Int, severity: Diagnostic.Severity)] = [:]
    /// Rules in the order they were first dropped, so the summaries come out the same every run.
    private var droppedOrder: [String] = []

    init(_ limits: DiagnosticLimits) { self.limits = limits }

    mutating func add(_ d: Diagnostic) {
        if limits.isUnlimited {
            kept.append(d)
            return
        }
        let count = keptByRule[d.rule, default: 0]
        if count < limits.perRule && kept.count < limits.total {
            keptByRule[d.rule] = count + 1
            kept.append(d)
        } else {
            drop(d.rule, severity: d.severity, count: d.summarised ?? 1)
        }
    }

    mutating func add(contentsOf ds: some Sequence<Diagnostic>) {
        for d in ds { add(d) }
    }

    /// Appends another cap's findings after this one's, as if they had been added here.
    mutating func merge(_ other: DiagnosticCap) {
        add(contentsOf: other.kept)
        for rule in other.droppedOrder {
            if let d = other.dropped[rule] { drop(rule, severity: d.severity, count: d.count) }
        }
    }

    /// The kept diagnostics changed one for one (located, placed): the counts stay.
    mutating func replaceKept(_ ds: [Diagnostic]) { kept = ds }

    /// Findings known only by their number (what a stream could not keep).
    mutating func countDropped(_ rule: String, severity: Diagnostic.Severity, count: Int) {
        drop(rule, severity: severity, count: count)
    }

    private mutating func drop(_ rule: String, severity: Diagnostic.Severity, count: Int) {
        if let existing = dropped[rule] {
            dropped[rule] = (existing.count + count, min(existing.severity, severity))
        } else {
            dropped[rule] = (count, severity)
            droppedOrder.append(rule)
        }
    }

    /// How many were dropped in all.
    var droppedCount: Int { dropped.values.reduce(0) { $0 + $1.count } }

    /// One diagnostic per rule that lost some: "… and 299,000 more", under that rule.
    var summaries: [Diagnostic] {
        droppedOrder.compactMap { rule in
            guard let d = dropped[rule] else { return nil }
            var summary = Diagnostic(d.severity, rule: rule, source: "scimterm validate",
                                     message: "… and \(Self.grouped(d.count)) more",
                                     hint: "scimterm lists the first \(Self.grouped(limits.perRule)) of each rule and \(Self.grouped(limits.total)) in all")
            summary.summarised = d.count
            return summary
        }
    }

    /// The kept diagnostics followed by the summaries.
    var all: [Diagnostic] { kept + summaries }

    /// `299000` as `299,000`, the same in every locale.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
