import TallyCairo
import TallyCharts
import TallyCompose
import TallyCore
import TallyEval
import TallyGraphics
import TallyLayout
import TallySpec

/// Builds reports: spec path in, files out. The pipeline's one public entry point for library users.
public enum ReportBuilder {
    /// Runs the whole pipeline for one spec; writes nothing unless every stage succeeded.
    public static func build(_ request: BuildRequest, world: any World) -> Result<BuildSummary, DiagnosticError> {
        // 1. Load.
        let specBytes: [UInt8]
        do {
            specBytes = try world.readFile(request.specPath)
        } catch {
            return .failure(DiagnosticError(.error(
                .usage, "cannot read spec '\(request.specPath)': \(error.reason)", at: SourceLocation(file: request.specPath))))
        }
        let (loaded, specDiagnostics) = SpecLoader.load(text: String(decoding: specBytes, as: UTF8.self), path: request.specPath)
        guard let spec = loaded else { return .failure(DiagnosticError(specDiagnostics)) }
        var warnings = specDiagnostics

        // Check output options before any work.
        let formats = request.formats ?? spec.output.formats.map(\.rawValue)
        guard let theme = TallyGraphics.Theme.named(spec.output.theme.rawValue).map({ theme -> TallyGraphics.Theme in
            var themed = theme
            themed.fontFamily = spec.output.font
            return themed
        }) else {
            return .failure(DiagnosticError(.error(.spec, "unknown theme '\(spec.output.theme.rawValue)'")))
        }
        if let problem = FontCheck.problem(with: theme.fontFamily, location: SourceLocation(file: request.specPath)) {
            return .failure(DiagnosticError(problem))
        }

        // 2. Read.
        let datasets: [String: DatasetInput]
        switch DatasetReading.read(spec, specPath: request.specPath, world: world) {
        case .success(let read): datasets = read
        case .failure(let error): return .failure(error)
        }

        // 3. Evaluate.
        let specFile = FileFacts(path: request.specPath, sha256: SHA256.hexDigest(of: specBytes), bytes: specBytes.count)
        let input = EvaluationInput(
            spec: spec, specFile: specFile, datasets: datasets, parameterOverrides: request.parameters,
            asOfOverride: request.asOf, now: world.currentTime())
        let evaluation: Evaluation
        switch Evaluator.evaluate(input) {
        case .success(let value): evaluation = value
        case .failure(let error): return .failure(error)
        }
        warnings += evaluation.results.warnings

        // 4. Compose.
        let composed: ComposedReport
        switch Composer.compose(spec: spec, evaluation: evaluation) {
        case .success(let value): composed = value
        case .failure(let error): return .failure(error)
        }

        // 5–6. Layout and export, in memory.
        let measurer = PangoTextMeasurer()
        let charts = ChartRenderer(theme: theme, measurer: measurer)
        var files = OutputFiles()
        var results = evaluation.results
        var pageCount = 0
        let creation = CreationDate.text(asOf: evaluation.asOf, world: world)
        do {
            for model in composed.charts {
                var file: String? = nil
                if formats.contains("png") {
                    let frame = charts.render(model)
                    let metadata: PNGTextMetadata = [
                        ("Title", model.title), ("Description", model.altText), ("Source", model.caption),
                        ("Creation Time", creation.iso), ("Software", "Tally \(TallyVersion.current)"),
                    ]
                    file = "charts/\(model.id).png"
                    files.add(file ?? "", try PNGExporter.export(frame, dpi: Double(spec.output.dpi), metadata: metadata))
                }
                if formats.contains("svg") {
                    files.add("charts/\(model.id).svg", try SVGExporter.export(charts.render(model)))
                }
                results.charts.append(ChartFacts(id: model.id, title: model.title, altText: model.altText, file: file))
            }
            if formats.contains("pdf") {
                let size = spec.output.page.size.points
                let geometry = PageGeometry(paper: Size(size.width, size.height), landscape: spec.output.page.orientation == .landscape)
                let pages = DocumentLayout(geometry: geometry, theme: theme, measurer: measurer).layout(composed.document, charts: charts)
                pageCount = pages.count
                let metadata = PDFMetadata(
                    title: spec.report.title, author: spec.report.author ?? spec.report.organisation ?? "",
                    subject: spec.report.subtitle ?? "", keywords: spec.report.keywords.joined(separator: ", "),
                    creator: "Tally \(TallyVersion.current)", creationDate: creation.pdf)
                files.add("report.pdf", try PDFExporter.export(pages, metadata: metadata))
            }
        } catch {
            return .failure(DiagnosticError(.error(.output, "rendering failed: \(error)")))
        }
        files.add("results.json", ResultsJSON.encode(results))

        // 7. Write atomically.
        let directory = outputDirectory(for: request, spec: spec)
        let written: [String]
        do {
            written = try files.write(to: directory, world: world)
        } catch {
            return .failure(error)
        }
        return .success(BuildSummary(
            specPath: request.specPath, outputDirectory: directory, files: written, pages: pageCount,
            charts: composed.charts.count, warnings: warnings.filter { $0.severity != .error }))
    }

    /// `--out DIR` puts the report in `DIR/<spec stem>`; otherwise the spec's `output.directory`.
    static func outputDirectory(for request: BuildRequest, spec: Spec) -> String {
        if let out = request.outputDirectory { return Path.join(out, Path.stem(of: request.specPath)) }
        return spec.output.resolvedDirectory(specPath: request.specPath)
    }
}
