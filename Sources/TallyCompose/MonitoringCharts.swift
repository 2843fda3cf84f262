import TallyCharts
import TallyCore
import TallyEval
import TallySpec

/// Chart models for trend, run and control chart blocks, from the monitoring results.
enum MonitoringCharts {
    /// The chart model of a monitoring block, or nil when the block's series was not evaluated.
    static func model(block: BlockSpec, blockId: String, results: Results, locale: TallyCore.ReportLocale) -> ChartModel? {
        guard let series = results.monitoring(block: blockId), let kpi = results.kpi(series.kpi) else { return nil }
        let unit = TimeUnit(rawValue: series.period) ?? .week
        let points = series.points
        let periodWord = series.period == "day" ? "daily" : series.period + "ly"
        let caption = captionText(series: series, kpi: kpi, results: results)
        switch block.content {
        case .trendChart(let trend):
            var phases: [TimeSeriesData.Phase] = []
            // The change is shown once, as the label of the phase it starts (not again as an annotation).
            for (index, phase) in results.phases.enumerated() {
                guard let day = CivilDate(iso: Substring(phase.from))?.daysSinceEpoch else { continue }
                phases.append(TimeSeriesData.Phase(label: phase.label, start: Double(day), change: index > 0 ? phase.change : nil))
            }
            let data = TimeSeriesData(
                series: [TimeSeriesData.Series(label: kpi.label, points: points.map { TimeSeriesData.Point(x: Double($0.startDay), value: $0.value) })],
                xAxis: .time(unit), pointLabels: points.map(\.label), phases: phases,
                target: trend.showTarget ? kpi.target : nil, format: kpi.format, decimals: kpi.decimals, locale: locale,
                includeZero: false)
            let alt = "Line chart of \(kpi.label) per \(series.period) from \(points.first?.label ?? "") to \(points.last?.label ?? "")."
            return ChartModel(
                id: blockId, title: block.title ?? "\(kpi.label), \(periodWord)", subtitle: block.subtitle ?? phaseSubtitle(results),
                caption: block.caption ?? caption, altText: alt, size: Composer.chartSize, content: .timeSeries(data))
        case .controlChart, .runChart:
            guard let chart = series.chart else { return nil }
            let isRun: Bool
            if case .runChart = block.content { isRun = true } else { isRun = false }
            var chartPoints: [ControlChartData.Point] = []
            for (index, point) in points.enumerated() {
                let analysed = index < chart.points.count ? chart.points[index] : nil
                let rules = Set(chart.signals.filter { $0.points.contains(index) }.map(\.rule))
                chartPoints.append(ControlChartData.Point(
                    x: Double(point.startDay), label: point.label, value: analysed?.value ?? point.value,
                    centre: analysed?.centre, lower: analysed?.band?.lowerLimit, upper: analysed?.band?.upperLimit,
                    sigma: analysed.flatMap { point in point.band.map { $0.upper1Sigma - (point.centre ?? $0.upper1Sigma) } }, phase: max(0, analysed?.phase ?? 0),
                    signals: rules.map(spcRule).sorted { $0.rawValue < $1.rawValue }, excluded: analysed?.excluded ?? false))
            }
            let phases = chart.phases.map { ControlChartData.Phase(label: $0.label, startIndex: $0.start, change: $0.index > 0 ? $0.reason : nil) }
            let direction: ImprovementDirection = kpi.better == "higher" ? .higherIsBetter : (kpi.better == "lower" ? .lowerIsBetter : .neither)
            let showZones: Bool
            if case .controlChart(let control) = block.content { showZones = control.showZones } else { showZones = false }
            let data = ControlChartData(
                points: chartPoints, phases: phases, xAxis: .time(unit), format: kpi.format, decimals: kpi.decimals, locale: locale,
                improvementDirection: direction, target: kpi.target, chartKindLabel: kindLabel(chart.kind.rawValue), showZones: showZones)
            let signalCount = chart.signals.count
            let alt = "\(isRun ? "Run" : "Control") chart (\(kindLabel(chart.kind.rawValue))) of \(kpi.label) per \(series.period); \(signalCount == 0 ? "no special-cause signals" : "\(signalCount) special-cause signal\(signalCount == 1 ? "" : "s")")."
            let defaultTitle = isRun ? "\(kpi.label): run chart, \(periodWord)" : "\(kpi.label): \(kindLabel(chart.kind.rawValue)) chart, \(periodWord)"
            return ChartModel(
                id: blockId, title: block.title ?? defaultTitle, subtitle: block.subtitle ?? chart.method, caption: block.caption ?? caption,
                altText: alt, size: Composer.chartSize, content: isRun ? .runChart(data) : .controlChart(data))
        default:
            return nil
        }
    }

    /// Chart-kind names as people write them.
    static func kindLabel(_ kind: String) -> String {
        switch kind {
        case "i": return "XmR"
        case "p-prime": return "p′ (Laney)"
        case "u-prime": return "u′ (Laney)"
        case "xbar-r": return "X̄–R"
        case "xbar-s": return "X̄–S"
        case "run": return "run"
        default: return kind
        }
    }

    /// The chart's rule symbol for a rule id of any rule set.
    static func spcRule(_ id: String) -> SPCRule {
        switch id {
        case "nhs.astronomical", "we.1", "nelson.1": return .outsideLimits
        case "nhs.shift", "we.4", "nelson.2", "anhoej.longest-run": return .shift
        case "nhs.trend", "nelson.3": return .trend
        case "nhs.two-of-three", "we.2", "nelson.5": return .twoOfThree
        default: return .other
        }
    }

    private static func phaseSubtitle(_ results: Results) -> String? {
        guard results.phases.count > 1 else { return nil }
        return results.phases.map { "\($0.label) from \(CivilDate(iso: Substring($0.from))?.britishShort ?? $0.from)" }.joined(separator: "; ")
    }

    private static func captionText(series: MonitoringResult, kpi: KPIResult, results: Results) -> String {
        let file = results.datasets.first { $0.name == kpi.dataset }.map { Path.fileName(of: $0.file.path) } ?? kpi.dataset
        let n = series.points.reduce(0) { $0 + $1.n }
        let range = NumberText.dateRange(from: series.points.first?.start ?? "", to: results.phases.last?.to ?? series.points.last?.start ?? "")
        var parts = ["Source: \(file)", range, "\(series.points.count) \(series.period)s", "n = " + ValueFormatter.format(Double(n), as: .integer) + " observations"]
        if let chart = series.chart, !chart.ruleSets.isEmpty { parts.append("Rules: " + chart.ruleSets.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
