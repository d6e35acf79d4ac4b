import Foundation
import SCIM

/// Everything an evaluation reads. The clock, the GUID source and the random source are inputs, so
/// the same context gives the same result (tests never read the wall clock).
public struct EvaluationContext: Sendable {
    public var attributes: AttributeInputs
    /// What Now() answers; evaluated in UTC whatever the machine's time zone.
    public var now: Date
    public var guid: @Sendable () -> UUID
    public var random: RandomSource
    /// What DefaultDomain() answers; nil makes it fail, as Entra does without a default domain.
    public var defaultDomain: String?
    /// SelectUniqueValue asks this whether a candidate already exists in the target directory.
    public var isValueTaken: @Sendable (String) -> Bool

    public init(
        attributes: AttributeInputs = AttributeInputs(),
        now: Date,
        guid: @escaping @Sendable () -> UUID = { UUID() },
        random: RandomSource = .system,
        defaultDomain: String? = nil,
        isValueTaken: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.attributes = attributes
        self.now = now
        self.guid = guid
        self.random = random
        self.defaultDomain = defaultDomain
        self.isValueTaken = isValueTaken
    }

    /// The same context reading another record (the benchmark and the schema evaluate many).
    public func reading(_ attributes: AttributeInputs) -> EvaluationContext {
        var copy = self
        copy.attributes = attributes
        return copy
    }
}

/// Uniform random integers for RandomString: the system's, or a seeded sequence for tests.
public struct RandomSource: Sendable {
    private let draw: @Sendable (Int) -> Int

    /// `draw(n)` answers an integer in 0..<n.
    public init(_ draw: @escaping @Sendable (Int) -> Int) {
        self.draw = draw
    }

    public static let system = RandomSource { Int.random(in: 0..<$0) }

    /// A reproducible sequence (SplitMix64), for tests and for a CLI `--seed`.
    public static func seeded(_ seed: UInt64) -> RandomSource {
        let state = SeededState(seed)
        return RandomSource { state.next(below: $0) }
    }

    func next(below bound: Int) -> Int {
        bound <= 1 ? 0 : draw(bound)
    }
}

private final class SeededState: @unchecked Sendable {
    private var state: UInt64
    private let lock = NSLock()

    init(_ seed: UInt64) { state = seed }

    func next(below bound: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
