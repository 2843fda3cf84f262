/// Benchmark of the CSV reader (see issue: CSV reader).
enum CSVBenchmark {
    /// Runs the benchmark with command-line options.
    static func run(_ arguments: [String]) { print("csv: not yet implemented") }
}
