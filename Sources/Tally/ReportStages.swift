import TallyCairo
import TallyCharts
import TallyCompose
import TallyCore
import TallyEval
import TallyGraphics
import TallyLayout
import TallySpec

/// One report's numbers: the output of step 3 (evaluate), for one batch item.
public struct EvaluatedReport: Sendable {
    /// The spec as this item sees it (its title carries the batch value).
    public var spec: Spec
    /// The batch item.
    public var item: BatchItem
    /// Every number of the report.
    public var evaluation: Evaluation
    /// The creation date written into PDF metadata (`D:`-style) and PNG metadata (ISO 8601).
    public var creation: (pdf: String, iso: String)
}

/// One report composed and laid out: the output of steps 4–5, ready for the exporters.
public struct LaidOutReport: Sendable {
    /// What it was made from.
    public var evaluated: EvaluatedReport
    /// The composed document and its chart models.
    public var composed: ComposedReport
    /// Each chart laid out on its own (for PNG and SVG), in document order; empty when neither is requested.
    public var charts: [(model: ChartModel, frame: Frame)]
    /// The PDF's pages (empty when no PDF is requested).
    public var pages: [Page]
}

extension ReportBuilder {
    /// Step 3: narrows the datasets to the batch item and evaluates every KPI, comparison and block.
    public static func evaluate(_ prepared: PreparedReport, item: BatchItem, world: any World) -> Result<EvaluatedReport, DiagnosticError> {
        let spec = prepared.spec
        var datasets = prepared.datasets
        var title = spec.report.title
        var parameters = prepared.request.parameters
        if let value = item.value, let batch = spec.batch {
            // Every dataset with the batch column is narrowed to the item's rows.
            for (name, input) in datasets {
                guard let column = input.table.column(named: batch.forEach.value) else { continue }
                var narrowed = input
                narrowed.table = input.table.filtered(by: (0..<input.table.rowCount).map { column.text(at: $0) == value })
                datasets[name] = narrowed
            }
            title += " — " + value
            if spec.params.contains(where: { $0.name.value == "batch" }) { parameters["batch"] = value }
        }
        var itemSpec = spec
        itemSpec.report.title = title
        let input = EvaluationInput(
            spec: itemSpec, specFile: prepared.specFile, datasets: datasets, parameterOverrides: parameters,
            asOfOverride: prepared.request.asOf, now: world.currentTime())
        return Evaluator.evaluate(input).map { evaluation in
            EvaluatedReport(spec: itemSpec, item: item, evaluation: evaluation, creation: CreationDate.text(asOf: evaluation.asOf, world: world))
        }
    }

    /// Steps 4–5: composes the document and lays out its pages and (for PNG/SVG) each chart on its own.
    public static func layout(_ evaluated: EvaluatedReport, prepared: PreparedReport) -> Result<LaidOutReport, DiagnosticError> {
        let composed: ComposedReport
        switch Composer.compose(spec: evaluated.spec, evaluation: evaluated.evaluation) {
        case .success(let value): composed = value
        case .failure(let error): return .failure(error)
        }
        let spec = prepared.spec
        if let problem = overLimit(composed.charts.count, "charts", limit: prepared.request.limits.maxCharts, spec: spec) { return .failure(problem) }
        let measurer = PangoTextMeasurer()
        let renderer = ChartRenderer(theme: prepared.theme, measurer: measurer)
        let formats = prepared.formats
        // Each chart is laid out once, then exported in every image format requested.
        let charts = formats.contains("png") || formats.contains("svg") ? composed.charts.map { ($0, renderer.render($0)) } : []
        var pages: [Page] = []
        if formats.contains("pdf") || formats.contains("pages") {
            let size = spec.output.page.size.points
            let geometry = PageGeometry(paper: Size(size.width, size.height), landscape: spec.output.page.orientation == .landscape)
            pages = DocumentLayout(geometry: geometry, theme: prepared.theme, measurer: measurer).layout(composed.document, charts: renderer)
            if let problem = overLimit(pages.count, "pages", limit: prepared.request.limits.maxPages, spec: spec) { return .failure(problem) }
        }
        return .success(LaidOutReport(evaluated: evaluated, composed: composed, charts: charts, pages: pages))
    }

