import ArgumentParser

/// Benchmarks whose figures go in the README (see Benchmarks/README.md for how they are run).
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimterm-bench",
        abstract: "Generate benchmark inputs and measure scimterm's hot paths.",
        subcommands: [GenerateHRCSV.self, PhaseTimes.self, TUIBench.self, AppBench.self, EmulatorBench.self, ActivityBench.self,
                      MappingEvalBench.self])
}
