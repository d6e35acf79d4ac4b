/// Draws injected faults from a seeded generator, so a failing test run can be replayed exactly.
struct FaultInjector: Sendable {
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

    /// One draw per call: the faults' rates laid end to end over 0..<1, in the table's order.
    mutating func draw() -> EmulatorFault? {
        guard config.isActive else { return nil }
        let r = nextUnit()
        var edge = 0.0
        for fault in EmulatorFault.allCases {
            edge += config.rate(fault)
            if r < edge { return fault }
        }
        return nil
    }
}
