import TallyCore
import TallyEval
import TallySpec

/// `tally explain`: the numbers behind a block — which method, which limits, which rule flagged which point.
public enum ReportExplanation {
    /// Builds the spec in memory (writing nothing) and explains one block, or lists the blocks when `block` is nil.
    public static func explain(specPath: String, block: String?, request: BuildRequest, world: any World) -> Result<String, DiagnosticError> {
        let prepared: PreparedReport
        switch ReportBuilder.prepare(request, world: world) {
        case .success(let value): prepared = value
        case .failure(let error): return .failure(error)
        }
        let item = ReportBuilder.batchItems(prepared).first ?? BatchItem(value: nil)
        let results: Results
        switch ReportBuilder.render(prepared, item: item, world: world) {
        case .success(let rendered): results = rendered.results
        case .failure(let error): return .failure(error)
        }
        let blocks = BlockIdentity.blocks(of: prepared.spec)
        guard let wanted = block else {
            var lines = ["Blocks of \(specPath) (explain one with --block ID):"]
            for (id, block) in blocks { lines.append("  \(id)  (\(block.type))") }
            return .success(lines.joined(separator: "\n"))
        }
        guard let found = blocks.first(where: { $0.id == wanted }) else {
            let ids = blocks.map(\.id)
            let close = ids.filter { $0.contains(wanted) || wanted.contains($0) }
            return .failure(DiagnosticError(.error(
                .usage, "no block '\(wanted)' in \(specPath)", at: SourceLocation(file: specPath),
                hint: (close.isEmpty ? "blocks: " + ids.joined(separator: ", ") : "did you mean " + close.joined(separator: ", ") + "?"))))
        }
        return .success(describe(found.id, found.block, results: results))
    }

    /// A plain-text account of one block's numbers.
    static func describe(_ id: String, _ block: BlockSpec, results: Results) -> String {
        var lines = ["\(id) (\(block.type))"]
        if let series = results.monitoring(block: id) {
            lines.append("KPI \(series.kpi), one point per \(series.period), \(series.points.count) points")
            if let chart = series.chart {
                lines.append("Method: \(chart.method)")
                lines.append("Rules: \(chart.ruleSets.joined(separator: ", "))")
                for phase in chart.phases {
                    let limits = phase.limitsVary ? "limits vary with subgroup size"
                        : "LCL \(number(phase.lowerLimit)), UCL \(number(phase.upperLimit))"
                    lines.append("Phase \(phase.index + 1) '\(phase.label)' from point \(phase.start + 1): \(phase.pointCount) points, centre \(number(phase.centre)), \(limits), limits \(phase.reliability.rawValue)")
                }
                if chart.signals.isEmpty { lines.append("Signals: none (common-cause variation only)") }
                for signal in chart.signals {
                    let labels = signal.points.compactMap { $0 < series.points.count ? series.points[$0].label : nil }
                    lines.append("Signal \(signal.rule): \(signal.description) — \(labels.joined(separator: ", "))")
                }
                for warning in chart.warnings { lines.append("Warning: \(warning.message)") }
                if let nhs = series.nhs {
                    lines.append("NHS icons: variation \(nhs.variation?.rawValue ?? "n/a"), assurance \(nhs.assurance?.rawValue ?? "n/a")")
                }
            }
            return lines.joined(separator: "\n")
        }
        if let data = results.block(id) {
            if let pareto = data.pareto {
                for row in pareto.rows {
                    lines.append("\(row.rank). \(row.category): \(number(row.value)) (\(percent(row.share)), cumulative \(percent(row.cumulativeShare)))\(row.isVitalFew ? " — vital few" : "")")
                }
            }
            for phase in data.likert ?? [] { lines.append("\(phase.label): counts \(phase.counts) (n = \(phase.n))") }
            for phase in data.distribution ?? [] { lines.append("\(phase.label): n = \(phase.n), min/Q1/median/Q3/max \(phase.fiveNumber.map(number).joined(separator: " / ")), mean \(number(phase.mean))") }
            for row in data.servqual ?? [] { lines.append("\(row.wave) \(row.dimension): E \(number(row.expectation)), P \(number(row.perception)), gap \(number(row.gap)) (n = \(row.n))") }
            for tile in data.tiles ?? [] { lines.append("\(tile.kpi): variation \(tile.variation ?? "n/a"), assurance \(tile.assurance ?? "n/a")") }
            if data.tableRows != nil { lines.append("\(data.rows) rows from dataset '\(data.dataset ?? "")'") }
            if data.quotes != nil { lines.append("\(data.quotes?.count ?? 0) quotes chosen from \(data.rows) matching rows (most recent first)") }
            return lines.joined(separator: "\n")
        }
        let kpiIds: [String]
        switch block.content {
        case .prePostChart(let b), .varianceTable(let b): kpiIds = b.kpis.map(\.value)
        case .findings(let b), .kpiTiles(let b): kpiIds = b.kpis.map(\.value)
        default: kpiIds = []
        }
        for kpiId in kpiIds {
            guard let kpi = results.kpi(kpiId) else { continue }
            lines.append("KPI \(kpi.id) '\(kpi.label)' (\(kpi.kind)) = \(kpi.formula) on \(kpi.dataset)")
            for phase in kpi.phases {
                let interval = phase.interval.map { ", \(Int($0.level * 100))% CI \(number($0.lower)) to \(number($0.upper)) (\($0.method))" } ?? ""
                lines.append("  \(phase.phase): \(number(phase.value)) from n = \(phase.n)\(interval)\(phase.problem.map { " — \($0)" } ?? "")")
            }
            for comparison in kpi.comparisons {
                var text = "  \(comparison.phase) vs \(comparison.baseline): difference \(number(comparison.difference))"
                if let i = comparison.interval { text += ", CI \(number(i.lower)) to \(number(i.upper))" }
                if let p = comparison.pValue { text += ", p = \(number(p))" }
                if let h = comparison.holmPValue { text += ", Holm p = \(number(h))" }
                text += " [\(comparison.methods.joined(separator: ", "))]"
                if let reason = comparison.notComputable { text += " — \(reason)" }
                if !comparison.caveats.isEmpty { text += "; caveats: \(comparison.caveats.joined(separator: ", "))" }
                lines.append(text)
            }
            lines.append("  variance: status \(kpi.variance.status.rawValue), to target \(number(kpi.variance.varianceToTarget)), to expected \(number(kpi.variance.varianceToExpected))")
        }
        if lines.count == 1 { lines.append("This block shows text only; it has no numbers of its own.") }
        return lines.joined(separator: "\n")
    }

    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        if value == value.rounded() && abs(value) < 1e12 { return String(Int(value)) }
        if abs(value) < 1e-4 { return String(value) }  // p-values such as 3.1e-45 stay informative
        return String((value * 1e6).rounded() / 1e6)
    }

    private static func percent(_ value: Double) -> String { ValueFormatter.format(value, as: .percent) }
}
