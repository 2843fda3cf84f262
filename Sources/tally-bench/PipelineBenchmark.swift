#if canImport(Glibc)
import Glibc
#endif
import Tally
import TallyCore

/// Benchmark of the whole pipeline on the reference workload (issue #12): `ReportSpecs/weekly-kpi-pack.yaml`
/// over generated ticket files of 10k, 100k and 1M rows.
///
/// Steps, per size: generate `<tmp>/<rows>/SampleData/tickets.csv` with the release `sampledata` (a child
/// process, found beside this executable) and copy the spec to `<tmp>/<rows>/ReportSpecs/`; time each stage
/// in this process (`prepare` = read, `evaluate`, `layout` = compose and layout, `exportPDF`, `exportImages` =
/// PNG export) — one warm-up run, then the median of `--runs`; then spawn the release `tally build --force`
/// one warm-up time and `--runs` times, reading wall time, CPU time and peak RSS of each child from `wait4` (in a
/// small helper process, see `ProcessMeasure.runIsolated`).
/// Finally print the table, the cost per 1M rows (linearity) and the targets, and append rows to the results
/// file. Options: `--rows 10000,100000,1000000`, `--runs N` (default 5), `--markdown` (also print the tables
/// for BENCHMARKS.md), `--spec PATH`, `--keep DIR` (generate into DIR and keep it).
enum PipelineBenchmark {
    /// Command-line options.
    struct Options {
        /// Sizes to measure.
        var sizes = [10_000, 100_000, 1_000_000]
        /// Measured runs per size (after one warm-up run).
        var runs = 5
        /// Print Markdown tables too.
        var markdown = false
        /// The spec to copy.
        var spec = "ReportSpecs/weekly-kpi-pack.yaml"
        /// Folder to generate into and keep; nil: a temporary folder, removed at the end.
        var keep: String?

        /// Parses `arguments`; unknown ones are ignored, as in the other stages.
        init(_ arguments: [String]) {
            var i = 0
            func value() -> String? { i + 1 < arguments.count ? arguments[i + 1] : nil }
            while i < arguments.count {
                switch arguments[i] {
                case "--rows":
                    let parsed = (value() ?? "").split(separator: ",").map { PipelineBenchmark.count(String($0)) }
                    if !parsed.isEmpty, parsed.allSatisfy({ ($0 ?? 0) > 0 }) { sizes = parsed.compactMap { $0 } }
                    i += 1
                case "--runs": runs = max(1, Int(value() ?? "") ?? runs); i += 1
                case "--spec": spec = value() ?? spec; i += 1
                case "--keep": keep = value(); i += 1
                case "--markdown": markdown = true
                default: break
                }
                i += 1
            }
        }
    }

    /// A row count: `10000`, `10_000`, `10k` or `1M`; nil when it is none of these.
    static func count(_ text: String) -> Int? {
        let digits = text.filter { $0 != "_" }
        if digits.hasSuffix("k") { return Int(digits.dropLast()).map { $0 * 1000 } }
        if digits.hasSuffix("M") { return Int(digits.dropLast()).map { $0 * 1_000_000 } }
        return Int(digits)
    }

    /// Runs the benchmark with command-line options.
    static func run(_ arguments: [String]) {
        let options = Options(arguments)
        guard let binaries = ProcessMeasure.ownDirectory() else {
            print("pipeline: cannot find this executable's folder")
            return
        }
        let sampledata = Path.join(binaries, "sampledata"), tally = Path.join(binaries, "tally")
        for tool in [sampledata, tally] where !ProcessMeasure.isExecutable(tool) {
            print("pipeline: \(tool) is missing; build it first: swift build -c release --product \(Path.fileName(of: tool))")
            return
        }
        let specBytes: [UInt8]
        do { specBytes = try LocalWorld().readFile(options.spec) } catch {
            print("pipeline: cannot read the spec: \(error)")
            return
        }
        let base = options.keep ?? "/tmp/tally-bench-pipeline-\(getpid())"
        defer { if options.keep == nil { Workspace.remove(base) } }
        print("pipeline: \(Path.fileName(of: options.spec)), sizes \(options.sizes.map(PipelineReport.rowsLabel).joined(separator: ", ")), "
            + "warm-up + \(options.runs) runs each; load average \(BenchResults.loadAverage().map { NumberFormat.fixed($0, 2) } ?? "?") now")
        var measured: [SizeResult] = []
        for rows in options.sizes {
            guard let workspace = Workspace.make(base: base, rows: rows, spec: specBytes, specName: Path.fileName(of: options.spec), sampledata: sampledata)
            else { continue }
            guard let stages = measureStages(workspace, runs: options.runs) else { continue }
            guard let process = measureProcess(workspace, tally: tally, runs: options.runs) else { continue }
            let result = SizeResult(rows: rows, bytes: workspace.dataBytes, stages: stages, process: process)
            print(PipelineReport.summary(result))
            BenchResults.append(PipelineReport.resultRows(result))
            measured.append(result)
            if options.keep == nil { Workspace.remove(Path.join(base, String(rows))) }
        }
        guard !measured.isEmpty else { return }
        print(PipelineReport.table(measured))
        print(PipelineReport.linearity(measured))
        print(PipelineReport.targets(measured))
        if options.markdown { print(PipelineReport.markdown(measured)) }
    }

