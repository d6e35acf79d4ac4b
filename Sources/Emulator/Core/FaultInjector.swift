/// Draws injected faults from a seeded generator, so a failing test run can be replayed exactly.
struct FaultInjector: Sendable {
    enum Fault: Equatable {
        case none, dropConnection, unavailable, internalError, throttleWithoutRetryAfter
    }

    var config: FaultConfig
    private var state: UInt64

    init(_ config: FaultConfig) {
        self.config = config
        state = config.seed
    }

    /// SplitMix64 → a double in 0..<1.
    private mutating func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    mutating func draw() -> Fault {
        guard config.isActive else { return .none }
        let r = nextUnit()
        var edge = config.dropConnectionRate
        if r < edge { return .dropConnection }
        edge += config.unavailableRate
        if r < edge { return .unavailable }
        edge += config.internalErrorRate
        if r < edge { return .internalError }
        edge += config.throttleWithoutRetryAfterRate
        if r < edge { return .throttleWithoutRetryAfter }
        return .none
    }
}
