import TallyCore

/// Text, Markdown and results-file forms of the pipeline benchmark's measurements.
enum PipelineReport {
    /// Median, minimum and maximum of a list (zeros when empty); the median of an even count is the upper one.
    static func spread(_ values: [Double]) -> (median: Double, min: Double, max: Double) {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last else { return (0, 0, 0) }
        return (sorted[sorted.count / 2], first, last)
    }

    /// `10k`, `100k`, `1M`, or the number.
    static func rowsLabel(_ rows: Int) -> String {
        if rows >= 1_000_000, rows % 1_000_000 == 0 { return "\(rows / 1_000_000)M" }
        if rows >= 1000, rows % 1000 == 0 { return "\(rows / 1000)k" }
        return String(rows)
    }

    /// Milliseconds with one decimal.
    static func ms(_ seconds: Double) -> String { NumberFormat.fixed(seconds * 1000, 1) }

    /// Megabytes (10^6) with no decimals.
    static func mb(_ bytes: Int) -> String { NumberFormat.fixed(Double(bytes) / 1_000_000, 0) }

    /// The sum of the stage medians, wall and CPU.
    static func stageTotal(_ result: SizeResult) -> (wall: Double, cpu: Double) {
        result.stages.reduce((0, 0)) { ($0.0 + spread($1.wall).median, $0.1 + spread($1.cpu).median) }
    }

    /// The whole-process figures: wall spread, median CPU, largest peak RSS.
    static func process(_ result: SizeResult) -> (wall: (median: Double, min: Double, max: Double), cpu: Double, peakRSS: Int) {
        (spread(result.process.map(\.wall)), spread(result.process.map(\.cpu)).median, result.process.map(\.peakRSS).max() ?? 0)
    }

    /// Two summary lines for one size, printed as soon as it is measured.
    static func summary(_ result: SizeResult) -> String {
        let label = rowsLabel(result.rows)
        let stages = result.stages.map { "\($0.stage.label) \(ms(spread($0.wall).median))" }.joined(separator: " · ")
        let total = stageTotal(result)
        let whole = process(result)
        return "pipeline: \(label) rows, stages in process (median ms wall): \(stages) · sum \(ms(total.wall)) (CPU \(ms(total.cpu)))\n"
            + "pipeline: \(label) rows, tally build (\(result.process.count) runs): wall median \(ms(whole.wall.median)) ms "
            + "(min \(ms(whole.wall.min)), max \(ms(whole.wall.max))), CPU \(ms(whole.cpu)) ms, peak RSS \(mb(whole.peakRSS)) MB"
    }

    /// Rows for the results file: one per stage and one for the whole process.
    static func resultRows(_ result: SizeResult) -> [BenchResults.Row] {
        var rows = result.stages.map { sample in
            let wall = spread(sample.wall)
            return BenchResults.Row(
                stage: "pipeline", measurement: sample.stage.key, rows: result.rows, runs: sample.wall.count, wall: (wall.median, wall.min, wall.max),
                cpu: spread(sample.cpu).median)
        }
        let whole = process(result)
        rows.append(BenchResults.Row(
            stage: "pipeline", measurement: "process", rows: result.rows, runs: result.process.count,
            wall: (whole.wall.median, whole.wall.min, whole.wall.max), cpu: whole.cpu,
            peakRSS: whole.peakRSS))
        return rows
    }

    /// Pads `text` on the left to `width` characters.
    static func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

    /// The plain-text table of every size: stage medians and the whole process.
    static func table(_ results: [SizeResult]) -> String {
        let headings = ["rows", "CSV MB"] + PipelineStage.allCases.map(\.label) + ["stages", "process", "min–max", "CPU", "peak RSS MB"]
        var lines = [headings.map { pad($0, 15) }.joined()]
        for result in results {
            let whole = process(result)
            let cells = [rowsLabel(result.rows), mb(result.bytes)] + result.stages.map { ms(spread($0.wall).median) }
                + [ms(stageTotal(result).wall), ms(whole.wall.median), "\(ms(whole.wall.min))–\(ms(whole.wall.max))", ms(whole.cpu), mb(whole.peakRSS)]
            lines.append(cells.map { pad($0, 15) }.joined())
        }
        return "pipeline: median wall ms (stages in process; process = tally build as a child)\n" + lines.joined(separator: "\n")
    }

