import TallyGraphics
import TallyCharts
import TallyCore
import TallyEval
import Foundation
import TallySpec

/// Chart models for Pareto, distribution, Likert, SERVQUAL, small-multiples and KPI-tile blocks.
enum BlockCharts {
    /// The chart models a block produces (tiles and SERVQUAL before/after give several), with grid widths.
    static func models(block: BlockSpec, id: String, data: BlockData, results: Results, locale: TallyCore.ReportLocale) -> [(ChartModel, Int)] {
        let source = data.dataset.flatMap { name in results.datasets.first { $0.name == name } }.map { Path.fileName(of: $0.file.path) } ?? data.dataset ?? ""
        let asOf = CivilDate(iso: Substring(results.report.asOf))?.britishShort ?? results.report.asOf
        func caption(_ extra: String) -> String { block.caption ?? "Source: \(source) · \(extra) · As of \(asOf)" }
        let size = block.width.map { _ in Composer.chartSize } ?? Composer.chartSize
        switch block.content {
        case .pareto(let pareto):
            guard let analysis = data.pareto else { return [] }
            let categories = analysis.rows.map { ParetoData.Category(label: $0.category, value: $0.value, cumulativeShare: $0.cumulativeShare) }
            let unit = pareto.weight == nil ? (data.dataset ?? "records") : pareto.weight?.value ?? "weight"
            let model = ParetoData(categories: categories, threshold: pareto.threshold, format: pareto.weight == nil ? .integer : .number, decimals: pareto.weight == nil ? 0 : 1, locale: locale, unit: unit)
            let vital = analysis.rows.filter(\.isVitalFew).map(\.category)
            let title = block.title ?? "\(pareto.category.value.capitalisedFirst) — Pareto"
            let alt = "Pareto chart of \(pareto.category.value): \(vital.count) categor\(vital.count == 1 ? "y" : "ies") (\(vital.joined(separator: ", "))) account for \(ValueFormatter.format(analysis.vitalFewShare, as: .percent)) of \(ValueFormatter.format(analysis.total, as: .integer, locale: locale)) \(unit)."
            let subtitle = block.subtitle ?? "The vital few — \(vital.count) of \(analysis.rows.count) categories — account for \(ValueFormatter.format(analysis.vitalFewShare, as: .percent)) of the total"
            return [(ChartModel(id: id, title: title, subtitle: subtitle, caption: caption("n = " + ValueFormatter.format(analysis.total, as: .integer, locale: locale) + " " + unit), altText: alt, size: size, content: .pareto(model)), block.width ?? 12)]
        case .distribution(let distribution):
            guard let phases = data.distribution else { return [] }
            let format = valueFormat(distribution.source, results: results)
            let n = phases.reduce(0) { $0 + $1.n }
            let title = block.title ?? "Distribution by phase"
            if distribution.kind == .boxplot {
                let groups = phases.compactMap { phase -> BoxPlotData.Group? in
                    guard phase.fiveNumber.count == 5, phase.whiskers.count == 2 else { return nil }
                    return BoxPlotData.Group(
                        label: phase.label, n: phase.n, whiskerLow: phase.whiskers[0], q1: phase.fiveNumber[1], median: phase.fiveNumber[2],
                        q3: phase.fiveNumber[3], whiskerHigh: phase.whiskers[1], outliers: phase.outliers, mean: phase.mean)
                }
                let alt = "Box plot by phase: " + phases.map { "\($0.label) median \($0.fiveNumber.count == 5 ? ValueFormatter.format($0.fiveNumber[2], as: format.0, decimals: format.1, locale: locale) : "n/a") (n = \($0.n))" }.joined(separator: "; ") + "."
                return [(ChartModel(id: id, title: title, subtitle: block.subtitle ?? "Median, quartiles and Tukey whiskers (1.5 × IQR); dots are outliers", caption: caption("n = \(ValueFormatter.format(Double(n), as: .integer))"), altText: alt, size: size, content: .boxPlot(BoxPlotData(groups: groups, format: format.0, decimals: format.1, locale: locale))), block.width ?? 12)]
            }
            let histogram = HistogramData(edges: data.binEdges ?? [], groups: phases.map { HistogramData.Group(label: $0.label, counts: $0.histogram) }, format: format.0, locale: locale)
            let alt = "Histogram by phase: " + phases.map { "\($0.label) n = \($0.n), median \($0.fiveNumber.count == 5 ? ValueFormatter.format($0.fiveNumber[2], as: format.0, decimals: format.1, locale: locale) : "n/a")" }.joined(separator: "; ") + "."
            return [(ChartModel(id: id, title: title, subtitle: block.subtitle ?? "Share of values in each band; the top 1% are counted in the last band", caption: caption("n = \(ValueFormatter.format(Double(n), as: .integer))"), altText: alt, size: size, content: .histogram(histogram)), block.width ?? 12)]
        case .likert(let likert):
            guard let phases = data.likert else { return [] }
            let levels = likert.labels.count == likert.scale ? likert.labels : (1...max(2, likert.scale)).map(String.init)
            let model = LikertData(levels: levels, rows: phases.map { LikertData.Row(label: $0.label, counts: $0.counts.map(Double.init)) }, locale: locale)
            let alt = "Diverging bars of \(likert.column.value) answers by phase: " + phases.map { phase in
                let top = phase.counts.suffix(2).reduce(0, +)
                return "\(phase.label) \(phase.n > 0 ? ValueFormatter.format(Double(top) / Double(phase.n), as: .percent) : "n/a") in the top two levels"
            }.joined(separator: "; ") + "."
            return [(ChartModel(id: id, title: block.title ?? "\(likert.column.value.capitalisedFirst) answers by phase", subtitle: block.subtitle ?? "Share of answers at each level; negative levels left of the centre line", caption: caption("n = \(ValueFormatter.format(Double(data.rows), as: .integer)) answers"), altText: alt, size: Composer.chartSize, content: .likert(model)), block.width ?? 12)]
        case .servqualGap:
            guard let rows = data.servqual else { return [] }
            let waves = rows.reduce(into: [String]()) { if !$0.contains($1.wave) { $0.append($1.wave) } }
            var out: [(ChartModel, Int)] = []
            for (index, wave) in waves.enumerated() {
                let dims = rows.filter { $0.wave == wave }.map { ServqualData.Dimension(label: $0.dimension, expectation: $0.expectation, perception: $0.perception) }
                let n = rows.filter { $0.wave == wave }.map(\.n).max() ?? 0
                let alt = "SERVQUAL expectation and perception by dimension, wave \(wave): " + dims.map { "\($0.label) gap \($0.gap.map { ValueFormatter.format($0, as: .number, decimals: 2, signed: true) } ?? "n/a")" }.joined(separator: ", ") + "."
                out.append((ChartModel(
                    id: waves.count > 1 ? "\(id)-\(Slug.make(wave))" : id, title: "\(block.title ?? "Expectations and perceptions"): \(wave)",
                    subtitle: "Mean score per dimension (1–7); the gap is perception − expectation", caption: caption("wave '\(wave)', n = \(n) respondents"),
                    altText: alt, size: Size(Composer.chartSize.width, 250), content: .servqual(ServqualData(dimensions: dims, decimals: 2, locale: locale))), waves.count > 1 && index < 2 ? 12 : 12))
            }
            if waves.count >= 2, let first = waves.first, let last = waves.last {
                let dumbbell = DumbbellData(
                    rows: rows.filter { $0.wave == first }.map { before in
                        DumbbellData.Row(label: before.dimension, baseline: before.gap, post: rows.first { $0.wave == last && $0.dimension == before.dimension }?.gap)
                    },
                    baselineLabel: first.capitalisedFirst, postLabel: last.capitalisedFirst, format: .number, decimals: 2, locale: locale,
                    improvementDirection: .higherIsBetter, includeZero: true)
                out.append((ChartModel(
                    id: "\(id)-gaps", title: "SERVQUAL gap by dimension, \(first) → \(last)", subtitle: "Perception − expectation; closer to zero (or above) is better",
                    caption: caption("waves '\(first)' and '\(last)'"), altText: "Dumbbell chart of the SERVQUAL gap per dimension from \(first) to \(last).",
                    size: Size(Composer.chartSize.width, 230), content: .dumbbell(dumbbell)), 12))
            }
            return out
        case .smallMultiples(let multiples):
            guard let groups = data.groups, let starts = data.periodStarts, let kpi = results.kpi(multiples.kpi.value) else { return [] }
            let unit = TimeUnit(rawValue: (multiples.period?.rawValue ?? "month")) ?? .month
            let panels = groups.map { group in SmallMultiplesData.Panel(label: group.group, points: zip(starts, group.values).map { TimeSeriesData.Point(x: Double($0.0), value: $0.1) }) }
            let change = results.phases.dropFirst().first.flatMap { CivilDate(iso: Substring($0.from)) }.map { Double($0.daysSinceEpoch) }
            let model = SmallMultiplesData(panels: panels, xAxis: .time(unit), changeAt: change, target: kpi.target, format: kpi.format, decimals: kpi.decimals, locale: locale)
            let alt = "Small multiples of \(kpi.label) by \(multiples.by.value): " + groups.map(\.group).joined(separator: ", ") + "."
            return [(ChartModel(id: id, title: block.title ?? "\(kpi.label) by \(multiples.by.value)", subtitle: block.subtitle, caption: caption("\(groups.count) panels"), altText: alt, size: Size(Composer.chartSize.width, 320), content: .smallMultiples(model)), block.width ?? 12)]
        case .kpiTiles:
            guard let tiles = data.tiles else { return [] }
            // Two tiles per row (three when there are exactly three): values and icons need the width.
            let columns = tiles.count == 3 ? 4 : 6
            return tiles.compactMap { tile -> (ChartModel, Int)? in
                guard let kpi = results.kpi(tile.kpi) else { return nil }
                let latest = kpi.phases.last?.value
                let change = kpi.comparisons.last?.difference
                let direction: ImprovementDirection = kpi.better == "higher" ? .higherIsBetter : (kpi.better == "lower" ? .lowerIsBetter : .neither)
                let model = KPITileData(
                    value: latest, format: kpi.format, decimals: kpi.decimals, locale: locale, change: change,
                    changeLabel: "vs \(results.phases.first?.label.lowercased() ?? "baseline")", improvementDirection: direction,
                    sparkline: tile.weekly, target: kpi.target, variation: variationIcon(tile.variation, better: kpi.better),
                    assurance: assuranceIcon(tile.assurance))
                let alt = "\(kpi.label): \(latest.map { ValueFormatter.format($0, as: kpi.format, decimals: kpi.decimals, locale: locale) } ?? "n/a"); variation \(tile.variation ?? "n/a"), assurance \(tile.assurance ?? "n/a")."
                return (ChartModel(id: "\(id)-\(tile.kpi)", title: kpi.label, subtitle: nil, caption: "Weekly, \(results.phases.last?.label ?? "latest phase")", altText: alt, size: Size(236, 112), content: .kpiTile(model)), columns)
            }
        default:
            return []
        }
    }

    /// NHS variation icon as the tile draws it, oriented by the KPI's improvement direction.
    static func variationIcon(_ id: String?, better: String?) -> VariationIcon {
        switch id {
        case "common-cause": return .commonCause
        case "special-cause-improving": return better == "lower" ? .improvementLow : .improvementHigh
        case "special-cause-concerning": return better == "lower" ? .concernHigh : .concernLow
        case "special-cause-neither": return .neitherHigh
        default: return .none
        }
    }

    /// NHS assurance icon as the tile draws it.
    static func assuranceIcon(_ id: String?) -> AssuranceIcon {
        switch id {
        case "consistently-met": return .pass
        case "consistently-missed": return .fail
        case "inconsistent": return .hitOrMiss
        default: return .none
        }
    }

    private static func valueFormat(_ source: DistributionSource, results: Results) -> (ValueFormat, Int) {
        if case .kpi(let id) = source, let kpi = results.kpi(id.value) {
            // A distribution shows the KPI's observations: percentages of a proportion are 0/1, so show numbers.
            return kpi.format == .percent ? (.number, 1) : (kpi.format, kpi.decimals)
        }
        return (.number, 1)
    }
}

extension String {
    /// The first letter in upper case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
