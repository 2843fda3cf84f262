/// A command-line mistake: the message is printed with the usage and the tool exits with status 2.
struct UsageError: Error, CustomStringConvertible {
    /// What was wrong with the arguments.
    let description: String
}

/// The parsed command line of `sampledata`.
struct Arguments: Sendable {
    /// The datasets the tool can write, in writing order.
    static let datasets = ["tickets", "complaints", "targets", "feedback", "mystery_shopper", "servqual", "agents"]
    /// The default number of tickets (the committed SampleData).
    static let defaultRows = 48_000
    /// The default seed (the committed SampleData).
    static let defaultSeed: UInt64 = 20_250_707

    /// Directory the CSV files are written to (created when missing).
    var outputDirectory = "SampleData"
    /// Number of ticket rows.
    var rows = Arguments.defaultRows
    /// Seed of every random stream.
    var seed = Arguments.defaultSeed
    /// The datasets to write (all by default).
    var only = Arguments.datasets
    /// True to read every written file back and check it (and the story, for tickets.csv).
    var check = false
    /// True when only the usage text was asked for.
    var wantsHelp = false

    /// The usage text.
    static let usage = """
        usage: sampledata [--out DIR] [--rows N] [--seed S] [--only NAME[,NAME…]] [--check]

        Writes the Northwind Energy sample datasets as CSV files (deterministic: the same arguments give
        byte-identical files on every machine).

          --out DIR     output directory, created if missing (default: SampleData)
          --rows N      number of tickets in tickets.csv, 1…100000000 (default: \(defaultRows))
          --seed S      seed of the generator, a non-negative integer (default: \(defaultSeed))
          --only NAMES  write only these datasets, comma-separated, from:
                        \(datasets.joined(separator: ", "))
          --check       read every written file back and check it: strict RFC 4180, header, every
                        value against its column's rule, and (tickets.csv) that the planted story shows
          -h, --help    show this text
        """

    /// Parses the arguments (without the program name).
    init(parsing arguments: [String]) throws(UsageError) {
        var index = 0
        /// The value after an option, or an error naming the option.
        func value(for option: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(description: "\(option) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            var option = argument
            var inline: String? = nil
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                option = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            /// The option's value, given inline (`--rows=5`) or as the next argument.
            func next() throws(UsageError) -> String {
                if let inline { return inline }
                return try value(for: option)
            }
            switch option {
            case "--out":
                let path = try next()
                guard !path.isEmpty else { throw UsageError(description: "--out needs a non-empty directory") }
                outputDirectory = path
            case "--rows":
                let text = try next()
                guard let n = Int(text), n >= 1, n <= 100_000_000 else {
                    throw UsageError(description: "--rows expects an integer from 1 to 100000000, got '\(text)'")
                }
                rows = n
            case "--seed":
                let text = try next()
                guard let s = UInt64(text) else {
                    throw UsageError(description: "--seed expects a non-negative integer, got '\(text)'")
                }
                seed = s
            case "--only":
                let text = try next()
                let names = text.split(separator: ",").map { $0.trimmingSpaces() }
                guard !names.isEmpty else { throw UsageError(description: "--only needs at least one dataset name") }
                for name in names where !Arguments.datasets.contains(name) {
                    throw UsageError(
                        description: "unknown dataset '\(name)' for --only; choose from "
                            + Arguments.datasets.joined(separator: ", "))
                }
                only = Arguments.datasets.filter { names.contains($0) }
            case "--check":
                check = true
            case "-h", "--help":
                wantsHelp = true
            default:
                throw UsageError(description: "unknown argument '\(argument)'")
            }
            index += 1
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
