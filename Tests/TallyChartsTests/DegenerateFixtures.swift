import TallyCharts
import TallyCore
import TallyGraphics

/// Awkward inputs for every chart type: one point, constant values, NaN, mismatched arrays, impossible scales.
extension ChartFixtures {
    static func degenerate(size: Size = Size(400, 240)) -> [(name: String, model: ChartModel)] {
        let nan = Double.nan
        let day = Double(monday6Jan2025)
        func point(_ x: Double, _ v: Double?, c: Double? = 5, l: Double? = 4, u: Double? = 6) -> ControlChartData.Point {
            .init(x: x, label: "P", value: v, centre: c, lower: l, upper: u, sigma: 0.3)
        }
        func control(_ points: [ControlChartData.Point], _ phases: [ControlChartData.Phase] = []) -> ChartContent {
            .controlChart(ControlChartData(points: points, phases: phases, xAxis: .time(.week), format: .number, decimals: 1, improvementDirection: .neither, chartKindLabel: "XmR", showZones: true))
        }
        let cases: [(String, ChartContent)] = [
            ("control-one-point", control([point(day, 5)])),
            ("control-constant", control((0..<10).map { point(day + 7 * Double($0), 5, c: 5, l: 5, u: 5) })),
            ("control-nan", control([point(day, nan), point(day + 7, 5, c: nan, l: nil, u: .infinity), point(day + 14, nil), point(day + 21, 6)])),
            ("control-bad-phases", control((0..<5).map { point(day + 7 * Double($0), Double($0)) }, [.init(label: "A", startIndex: 9), .init(label: "B", startIndex: -3, change: "x")])),
            ("run-index-one", .runChart(ControlChartData(points: [.init(x: 0, label: "Wk 1", value: 3, centre: 3)], xAxis: .index, format: .integer, decimals: 0, improvementDirection: .higherIsBetter, chartKindLabel: "Run chart"))),
            ("series-one-point", .timeSeries(TimeSeriesData(series: [.init(label: "A", points: [.init(x: day, value: 0.5)])], xAxis: .time(.month), target: 0.5, format: .percent, decimals: 0))),
            ("series-all-nan", .timeSeries(TimeSeriesData(series: [.init(label: "A", points: [.init(x: day, value: nan), .init(x: nan, value: 3)])], xAxis: .time(.day), format: .number, decimals: 0))),
            ("series-negative-huge", .timeSeries(TimeSeriesData(series: [.init(label: "A", points: (0..<30).map { .init(x: day + Double($0), value: $0 % 2 == 0 ? -4.0e9 : 7.5e9) })], xAxis: .time(.day), format: .currency, decimals: 0))),
            ("series-long-daily", .timeSeries(TimeSeriesData(series: [.init(label: "A", points: (0..<2000).map { .init(x: day + Double($0), value: Double($0 % 17)) })], xAxis: .time(.day), format: .number, decimals: 0))),
            ("series-huge-x", .timeSeries(TimeSeriesData(series: [.init(label: "A", points: [.init(x: 1e300, value: 1), .init(x: -.infinity, value: 2), .init(x: day, value: 3)])], xAxis: .time(.week), phases: [.init(label: "P", start: .nan, change: "c")], annotations: [.init(x: .infinity, label: "never")], format: .number, decimals: 0))),
            ("control-index-long", .controlChart(ControlChartData(points: (0..<1200).map { .init(x: Double($0), label: "Sample \($0 + 1)", value: Double($0 % 13), centre: 6, lower: 0, upper: 12, signals: $0 % 100 == 0 ? [.trend, .other] : []) }, xAxis: .index, format: .number, decimals: 0, improvementDirection: .higherIsBetter, chartKindLabel: "I chart"))),
            ("pareto-zero", .pareto(ParetoData(categories: [.init(label: "Only", value: 0, cumulativeShare: 0)], unit: "complaints"))),
            ("pareto-nan", .pareto(ParetoData(categories: [.init(label: "A", value: nan, cumulativeShare: nan), .init(label: "B", value: 3, cumulativeShare: 1)], unit: "complaints"))),
            ("histogram-flat-edges", .histogram(HistogramData(edges: [5, 5], groups: [.init(label: "A", counts: [3])], format: .number))),
            ("histogram-mismatch", .histogram(HistogramData(edges: [0, 1, 2], groups: [.init(label: "A", counts: [3])], format: .number))),
            ("box-constant", .boxPlot(BoxPlotData(groups: [.init(label: "A", n: 3, whiskerLow: 2, q1: 2, median: 2, q3: 2, whiskerHigh: 2)], format: .number, decimals: 1))),
            ("box-nan", .boxPlot(BoxPlotData(groups: [.init(label: "A", n: 3, whiskerLow: nan, q1: 2, median: 2, q3: 2, whiskerHigh: 2)], format: .number, decimals: 1))),
            ("likert-one-level", .likert(LikertData(levels: ["Only"], rows: [.init(label: "A", counts: [4])]))),
            ("likert-short-counts", .likert(LikertData(levels: ["1", "2", "3", "4"], rows: [.init(label: "A", counts: [4, nan])]))),
            ("dumbbell-nan", .dumbbell(DumbbellData(rows: [.init(label: "A", baseline: nan, post: 3), .init(label: "B", baseline: nil, post: nil)], format: .number, decimals: 0, improvementDirection: .lowerIsBetter))),
            ("kpi-no-spark", .kpiTile(KPITileData(value: 3, format: .number, decimals: 0, change: .infinity, improvementDirection: .neither, sparkline: [nil, nan], variation: .concernLow, assurance: .fail))),
            ("kpi-nan", .kpiTile(KPITileData(value: nan, format: .number, decimals: 0, improvementDirection: .neither))),
            ("multiples-one", .smallMultiples(SmallMultiplesData(panels: [.init(label: "Solo", points: [.init(x: day, value: 1)])], xAxis: .time(.week), changeAt: day, format: .number, decimals: 0))),
            ("multiples-many", .smallMultiples(SmallMultiplesData(panels: (0..<40).map { .init(label: "Team \($0)", points: [.init(x: day, value: 1), .init(x: day + 7, value: 2)]) }, xAxis: .time(.week), format: .number, decimals: 0))),
            ("servqual-flat-scale", .servqual(ServqualData(dimensions: [.init(label: "A", expectation: 3, perception: 4)], scaleMin: 5, scaleMax: 5))),
            ("servqual-out-of-scale", .servqual(ServqualData(dimensions: [.init(label: "A", expectation: 9, perception: -2), .init(label: "B", expectation: nil, perception: 4)]))),
            ("prepost-nan", .prePostBars(PrePostBars(groups: [.init(label: "A", bars: [.init(phase: "Baseline", value: nan, n: 0), .init(phase: "After", value: 0.5, lower: nan, upper: 0.6, n: 3)])], format: .percent, decimals: 1))),
        ]
        return cases.map { name, content in
            (name, ChartModel(id: name, title: "Edge case: \(name)", subtitle: "Degenerate input", caption: "Source: test. n = 0.", altText: "", size: size, content: content))
        }
    }
}
