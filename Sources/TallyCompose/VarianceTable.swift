import TallyCore
import TallyEval
import TallyGraphics
import TallyLayout

/// The spreadsheet-style variance table: baseline, actual, target, expected, variances and status.
enum VarianceTable {
    /// A table model for the given KPIs (unknown ids are skipped; the spec checker reports them).
    static func model(kpis ids: [String], caption: String?, results: Results, numbers: NumberText) -> TableModel {
        let latest = results.phases.last?.label ?? "Actual"
        let baseline = results.phases.first?.label ?? "Baseline"
        let columns = [
            TableModel.Column("KPI"), TableModel.Column(baseline, alignment: .right), TableModel.Column(latest, alignment: .right),
            TableModel.Column("Target", alignment: .right), TableModel.Column("Expected", alignment: .right),
            TableModel.Column("Var. to target", alignment: .right), TableModel.Column("Var. to expected", alignment: .right),
            TableModel.Column("Status"),
        ]
        var rows: [[TableModel.Cell]] = []
        for id in ids {
            guard let kpi = results.kpi(id) else { continue }
            let v = kpi.variance
            let status: TableModel.Cell
            switch v.status {
            case .met: status = TableModel.Cell("✔ Met", bold: true, color: Color(hex: 0x1B7837))
            case .notMet: status = TableModel.Cell("✘ Not met", bold: true, color: Color(hex: 0xB2182B))
            case .notYetMeasurable: status = TableModel.Cell("– Not yet measurable", color: Color(hex: 0x595959))
            }
            rows.append([
                TableModel.Cell(kpi.label), TableModel.Cell(numbers.value(v.baseline, of: kpi)), TableModel.Cell(numbers.value(v.actual, of: kpi)),
                TableModel.Cell(numbers.value(v.target, of: kpi)), TableModel.Cell(numbers.value(v.expected, of: kpi)),
                TableModel.Cell(variance(v.varianceToTarget, v.varianceToTargetPercent, kpi: kpi)),
                TableModel.Cell(variance(v.varianceToExpected, v.varianceToExpectedPercent, kpi: kpi)), status,
            ])
        }
        let notes = [
            "Variance = \(latest.lowercased()) value − reference; percentages are of the reference value. Status compares the \(latest.lowercased()) value with the target, respecting whether higher or lower is better.",
        ]
        return TableModel(caption: caption ?? "Variance against target and expected", columns: columns, rows: rows, footnotes: notes)
    }

    private static func variance(_ absolute: Double?, _ percent: Double?, kpi: KPIResult) -> String {
        guard let absolute else { return "–" }
        let main = kpi.format == .percent
            ? ValueFormatter.format(absolute * 100, as: .number, decimals: kpi.decimals, signed: true) + " pts"
            : ValueFormatter.format(absolute, as: kpi.format, decimals: kpi.decimals, signed: true)
        guard let percent, kpi.format != .percent else { return main }
        return main + " (" + ValueFormatter.format(percent, as: .number, decimals: 1, signed: true) + "%)"
    }
}
