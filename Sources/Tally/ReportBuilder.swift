import TallyCairo
import TallyCharts
import TallyCompose
import TallyCore
import TallyData
import TallyEval
import TallyGraphics
import TallyLayout
import TallySpec

/// A spec loaded and its data read: everything every batch item of the report shares.
public struct PreparedReport: Sendable {
    /// The request it came from.
    public var request: BuildRequest
    /// The validated spec.
    public var spec: Spec
    /// The spec file's identity.
    public var specFile: FileFacts
    /// Datasets as read.
    public var datasets: [String: DatasetInput]
    /// Warnings from loading and reading.
    public var warnings: [Diagnostic]
    /// The theme with the spec's font.
    public var theme: TallyGraphics.Theme
    /// Output formats after `--format`.
    public var formats: [String]
}

/// One report to render: the whole spec, or one value of its `batch.for_each` column.
public struct BatchItem: Sendable, Hashable {
    /// The column value this report is for (nil: not a batch).
    public var value: String?

    /// Creates an item.
    public init(value: String?) { self.value = value }

    /// File-system-safe form of the value (`Moves & Changes` → `moves-changes`; "blank" when nothing is left).
    public var slug: String? {
        value.map { value in
            let slug = Slug.make(value)
            return slug.isEmpty ? "blank" : slug
        }
    }
}

/// A report rendered in memory, ready to be written.
public struct RenderedReport: Sendable {
    /// Where it goes.
    public var directory: String
    /// Relative path → bytes.
    var files: OutputFiles
    /// Its numbers.
    public var results: Results
    /// PDF pages.
    public var pages: Int
    /// Charts.
    public var charts: Int
    /// Warnings.
    public var warnings: [Diagnostic]
}

/// Builds reports: spec path in, files out. The pipeline's public entry points for library users.
public enum ReportBuilder {
    /// Builds every report of one spec (one per batch item) and writes each atomically.
    public static func build(_ request: BuildRequest, world: any World) -> Result<BuildSummary, DiagnosticError> {
        let prepared: PreparedReport
        switch prepare(request, world: world) {
        case .success(let value): prepared = value
        case .failure(let error): return .failure(error)
        }
        var summaries: [BuildSummary] = []
        let items = batchItems(prepared)
        if let problem = tooManyItems(prepared, count: items.count) { return .failure(problem) }
        for item in items {
            switch render(prepared, item: item, world: world).flatMap({ write($0, prepared: prepared, item: item, world: world) }) {
            case .success(let summary): summaries.append(summary)
            case .failure(let error): return .failure(error)
            }
        }
        guard var first = summaries.first else { return .failure(DiagnosticError(.error(.data, "the batch column has no values", at: prepared.spec.batch?.forEach.location))) }
        if summaries.count > 1 {
            first.files = summaries.flatMap(\.files)
            first.pages = summaries.reduce(0) { $0 + $1.pages }
            first.charts = summaries.reduce(0) { $0 + $1.charts }
            first.outputDirectory = Path.directory(of: first.outputDirectory)
        }
        return .success(first)
    }

    /// Steps 1–2: load the spec, check output options and fonts, read every dataset — only the columns the spec
    /// mentions (a large export's other columns are never parsed); see `render` for the safety net.
    public static func prepare(_ request: BuildRequest, world: any World) -> Result<PreparedReport, DiagnosticError> {
        prepare(request, world: world, everyColumn: false)
    }

