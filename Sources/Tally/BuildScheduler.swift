#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import TallyCore
import TallyEval
import TallySpec

/// Conditions a scheduled build can raise as alerts (`--fail-on`).
public enum AlertKind: String, Sendable, CaseIterable, Codable {
    /// A special-cause signal involves the most recent point of a control or run chart.
    case specialCause = "special-cause"
    /// A KPI's latest value misses its target.
    case targetMissed = "target-missed"
    /// Input rows were rejected or a data warning was raised.
    case dataQuality = "data-quality"
}

/// One alert: what fired and why, in a sentence for the person the scheduler notifies.
public struct Alert: Sendable, Codable, Hashable {
    /// Kind.
    public var kind: AlertKind
    /// Sentence.
    public var message: String
}

/// How a set of builds is run.
public struct BuildOptions: Sendable {
    /// Reports rendered at once.
    public var jobs: Int
    /// Build only items whose position `i` satisfies `i % count == index` (0-based index).
    public var shard: (index: Int, count: Int)?
    /// Rebuild even when nothing changed.
    public var force: Bool
    /// Called after each report with (finished, total, the report's name); used for a progress display.
    public var progress: (@Sendable (Int, Int, String) -> Void)?

    /// Creates options.
    public init(jobs: Int = 1, shard: (index: Int, count: Int)? = nil, force: Bool = false, progress: (@Sendable (Int, Int, String) -> Void)? = nil) {
        self.jobs = max(1, jobs)
        self.shard = shard
        self.force = force
        self.progress = progress
    }
}

/// What happened to one report.
public struct BuildOutcome: Sendable {
    /// Built, skipped as unchanged, or failed.
    public enum Status: Sendable {
        case built(BuildSummary)
        case upToDate(directory: String)
        case failed(DiagnosticError)
    }
    /// The spec.
    public var specPath: String
    /// The batch value, if any.
    public var item: String?
    /// Status.
    public var status: Status
    /// Alerts raised by this report's results (or by the previous build's, when up to date).
    public var alerts: [Alert]
    /// Wall time in seconds.
    public var seconds: Double
}

/// Runs many builds: specs × batch items, sharded, in parallel, incrementally, with alerts.
public enum BuildScheduler {
    /// Prepares every spec, lists its reports, keeps this shard's share and renders them with `jobs` workers.
    public static func run(_ requests: [BuildRequest], options: BuildOptions, world: any World) -> [BuildOutcome] {
        var outcomes: [BuildOutcome] = []
        var work: [(PreparedReport, BatchItem)] = []
        for request in requests {
            let started = ContinuousClock.now
            switch ReportBuilder.prepare(request, world: world) {
            case .success(let prepared):
                let items = ReportBuilder.batchItems(prepared)
                if let problem = ReportBuilder.tooManyItems(prepared, count: items.count) {
                    outcomes.append(BuildOutcome(specPath: request.specPath, item: nil, status: .failed(problem), alerts: [], seconds: seconds(since: started)))
                    continue
                }
                if items.isEmpty {
                    outcomes.append(BuildOutcome(
                        specPath: request.specPath, item: nil,
                        status: .failed(DiagnosticError(.error(.data, "the batch column '\(prepared.spec.batch?.forEach.value ?? "")' has no values", at: prepared.spec.batch?.forEach.location))),
                        alerts: [], seconds: seconds(since: started)))
                }
                work += items.map { (prepared, $0) }
            case .failure(let error):
                outcomes.append(BuildOutcome(specPath: request.specPath, item: nil, status: .failed(error), alerts: [], seconds: seconds(since: started)))
            }
        }
        if let shard = options.shard {
            work = work.enumerated().filter { $0.offset % shard.count == shard.index }.map(\.element)
        }
        let finished = ResultBox<Int>(count: 1)
        let total = work.count
        let results = ParallelMap.run(work, workers: options.jobs) { prepared, item in
            let outcome = buildOne(prepared, item: item, force: options.force, world: world)
            if let progress = options.progress {
                let done = (finished.takeNext(limit: Int.max) ?? 0) + 1
                progress(done, total, Path.stem(of: prepared.request.specPath) + (item.value.map { " [\($0)]" } ?? ""))
            }
            return outcome
        }
        return outcomes + results
    }

    /// Renders and writes one report unless its manifest says nothing changed.
    static func buildOne(_ prepared: PreparedReport, item: BatchItem, force: Bool, world: any World) -> BuildOutcome {
        let started = ContinuousClock.now
        let directory = ReportBuilder.outputDirectory(for: prepared.request, spec: prepared.spec, item: item)
        let key = Manifest.key(prepared, item: item, world: world)
        if !force, let previous = Manifest.read(directory: directory, world: world), previous.key == key,
            previous.files.allSatisfy({ world.fileExists(Path.join(directory, $0)) })
        {
            return BuildOutcome(
                specPath: prepared.request.specPath, item: item.value, status: .upToDate(directory: directory),
                alerts: previous.alerts, seconds: seconds(since: started))
        }
        let outcome = ReportBuilder.render(prepared, item: item, world: world).flatMap { rendered in
            ReportBuilder.write(rendered, prepared: prepared, item: item, world: world).map { ($0, Alerts.of(rendered.results)) }
        }
        switch outcome {
        case .success(let (summary, alerts)):
            let relative = summary.files.map { String($0.dropFirst(directory.count + 1)) }
            Manifest.write(Manifest(key: key, files: relative, alerts: alerts), directory: directory, world: world)
            return BuildOutcome(specPath: prepared.request.specPath, item: item.value, status: .built(summary), alerts: alerts, seconds: seconds(since: started))
        case .failure(let error):
            return BuildOutcome(specPath: prepared.request.specPath, item: item.value, status: .failed(error), alerts: [], seconds: seconds(since: started))
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// Alerts a report's results raise.
enum Alerts {
    /// Special cause at the latest point, missed targets, rejected rows.
    static func of(_ results: Results) -> [Alert] {
        var alerts: [Alert] = []
        for series in results.monitoring {
            guard let chart = series.chart, let last = series.points.lastIndex(where: { $0.value != nil }) else { continue }
            let label = results.kpi(series.kpi)?.label ?? series.kpi
            for signal in chart.signals where signal.points.contains(last) {
                alerts.append(Alert(
                    kind: .specialCause,
                    message: "\(label) (\(series.blockId)): special-cause variation at \(series.points[last].label) — \(signal.description)"))
            }
        }
        for kpi in results.kpis where kpi.variance.status == .notMet {
            let value = kpi.variance.actual.map { ValueFormatter.format($0, as: kpi.format, decimals: kpi.decimals) } ?? "n/a"
            let target = kpi.variance.target.map { ValueFormatter.format($0, as: kpi.format, decimals: kpi.decimals) } ?? "n/a"
            alerts.append(Alert(kind: .targetMissed, message: "\(kpi.label) is \(value), missing its target of \(target)"))
        }
        for dataset in results.datasets where dataset.rowsRejected > 0 {
            alerts.append(Alert(kind: .dataQuality, message: "\(dataset.file.path): \(dataset.rowsRejected) row(s) rejected"))
        }
        for warning in results.warnings where warning.category == .data {
            alerts.append(Alert(kind: .dataQuality, message: warning.message))
        }
        return alerts
    }
}
