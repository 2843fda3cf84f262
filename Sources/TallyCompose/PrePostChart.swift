import TallyCharts
import TallyCore
import TallyEval
import TallySpec

/// Builds the chart model of a `prepost_chart` block from KPI results.
enum PrePostChart {
    /// The model, or nil (with a diagnostic) when a KPI is unknown.
    static func model(block: BlockSpec, content: PhaseComparisonBlock, results: Results, locale: TallyCore.ReportLocale, diagnostics: inout [Diagnostic]) -> ChartModel? {
        var kpis: [KPIResult] = []
        for id in content.kpis {
            guard let kpi = results.kpi(id.value) else {
                diagnostics.append(.error(.spec, "prepost_chart refers to KPI '\(id.value)', which was not evaluated", at: id.location))
                return nil
            }
            kpis.append(kpi)
        }
        guard let first = kpis.first else { return nil }
        let wanted = Set(content.phases.map(\.value))
        let phases = results.phases.filter { wanted.isEmpty || wanted.contains($0.id) }
        let groups = kpis.map { kpi in
            PrePostBars.Group(label: kpi.label, bars: phases.map { phase in
                let value = kpi.value(in: phase.id)
                return PrePostBars.Bar(phase: phase.label, value: value?.value, lower: value?.interval?.lower, upper: value?.interval?.upper, n: value?.n ?? 0)
            })
        }
        let data = PrePostBars(
            groups: groups, format: first.format, decimals: first.decimals, locale: locale,
            target: kpis.count == 1 ? first.target : nil)
        let id = block.id?.value ?? "prepost-" + kpis.map(\.id).joined(separator: "-")
        let title = block.title ?? (kpis.count == 1 ? "\(first.label) by phase" : "KPIs by phase")
        let intervalMethod = first.phases.first?.interval?.method
        let subtitle = block.subtitle ?? subtitleText(kpis: kpis, method: intervalMethod)
        let caption = block.caption ?? captionText(kpis: kpis, phases: phases, results: results)
        let alt = kpis.map { kpi in
            "\(kpi.label): " + phases.map { phase in
                let value = kpi.value(in: phase.id)
                let text = value?.value.map { ValueFormatter.format($0, as: kpi.format, decimals: kpi.decimals, locale: locale) } ?? "no value"
                return "\(text) in \(phase.label) (n = \(value?.n ?? 0))"
            }.joined(separator: ", ")
        }.joined(separator: "; ")
        return ChartModel(
            id: id, title: title, subtitle: subtitle, caption: caption, altText: "Bar chart. " + alt + ".",
            size: Composer.chartSize, content: .prePostBars(data))
    }

    private static func subtitleText(kpis: [KPIResult], method: String?) -> String {
        let intervalName: String
        switch method {
        case "wilson": intervalName = "Wilson"
        case "student-t": intervalName = "t"
        case "order-statistic-binomial": intervalName = "order-statistic"
        case "nps-multinomial-normal": intervalName = "multinomial"
        default: intervalName = ""
        }
        let what = kpis.count == 1 ? "Value in each phase" : "Each KPI in each phase"
        return method == nil ? what : "\(what), with 95% confidence intervals (\(intervalName))"
    }

    /// "Source: tickets.csv · Baseline 6 Jan – 6 Jul 2025 · After … · n = 48,112"
    static func captionText(kpis: [KPIResult], phases: [PhaseFacts], results: Results) -> String {
        let datasets = Set(kpis.map(\.dataset))
        let files = results.datasets.filter { datasets.contains($0.name) }.map { Path.fileName(of: $0.file.path) }
        var parts = ["Source: " + (files.isEmpty ? datasets.sorted().joined(separator: ", ") : files.joined(separator: ", "))]
        for phase in phases { parts.append("\(phase.label) \(NumberText.dateRange(from: phase.from, to: phase.to))") }
        if let kpi = kpis.first {
            let total = kpi.phases.filter { p in phases.contains { $0.id == p.phase } }.reduce(0) { $0 + $1.n }
            parts.append("n = " + ValueFormatter.format(Double(total), as: .integer) + " observations")
        }
        parts.append("As of " + (CivilDate(iso: Substring(results.report.asOf))?.britishShort ?? results.report.asOf))
        return parts.joined(separator: " · ")
    }
}
