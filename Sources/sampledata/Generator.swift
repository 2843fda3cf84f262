#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the requested dataset generators into the output directory.
struct Generator {
    /// The parsed command line.
    let arguments: Arguments

    /// Writes every requested file and reports each on stderr.
    func run() throws {
        try makeDirectory(arguments.outputDirectory)
        let seed = arguments.seed
        let agents = Roster.agents(seed: seed)
        let wanted = Set(arguments.only)
        var dailyCounts: [Int]? = nil

        if wanted.contains("tickets") {
            let path = file("tickets.csv")
            let start = clock()
            dailyCounts = try TicketsGenerator(seed: seed, rows: arguments.rows, agents: agents).write(to: path)
            try finish(path, rows: arguments.rows, seconds: Double(clock() - start) / Double(CLOCKS_PER_SEC))
        }
        if wanted.contains("complaints") {
            let counts = dailyCounts ?? TicketsGenerator.dailyCounts(seed: seed, rows: arguments.rows)
            let path = file("complaints.csv")
            try finish(path, rows: try ComplaintsGenerator(seed: seed, dailyContacts: counts).write(to: path))
        }
        if wanted.contains("targets") {
            let path = file("targets.csv")
            try finish(path, rows: try TargetsGenerator().write(to: path))
        }
        if wanted.contains("feedback") {
            let path = file("feedback.csv")
            try finish(path, rows: try FeedbackGenerator(seed: seed).write(to: path))
        }
        if wanted.contains("mystery_shopper") {
            let path = file("mystery_shopper.csv")
            try finish(path, rows: try MysteryShopperGenerator(seed: seed).write(to: path))
        }
        if wanted.contains("servqual") {
            let path = file("servqual.csv")
            try finish(path, rows: try ServqualGenerator(seed: seed).write(to: path))
        }
        if wanted.contains("agents") {
            let path = file("agents.csv")
            try finish(path, rows: try AgentsGenerator(agents: agents).write(to: path))
        }
    }

    /// The path of a file inside the output directory.
    private func file(_ name: String) -> String {
        arguments.outputDirectory.hasSuffix("/") ? arguments.outputDirectory + name
            : arguments.outputDirectory + "/" + name
    }

    /// Reports a written file and, with `--check`, reads it back and checks it.
    private func finish(_ path: String, rows: Int, seconds: Double? = nil) throws(CheckError) {
        report(path, rows: rows, seconds: seconds)
        guard arguments.check else { return }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        _ = try Checker.check(path: path, name: name, expectedRows: rows)
        printError("check: \(path): header, \(rows) records and every value ok")
        if name == "tickets.csv" && rows >= StoryCheck.minimumRows {
            printError("check: story: " + (try StoryCheck.check(path: path)))
        }
    }

    /// Prints `path: N rows, B bytes` to stderr.
    private func report(_ path: String, rows: Int, seconds: Double? = nil) {
        var info = stat()
        let bytes = stat(path, &info) == 0 ? Int(info.st_size) : -1
        var line = "\(path): \(rows) rows, \(bytes) bytes"
        if let seconds { line += ", \((seconds * 100).rounded() / 100) s CPU" }
        printError(line)
    }

    /// Creates a directory and its missing parents.
    private func makeDirectory(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            var info = stat()
            if stat(prefix, &info) == 0 {
                if (info.st_mode & S_IFMT) != S_IFDIR {
                    throw OutputError(description: "\(prefix) exists and is not a directory")
                }
                continue
            }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw OutputError(description: "cannot create directory \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }
}