    /// Times the stages in this process: one warm-up run, then `runs` measured ones.
    static func measureStages(_ workspace: Workspace, runs: Int) -> [StageSample]? {
        let request = BuildRequest(specPath: workspace.specPath, outputDirectory: workspace.outputDirectory)
        let world = LocalWorld()
        var samples = PipelineStage.allCases.map { StageSample(stage: $0) }
        for run in 0...runs {
            var lap = Lap()
            do {
                let prepared = try ReportBuilder.prepare(request, world: world).get()
                lap.record(into: &samples[PipelineStage.read.rawValue])
                guard let item = ReportBuilder.batchItems(prepared).first else { throw Failure("the spec makes no report") }
                let evaluated = try ReportBuilder.evaluate(prepared, item: item, world: world).get()
                lap.record(into: &samples[PipelineStage.evaluate.rawValue])
                let laidOut = try ReportBuilder.layout(evaluated, prepared: prepared).get()
                lap.record(into: &samples[PipelineStage.layout.rawValue])
                let pdf = try ReportBuilder.exportPDF(laidOut, prepared: prepared)
                lap.record(into: &samples[PipelineStage.pdf.rawValue])
                let images = try ReportBuilder.exportImages(laidOut, prepared: prepared)
                lap.record(into: &samples[PipelineStage.png.rawValue])
                if run == 0 {
                    // The warm-up run is not counted; it checks the workload is the one we mean.
                    for index in samples.indices { samples[index].clear() }
                    print("pipeline: \(PipelineReport.rowsLabel(workspace.rows)) rows: \(laidOut.pages.count) pages, \(laidOut.charts.count) charts, "
                        + "PDF \(NumberFormat.fixed(Double(pdf?.count ?? 0) / 1000, 0)) KB, \(images.count) PNGs")
                }
            } catch {
                print("pipeline: \(workspace.rows) rows: the build failed:\n\(error)")
                return nil
            }
        }
        return samples
    }

    /// Spawns `tally build --force` one warm-up time and `runs` measured times.
    static func measureProcess(_ workspace: Workspace, tally: String, runs: Int) -> [ProcessCost]? {
        let arguments = ["build", "--force", "--out", workspace.outputDirectory, workspace.specPath]
        var costs: [ProcessCost] = []
        for run in 0...runs {
            let log = run == 0 ? workspace.logPath : nil
            guard let cost = ProcessMeasure.runIsolated(tally, arguments, log: log, scratch: workspace.outputDirectory + "-\(run)") else {
                print("pipeline: cannot start \(tally)")
                return nil
            }
            guard cost.status == 0 else {
                print("pipeline: \(tally) \(arguments.joined(separator: " ")) exited with \(cost.status); see \(workspace.logPath)")
                return nil
            }
            if run > 0 { costs.append(cost) }
        }
        return costs
    }
}

/// An error message for a failed benchmark step.
struct Failure: Error, CustomStringConvertible {
    /// What went wrong.
    var description: String
    /// Creates the error.
    init(_ description: String) { self.description = description }
}

/// The stages timed in process, in pipeline order.
enum PipelineStage: Int, CaseIterable, Sendable {
    case read, evaluate, layout, pdf, png

    /// Column heading.
    var label: String {
        switch self {
        case .read: "read"
        case .evaluate: "evaluate"
        case .layout: "compose+layout"
        case .pdf: "PDF export"
        case .png: "PNG export"
        }
    }

    /// Name in the results file.
    var key: String {
        switch self {
        case .read: "read"
        case .evaluate: "evaluate"
        case .layout: "layout"
        case .pdf: "pdf"
        case .png: "png"
        }
    }
}

/// Wall and CPU seconds of one stage over the measured runs.
struct StageSample: Sendable {
    /// The stage.
    var stage: PipelineStage
    /// Wall seconds per run.
    var wall: [Double] = []
    /// CPU seconds per run (every thread of this process).
    var cpu: [Double] = []

    /// Forgets the runs so far (after the warm-up).
    mutating func clear() {
        wall.removeAll()
        cpu.removeAll()
    }
}

/// A stopwatch that records the time since its last lap.
struct Lap {
    private var wall = Clock.now()
    private var cpu = Clock.cpu()

    /// Adds the wall and CPU time since the previous lap to `sample` and starts the next lap.
    mutating func record(into sample: inout StageSample) {
        let (wallNow, cpuNow) = (Clock.now(), Clock.cpu())
        sample.wall.append(wallNow - wall)
        sample.cpu.append(cpuNow - cpu)
        (wall, cpu) = (wallNow, cpuNow)
    }
}

/// Everything measured at one size.
struct SizeResult: Sendable {
    /// Ticket rows.
    var rows: Int
    /// Size of tickets.csv in bytes.
    var bytes: Int
    /// In-process stage timings.
    var stages: [StageSample]
    /// The whole-process runs.
    var process: [ProcessCost]
}