    /// Cost per 1M rows at each size, and the marginal cost between sizes: linear when the marginal costs agree.
    static func linearity(_ results: [SizeResult]) -> String {
        let sorted = results.sorted { $0.rows < $1.rows }
        func perMillion(_ seconds: Double, _ rows: Int) -> String { NumberFormat.fixed(seconds / Double(rows) * 1e6, 3) }
        var lines = ["pipeline: linearity, seconds per 1M rows (wall; process includes its fixed start-up and fonts)"]
        for result in sorted {
            let stages = result.stages.map { "\($0.stage.key) \(perMillion(spread($0.wall).median, result.rows))" }.joined(separator: " ")
            lines.append("pipeline:   at \(pad(rowsLabel(result.rows), 4)): process \(perMillion(process(result).wall.median, result.rows)) · \(stages)")
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let added = Double(b.rows - a.rows)
            let marginal = (process(b).wall.median - process(a).wall.median) / added * 1e6
            let stages = PipelineStage.allCases.map { stage in
                "\(stage.key) \(NumberFormat.fixed((spread(b.stages[stage.rawValue].wall).median - spread(a.stages[stage.rawValue].wall).median) / added * 1e6, 3))"
            }.joined(separator: " ")
            lines.append("pipeline:   marginal \(rowsLabel(a.rows))→\(rowsLabel(b.rows)): process \(NumberFormat.fixed(marginal, 3)) · \(stages)")
        }
        return lines.joined(separator: "\n")
    }

    /// One issue #12 target: what, the limit, the measured value and whether it is met; nil when that size was not measured.
    static func checks(_ results: [SizeResult]) -> [(what: String, measured: String, met: Bool)] {
        var checks: [(String, String, Bool)] = []
        if let small = results.first(where: { $0.rows == 10_000 }) {
            let wall = process(small).wall.median
            checks.append(("whole process at 10k rows ≤ 200 ms", "\(ms(wall)) ms", wall <= 0.2))
        }
        if let large = results.first(where: { $0.rows == 1_000_000 }) {
            let whole = process(large)
            checks.append(("whole process at 1M rows ≤ 500 ms", "\(ms(whole.wall.median)) ms", whole.wall.median <= 0.5))
            checks.append(("peak RSS at 1M rows ≤ 300 MB", "\(mb(whole.peakRSS)) MB", whole.peakRSS <= 300_000_000))
        }
        return checks
    }

    /// The targets as text lines.
    static func targets(_ results: [SizeResult]) -> String {
        checks(results).map { "pipeline: target \($0.what): \($0.measured) — \($0.met ? "met" : "NOT met")" }.joined(separator: "\n")
    }

    /// The tables for BENCHMARKS.md.
    static func markdown(_ results: [SizeResult]) -> String {
        var lines = ["<!-- tally-bench pipeline --markdown, load average \(BenchResults.loadAverage().map { NumberFormat.fixed($0, 2) } ?? "?") at the end -->", ""]
        lines.append("| rows | CSV | " + PipelineStage.allCases.map(\.label).joined(separator: " | ") + " | sum of stages |")
        lines.append("|---:|---:|" + String(repeating: "---:|", count: PipelineStage.allCases.count + 1))
        for result in results {
            let total = stageTotal(result)
            let stages = result.stages.map { "\(ms(spread($0.wall).median)) (\(ms(spread($0.cpu).median)))" }
            lines.append("| \(rowsLabel(result.rows)) | \(mb(result.bytes)) MB | " + stages.joined(separator: " | ") + " | \(ms(total.wall)) (\(ms(total.cpu))) |")
        }
        lines += ["", "| rows | wall median | min – max | CPU | peak RSS | wall per 1M rows |", "|---:|---:|---:|---:|---:|---:|"]
        for result in results {
            let whole = process(result)
            let perMillion = NumberFormat.fixed(whole.wall.median / Double(result.rows) * 1e6, 3)
            lines.append("| \(rowsLabel(result.rows)) | \(ms(whole.wall.median)) ms | \(ms(whole.wall.min)) – \(ms(whole.wall.max)) ms | \(ms(whole.cpu)) ms | \(mb(whole.peakRSS)) MB | \(perMillion) s |")
        }
        lines += ["", "| target | measured | met |", "|---|---:|---|"]
        for check in checks(results) { lines.append("| \(check.what) | \(check.measured) | \(check.met ? "yes" : "**no**") |") }
        return lines.joined(separator: "\n")
    }
}
