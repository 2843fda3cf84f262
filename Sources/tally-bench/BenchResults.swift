#if canImport(Glibc)
import Glibc
#endif
import TallyCore

/// The machine-readable results file every stage appends to: tab-separated, one measurement a row.
///
/// Columns: `when` (UTC, ISO 8601) · `stage` · `measurement` · `rows` · `runs` · `wall_median_s` · `wall_min_s` ·
/// `wall_max_s` · `cpu_median_s` · `peak_rss_mb` · `load1` (the 1-minute load average when it was measured).
/// Empty cells are measurements that do not apply. The path is `.build/bench/results.tsv` in the working
/// directory, or `$TALLY_BENCH_RESULTS`.
enum BenchResults {
    /// One row of the file.
    struct Row: Sendable {
        /// Benchmark name (`pipeline`, `csv`, …).
        var stage: String
        /// What was measured (`read`, `process`, …).
        var measurement: String
        /// Input rows, when the measurement has them.
        var rows: Int?
        /// Number of measured runs, when known.
        var runs: Int?
        /// Wall seconds: median, min, max.
        var wall: (median: Double, min: Double?, max: Double?)
        /// Median CPU seconds, when measured.
        var cpu: Double?
        /// Peak resident set in bytes, when measured.
        var peakRSS: Int? = nil
    }

    /// Appends one row of wall-time runs (median, min, max) and optional CPU-time runs (median).
    static func append(stage: String, measurement: String, rows: Int?, wall: [Double], cpu: [Double] = []) {
        let sorted = wall.sorted()
        guard let first = sorted.first, let last = sorted.last else { return }
        let cpuSorted = cpu.sorted()
        append([Row(
            stage: stage, measurement: measurement, rows: rows, runs: sorted.count, wall: (sorted[sorted.count / 2], first, last),
            cpu: cpuSorted.isEmpty ? nil : cpuSorted[cpuSorted.count / 2])])
    }

    /// The header line.
    static let header = "when\tstage\tmeasurement\trows\truns\twall_median_s\twall_min_s\twall_max_s\tcpu_median_s\tpeak_rss_mb\tload1"

    /// Where results go.
    static var path: String { LocalWorld().environment("TALLY_BENCH_RESULTS") ?? ".build/bench/results.tsv" }

    /// Appends rows (writing the header first when the file is new); prints a note when it cannot.
    static func append(_ rows: [Row]) {
        let file = path
        let directory = Path.directory(of: file)
        if !directory.isEmpty, directory != "." { try? LocalWorld().createDirectories(directory) }
        let isNew = !LocalWorld().fileExists(file)
        guard let handle = fopen(file, "a") else {
            print("results: cannot append to \(file)")
            return
        }
        defer { fclose(handle) }
        var text = isNew ? header + "\n" : ""
        let when = timestamp()
        let load = loadAverage().map { fixed($0, 2) } ?? ""
        for row in rows {
            let rows: String = row.rows.map { String($0) } ?? ""
            let cpu: String = row.cpu.map { fixed($0, 4) } ?? ""
            let rss: String = row.peakRSS.map { fixed(Double($0) / 1_000_000, 1) } ?? ""
            let wall: [String] = [fixed(row.wall.median, 4), row.wall.min.map { fixed($0, 4) } ?? "", row.wall.max.map { fixed($0, 4) } ?? ""]
            let cells: [String] = [when, row.stage, row.measurement, rows, row.runs.map { String($0) } ?? ""] + wall + [cpu, rss, load]
            text += cells.joined(separator: "\t") + "\n"
        }
        fputs(text, handle)
    }

    /// The 1-minute load average, or nil.
    static func loadAverage() -> Double? {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) >= 1 ? loads[0] : nil
    }

    /// Now in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `value` with `places` decimals.
    static func fixed(_ value: Double, _ places: Int) -> String { NumberFormat.fixed(value, places) }
}
