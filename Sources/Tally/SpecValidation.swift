import TallyCore
import TallyData
import TallySpec

/// How far `tally validate` goes.
public enum ValidationDepth: Sendable {
    /// The spec and its datasets' headers only: no data rows are read.
    case headers
    /// Also reads the data and evaluates the report (formulas compiled and run, limits checked), writing nothing:
    /// every error a build would report before rendering.
    case evaluate
}

/// `tally validate` and `tally schema` as library calls.
public enum SpecValidation {
    /// Every problem in a spec: its keys and references, columns its datasets' headers lack, and (at `.evaluate`)
    /// what evaluating it on the data finds — formulas that do not compile, KPIs that cannot be computed, limits.
    /// Warnings from evaluation are included; nothing is written.
    public static func validate(_ request: BuildRequest, world: any World, depth: ValidationDepth = .evaluate) -> [Diagnostic] {
        let found = validateHeaders(specPath: request.specPath, world: world)
        guard depth == .evaluate, !found.containsErrors else { return found }
        let prepared: PreparedReport
        switch ReportBuilder.prepare(request, world: world) {
        case .success(let value): prepared = value
        case .failure(let error): return found + error.diagnostics
        }
        if let problem = ReportBuilder.tooManyItems(prepared, count: ReportBuilder.batchItems(prepared).count) {
            return found + problem.diagnostics
        }
        // The whole data as one report: a batch item only narrows the rows, so the formulas and blocks are the same.
        let laidOut = ReportBuilder.evaluateExactly(prepared, item: BatchItem(value: nil), world: world)
            .flatMap { evaluated, whole in ReportBuilder.layout(evaluated, prepared: whole) }
        switch laidOut {
        case .success(let report):
            return found + report.evaluated.evaluation.results.warnings.filter { $0.severity != .error }
        case .failure(let error):
            return found + error.diagnostics
        }
    }

    /// Every problem in a spec, including columns its datasets' headers lack (headers only: fast).
    public static func validate(specPath: String, world: any World) -> [Diagnostic] {
        validate(BuildRequest(specPath: specPath), world: world, depth: .headers)
    }

    /// The spec's own problems and the columns its datasets' headers lack.
    static func validateHeaders(specPath: String, world: any World) -> [Diagnostic] {
        let (loaded, diagnostics) = SpecLoader.load(path: specPath, world: world)
        guard let spec = loaded else { return diagnostics }
        var all = diagnostics
        for dataset in spec.datasets {
            let path = DatasetReading.path(of: dataset, specPath: specPath)
            let bytes: [UInt8]
            do {
                bytes = try world.readFile(path)
            } catch {
                all.append(.error(
                    .data, "cannot read data file '\(path)' for dataset '\(dataset.name.value)': \(error.reason)", at: dataset.file.location,
                    hint: "paths in 'file:' are relative to the spec's folder"))
                continue
            }
            let options = DatasetReading.readOptions(for: dataset, reportTimeZone: spec.report.timezone.value)
            let header: [String]
            do {
                header = try CSVReader.readHeader(bytes: bytes, path: path, options: options)
            } catch {
                all += error.diagnostics
                continue
            }
            let available = Set(header.map(Table.normalisedName))
            for column in dataset.columns where !available.contains(Table.normalisedName(column.name.value)) {
                all.append(.error(
                    .data, "column '\(column.name.value)' is not in \(path)", at: column.name.location,
                    hint: "the file's columns are: \(header.joined(separator: ", "))"))
            }
            if let phases = spec.phases, (phases.dataset?.value ?? spec.datasets.first?.name.value) == dataset.name.value,
                !available.contains(Table.normalisedName(phases.time.value))
            {
                all.append(.error(
                    .data, "phase time column '\(phases.time.value)' is not in \(path)", at: phases.time.location,
                    hint: "the file's columns are: \(header.joined(separator: ", "))"))
            }
        }
        return all
    }
}
