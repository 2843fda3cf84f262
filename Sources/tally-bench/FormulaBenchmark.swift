/// Benchmark of formula evaluation (see issue: formulas).
enum FormulaBenchmark {
    /// Runs the benchmark with command-line options.
    static func run(_ arguments: [String]) { print("formula: not yet implemented") }
}
