import ArgumentParser
import Dispatch
import Foundation
import Mapping
import SCIM
import Settings

/// `scimterm-bench mapping-eval`: what the job's default mapping sets for N generated users (issue
/// 12's figure: 100,000 users, target ≤ 0.5 s). The users are the HR generator's rows converted by
/// examples/csv2scim-mapping.toml, as `scimterm convert` makes them; only the evaluation is timed.
/// The users are shared among the cores in chunks and each chunk's results are folded in order.
struct MappingEvalBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mapping-eval",
                                                    abstract: "Time the default mapping's evaluation for many users.")

    @Option(help: "Users to evaluate.") var users = 100_000
    @Option(help: "The CSV mapping that turns generated rows into users.") var mapping = "examples/csv2scim-mapping.toml"
    @Option(help: "Workers (default: the active cores).") var workers = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let records = try Self.records(users, mapping: mapping)
        let compiled = CompiledMapping(schema: .defaultAPIDriven)
        // A fixed clock: the figure must not depend on when it is measured.
        let context = EvaluationContext(now: Date(timeIntervalSince1970: 1_764_892_800))
        let started = DispatchTime.now()
        let totals = Self.evaluate(records, .defaultAPIDriven, context, workers: max(1, workers))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        print("| mapping-eval: the default mapping (\(compiled.mappings.count) targets) for \(records.count) users, "
              + "\(workers) workers | " + String(format: "%.3f s", seconds) + " | \(totals.flowing) values, "
              + "\(totals.nothing) not flowing, \(totals.failed) failed | peak \(ActivityBench.peakKB() / 1024) MiB |")
    }

    /// What one chunk of users came to, folded in the users' order.
    struct Totals: Sendable {
        var flowing = 0, nothing = 0, failed = 0

        /// As `failureMessage` and `flowingValue` would sort them, without copying any value out.
        mutating func add(_ user: ComputedUser) {
            for index in user.attributes.indices {
                switch user.attributes[index].outcome {
                case .failed: failed += 1
                case .value(.null), .null, .ignored: nothing += 1
                case .value, .defaulted: flowing += 1
                }
            }
        }

        mutating func add(_ other: Totals) {
            flowing += other.flowing
            nothing += other.nothing
            failed += other.failed
        }
    }

    static func evaluate(_ records: [JSONObject], _ schema: SynchronizationSchema, _ context: EvaluationContext, workers: Int) -> Totals {
        let chunk = 1_000
        let chunks = (records.count + chunk - 1) / chunk
        let slots = TotalsSlots(count: chunks)
        let next = ChunkCounter()
        // Threads of its own, not `concurrentPerform`: called from the command's task (a thread of
        // the cooperative pool), Dispatch now and then left the whole loop to one thread, and the
        // figure flipped between one core's time and two cores' (0.6 s / 0.35 s).
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread {
                // Each thread compiles its own: the compiled references are classes, and two cores
                // retaining and releasing the same objects fight over their cache lines.
                let compiled = CompiledMapping(schema: schema)
                while let c = next.take(below: chunks) {
                    var totals = Totals()
                    let range = (c * chunk)..<min(records.count, (c + 1) * chunk)
                    for user in compiled.evaluate(records: Array(records[range]), in: context) { totals.add(user) }
                    slots.set(c, totals)
                }
                done.leave()
            }
            thread.stackSize = 8 << 20  // the evaluator recurses over nested calls, as the main thread would
            thread.start()
        }
        done.wait()
        return slots.folded()
    }

    static func records(_ count: Int, mapping: String) throws -> [JSONObject] {
        var generator = HRRowGenerator(seed: 42)
        var text = HRRowGenerator.header + "\r\n"
        for i in 0..<count { text += generator.row(index: i) + "\r\n" }
        return try InputLoader.load(path: "generated.csv", bytes: Array(text.utf8), mappingPath: mapping).records.map(\.data)
    }
}

/// Hands out chunk numbers to the workers, each once.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// Each chunk's totals in its slot, so they fold in the users' order whichever worker finished first.
private final class TotalsSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [MappingEvalBench.Totals?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ totals: MappingEvalBench.Totals) {
        lock.lock()
        slots[index] = totals
        lock.unlock()
    }

    func folded() -> MappingEvalBench.Totals {
        var all = MappingEvalBench.Totals()
        for slot in slots { if let slot { all.add(slot) } }
        return all
    }
}
