import TallyCharts
import TallyCore
import TallyEval
import TallyGraphics
import TallyLayout
import TallySpec

/// Turns a spec and its evaluation into a document: the single entry point of the compose stage.
public enum Composer {
    /// Default chart size for a full-width chart on A4 portrait (points).
    static let chartSize = Size(483, 285)

    /// Composes the report, or returns diagnostics for blocks that cannot be shown.
    public static func compose(spec: Spec, evaluation: Evaluation) -> Result<ComposedReport, DiagnosticError> {
        let results = evaluation.results
        let locale = spec.report.locale.rawValue == "en-US" ? TallyCore.ReportLocale.enUS : TallyCore.ReportLocale.enGB
        let numbers = NumberText(locale: locale)
        var context = Context(spec: spec, results: results, numbers: numbers, locale: locale)
        var blocks = FrontAndBackMatter.opening(spec: spec)
        var body: [DocumentBlock] = []
        var anchors: [String: String] = [:]
        for section in spec.sections {
            anchors[section.id.value] = "section-" + section.id.value
            body.append(.heading(section.title, level: 1, anchor: "section-" + section.id.value))
            for (index, block) in section.blocks.enumerated() {
                let id = BlockIdentity.id(of: block, at: index, in: section)
                // Criteria may point at a block; its anchor is the chart's, or else its section's.
                anchors[id] = block.content.isChart ? "chart-" + id : "section-" + section.id.value
                body += context.blocks(for: block, id: id)
            }
        }
        blocks += FrontAndBackMatter.evidence(spec: spec, results: results, blockAnchors: anchors)
        blocks += body
        blocks.append(FrontAndBackMatter.audit(spec: spec, results: results))
        if context.diagnostics.containsErrors { return .failure(DiagnosticError(context.diagnostics)) }
        let period = periodText(results.phases)
        let fingerprint = String(SHA256.hexDigest(of: Array((results.datasets.map(\.file.sha256) + [results.spec.sha256]).joined().utf8)).prefix(12))
        let asOf = CivilDate(iso: Substring(results.report.asOf))?.britishShort ?? results.report.asOf
        let document = Document(
            title: spec.report.title, subtitle: spec.report.subtitle, organisation: spec.report.organisation,
            author: spec.report.author, period: period, asOf: asOf, fingerprint: fingerprint, blocks: blocks)
        return .success(ComposedReport(document: document, charts: context.charts))
    }

    private static func periodText(_ phases: [PhaseFacts]) -> String? {
        guard let first = phases.map(\.from).min(), let last = phases.map(\.to).max() else { return nil }
        return NumberText.dateRange(from: first, to: last)
    }

    /// Composition state: the charts made so far and the problems found.
    struct Context {
        let spec: Spec
        let results: Results
        let numbers: NumberText
        let locale: TallyCore.ReportLocale
        var charts: [ChartModel] = []
        var diagnostics: [Diagnostic] = []

        init(spec: Spec, results: Results, numbers: NumberText, locale: TallyCore.ReportLocale) {
            self.spec = spec
            self.results = results
            self.numbers = numbers
            self.locale = locale
        }

        /// The document blocks for one spec block.
        mutating func blocks(for block: BlockSpec, id: String) -> [DocumentBlock] {
            switch block.content {
            case .trendChart, .controlChart, .runChart:
                guard let model = MonitoringCharts.model(block: block, blockId: id, results: results, locale: locale) else {
                    diagnostics.append(.error(.spec, "no series was computed for \(block.type) '\(id)'", at: block.location))
                    return []
                }
                charts.append(model)
                return [.chart(model, columns: block.width ?? 12)]
            case .text(let text):
                let rendered = TemplateRenderer(results: results, numbers: numbers, parameters: results.report.parameters)
                    .render(text.template, diagnostics: &diagnostics)
                return InlineMarkdown.blocks(rendered)
            case .prePostChart(let chart):
                guard let model = PrePostChart.model(block: block, content: chart, results: results, locale: locale, diagnostics: &diagnostics) else { return [] }
                charts.append(model)
                return [.chart(model, columns: block.width ?? 12)]
            case .varianceTable(let table):
                return [.table(VarianceTable.model(kpis: table.kpis.map(\.value), caption: block.title, results: results, numbers: numbers))]
            case .findings(let list):
                let tests = results.kpis.reduce(0) { $0 + $1.comparisons.filter { $0.pValue != nil }.count }
                var items: [StyledText] = []
                for id in list.kpis {
                    guard let kpi = results.kpi(id.value) else { continue }
                    for sentence in Findings.sentences(for: kpi, phases: results.phases, numbers: numbers, testsInReport: tests) {
                        items.append(StyledText(plain: sentence))
                    }
                }
                var out: [DocumentBlock] = []
                if let title = block.title { out.append(.heading(title, level: 2, anchor: "block-" + (block.id?.value ?? title))) }
                out.append(.bullets(items))
                if tests > 1 {
                    out.append(.paragraph(StyledText([TextRun(
                        "p-values test each KPI separately; with \(tests) tests in this report, the Holm-adjusted p-values guard against finding a change by chance among many. The tests treat contacts as independent; the control charts show whether changes are sustained over time.",
                        italic: true)])))
                }
                return out
            case .pareto, .distribution, .likert, .servqualGap, .smallMultiples, .kpiTiles:
                guard let data = results.block(id) else {
                    diagnostics.append(.error(.spec, "no data was computed for \(block.type) '\(id)'", at: block.location))
                    return []
                }
                let made = BlockCharts.models(block: block, id: id, data: data, results: results, locale: locale)
                charts += made.map(\.0)
                return made.map { .chart($0.0, columns: $0.1) }
            case .table:
                return results.block(id).map { DataBlocks.table($0, block: block) } ?? []
            case .quotes:
                return results.block(id).map { DataBlocks.quotes($0, block: block) } ?? []
            case .pageBreak:
                return [.pageBreak]
            default:
                diagnostics.append(.error(
                    .spec, "block type '\(block.type)' is not supported yet in this version of Tally", at: block.location,
                    hint: "see the spec reference for the block types of this version"))
                return []
            }
        }
    }
}