    /// Step 6a: the PDF (nil when not requested).
    public static func exportPDF(_ laidOut: LaidOutReport, prepared: PreparedReport) throws(CairoError) -> [UInt8]? {
        guard prepared.formats.contains("pdf") else { return nil }
        let spec = laidOut.evaluated.spec
        let metadata = PDFMetadata(
            title: spec.report.title, author: spec.report.author ?? spec.report.organisation ?? "",
            subject: spec.report.subtitle ?? "", keywords: spec.report.keywords.joined(separator: ", "),
            creator: "Tally \(TallyVersion.current)", creationDate: laidOut.evaluated.creation.pdf)
        return try PDFExporter.export(laidOut.pages, metadata: metadata)
    }

    /// Step 6b: one PNG (and SVG) per chart and, for `pages`, one PNG per page — relative path → bytes.
    ///
    /// Images are exported in parallel: Cairo draws one at a time (under its lock) while the others compress.
    public static func exportImages(_ laidOut: LaidOutReport, prepared: PreparedReport) throws(CairoError) -> [(path: String, bytes: [UInt8])] {
        let formats = prepared.formats
        let dpi = Double(prepared.spec.output.dpi)
        let creation = laidOut.evaluated.creation.iso
        let title = laidOut.evaluated.spec.report.title
        var jobs: [ImageJob] = []
        for (model, frame) in laidOut.charts {
            if formats.contains("png") {
                jobs.append(ImageJob(path: "charts/\(model.id).png", frame: frame, format: .png, metadata: [
                    ("Title", model.title), ("Description", model.altText), ("Source", model.caption),
                    ("Creation Time", creation), ("Software", "Tally \(TallyVersion.current)"),
                ]))
            }
            if formats.contains("svg") { jobs.append(ImageJob(path: "charts/\(model.id).svg", frame: frame, format: .svg, metadata: [])) }
        }
        if formats.contains("pages") {
            // One PNG per page, for slide decks and portfolios that take images.
            for (index, page) in laidOut.pages.enumerated() {
                jobs.append(ImageJob(path: "pages/page-\(index + 1).png", frame: page.frame, format: .png, metadata: [
                    ("Title", "\(title) — page \(index + 1) of \(laidOut.pages.count)"), ("Creation Time", creation),
                    ("Software", "Tally \(TallyVersion.current)"),
                ]))
            }
        }
        let results = ParallelMap.run(jobs) { job in
            Result { () throws(CairoError) -> [UInt8] in
                switch job.format {
                case .png: try PNGExporter.export(job.frame, dpi: dpi, metadata: job.metadata)
                case .svg: try SVGExporter.export(job.frame)
                }
            }
        }
        var files: [(path: String, bytes: [UInt8])] = []
        for (job, result) in zip(jobs, results) { files.append((job.path, try result.get())) }
        return files
    }

    /// Step 6: every requested file, plus results.json, in memory.
    public static func export(_ laidOut: LaidOutReport, prepared: PreparedReport) -> Result<RenderedReport, DiagnosticError> {
        var files = OutputFiles()
        var results = laidOut.evaluated.evaluation.results
        do {
            let images = try exportImages(laidOut, prepared: prepared)
            let pdf = try exportPDF(laidOut, prepared: prepared)
            // Written in this order: charts, the PDF, page images (results.json last, below).
            for image in images where image.path.hasPrefix("charts/") { files.add(image.path, image.bytes) }
            if let pdf { files.add("report.pdf", pdf) }
            for image in images where !image.path.hasPrefix("charts/") { files.add(image.path, image.bytes) }
            let pngs = Set(images.map(\.path))
            for model in laidOut.composed.charts {
                let path = "charts/\(model.id).png"
                results.charts.append(ChartFacts(id: model.id, title: model.title, altText: model.altText, file: pngs.contains(path) ? path : nil))
            }
        } catch {
            return .failure(DiagnosticError(.error(.output, "rendering failed: \(error)")))
        }
        files.add("results.json", ResultsJSON.encode(results))
        return .success(RenderedReport(
            directory: outputDirectory(for: prepared.request, spec: prepared.spec, item: laidOut.evaluated.item), files: files, results: results,
            pages: laidOut.pages.count, charts: laidOut.composed.charts.count,
            warnings: (prepared.warnings + laidOut.evaluated.evaluation.results.warnings).filter { $0.severity != .error }))
    }
}

/// One image to export.
private struct ImageJob: Sendable {
    enum Format: Sendable { case png, svg }
    let path: String
    let frame: Frame
    let format: Format
    let metadata: PNGTextMetadata
}