    /// `prepare`, optionally reading every column of every dataset.
    static func prepare(_ request: BuildRequest, world: any World, everyColumn: Bool) -> Result<PreparedReport, DiagnosticError> {
        // The loader reads through the World itself so that a non-UTF-8 or oversized spec is an error (at the first
        // bad byte) before anything else reads it.
        let (loaded, specDiagnostics) = SpecLoader.load(path: request.specPath, world: world)
        guard let spec = loaded else { return .failure(DiagnosticError(specDiagnostics)) }
        let specBytes: [UInt8]
        do {
            specBytes = try world.readFile(request.specPath)
        } catch {
            return .failure(DiagnosticError(.error(
                .usage, "cannot read spec '\(request.specPath)': \(error.reason)", at: SourceLocation(file: request.specPath))))
        }
        guard var theme = TallyGraphics.Theme.named(spec.output.theme.rawValue) else {
            return .failure(DiagnosticError(.error(.spec, "unknown theme '\(spec.output.theme.rawValue)'")))
        }
        theme.fontFamily = spec.output.font
        if let problem = FontCheck.problem(with: theme.fontFamily, location: SourceLocation(file: request.specPath)) {
            return .failure(DiagnosticError(problem))
        }
        let selection = everyColumn ? nil : ColumnSelection(mentionedIn: String(decoding: specBytes, as: UTF8.self), plus: ImplicitColumns.all)
        switch DatasetReading.read(spec, specPath: request.specPath, world: world, selection: selection, limits: request.limits) {
        case .success(let datasets):
            return .success(PreparedReport(
                request: request, spec: spec,
                specFile: FileFacts(path: request.specPath, sha256: SHA256.hexDigest(of: specBytes), bytes: specBytes.count),
                datasets: datasets, warnings: specDiagnostics, theme: theme, formats: request.formats ?? spec.output.formats.map(\.rawValue)))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// The reports a prepared spec makes: one, or one per distinct value of `batch.for_each` (sorted).
    public static func batchItems(_ prepared: PreparedReport) -> [BatchItem] {
        guard let batch = prepared.spec.batch else { return [BatchItem(value: nil)] }
        let name = batch.dataset?.value ?? prepared.spec.phases?.dataset?.value ?? prepared.spec.datasets.first?.name.value ?? ""
        guard let column = prepared.datasets[name]?.table.column(named: batch.forEach.value) else { return [] }
        var values = Set<String>()
        for row in 0..<column.count { if let value = column.text(at: row), !value.isEmpty { values.insert(value) } }
        return values.sorted().map { BatchItem(value: $0) }
    }

    /// The error for a batch that would make more reports than `limits.maxBatchItems`, or nil.
    public static func tooManyItems(_ prepared: PreparedReport, count: Int) -> DiagnosticError? {
        let limit = prepared.request.limits.maxBatchItems
        guard count > limit, let batch = prepared.spec.batch else { return nil }
        return DiagnosticError(.error(
            .data, "batch.for_each '\(batch.forEach.value)' has \(count) distinct values, more than the limit of \(limit) reports per spec",
            at: batch.forEach.location,
            hint: "batch over a column with fewer values (e.g. team rather than agent), or filter the dataset first"))
    }

    /// The error for a report with more charts or pages than its limits allow, or nil.
    static func overLimit(_ count: Int, _ what: String, limit: Int, spec: Spec) -> DiagnosticError? {
        guard count > limit else { return nil }
        return DiagnosticError(.error(
            .spec, "the report has \(count) \(what), more than the limit of \(limit)", at: SourceLocation(file: spec.file),
            hint: "split it into several specs, or use batch.for_each to make one smaller report per group"))
    }

    /// Steps 3–6: evaluate, compose, lay out and export one report in memory (see ReportStages.swift).
    ///
    /// Leaving unmentioned columns unread must never change an outcome: when evaluation fails on such a read,
    /// the data are read again whole and evaluated again, so every error (and its did-you-mean among the
    /// file's columns) is the one a full read gives.
    public static func render(_ prepared: PreparedReport, item: BatchItem, world: any World) -> Result<RenderedReport, DiagnosticError> {
        evaluateExactly(prepared, item: item, world: world)
            .flatMap { evaluated, prepared in layout(evaluated, prepared: prepared).flatMap { export($0, prepared: prepared) } }
    }

    /// Step 3 with the safety net `render` describes: the evaluated report and the prepared data it came from
    /// (read again whole when the projected read's evaluation failed).
    public static func evaluateExactly(_ prepared: PreparedReport, item: BatchItem, world: any World)
        -> Result<(EvaluatedReport, PreparedReport), DiagnosticError>
    {
        let evaluated = evaluate(prepared, item: item, world: world)
        guard case .failure = evaluated, prepared.datasets.values.contains(where: { !$0.facts.unreadColumns.isEmpty }) else {
            return evaluated.map { ($0, prepared) }
        }
        return prepare(prepared.request, world: world, everyColumn: true).flatMap { whole in
            evaluate(whole, item: item, world: world).map { ($0, whole) }
        }
    }

    /// Step 7: writes a rendered report atomically, file by file.
    public static func write(_ rendered: RenderedReport, prepared: PreparedReport, item: BatchItem, world: any World) -> Result<BuildSummary, DiagnosticError> {
        let inputs = [prepared.request.specPath] + prepared.datasets.values.map(\.facts.file.path).sorted()
        if let problem = rendered.files.overwrites(inputs, directory: rendered.directory, world: world) { return .failure(problem) }
        do {
            let written = try rendered.files.write(to: rendered.directory, world: world)
            return .success(BuildSummary(
                specPath: prepared.request.specPath, outputDirectory: rendered.directory, files: written, pages: rendered.pages,
                charts: rendered.charts, warnings: rendered.warnings, item: item.value))
        } catch {
            return .failure(error)
        }
    }

    /// `--out DIR` puts the report in `DIR/<spec stem>`; otherwise the spec's `output.directory`. Batch items
    /// go one level deeper, in a folder named after their value.
    static func outputDirectory(for request: BuildRequest, spec: Spec, item: BatchItem) -> String {
        let base = request.outputDirectory.map { Path.join($0, Path.stem(of: request.specPath)) } ?? spec.output.resolvedDirectory(specPath: request.specPath)
        guard let slug = item.slug else { return base }
        return Path.join(base, slug)
    }
}
