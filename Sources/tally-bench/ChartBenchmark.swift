import TallyCairo
import TallyCharts
import TallyCore
import TallyGraphics

/// Benchmark of the chart stage: a 500-point control chart, 100 charts to 150-dpi PNG, a 12-chart 8-page PDF.
enum ChartBenchmark {
    /// Runs the benchmark (options: `--runs N`, default 7).
    static func run(_ arguments: [String]) {
        let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments.dropFirst($0 + 1).first ?? "") } ?? 7
        let renderer = ChartRenderer(theme: .standard, measurer: PangoTextMeasurer())
        let big = controlChart(points: 500, size: Size(720, 360))
        _ = renderer.render(big)  // warm fonts and caches

        let layout = median(runs) { _ = renderer.render(big) }
        report("charts.control500.layout", layout, budget: 5)
        let drawn = median(runs) {
            let frame = renderer.render(big)
            _ = try? PNGExporter.export(frame, dpi: 72)
        }
        report("charts.control500.layout+draw+png72", drawn, budget: nil)

        let models = (0..<100).map { mixed($0) }
        let renderOnly = median(max(3, runs / 2)) { for m in models { _ = renderer.render(m) } }
        report("charts.100layout", renderOnly, budget: nil)
        let blank = Frame(size: Size(515, 300))
        let blankPNG = median(runs) { _ = try? PNGExporter.export(blank, dpi: 150) }
        report("charts.png150.blank-frame-encode", blankPNG, budget: nil)
        let hundred = median(max(3, runs / 2)) {
            let frames = models.map { renderer.render($0) }
            _ = ParallelMap.run(frames) { (try? PNGExporter.export($0, dpi: 150))?.count ?? 0 }
        }
        report("charts.100png150dpi", hundred, budget: 2000)

        let pages = (0..<8).map { p -> Page in
            var frame = Frame(size: .a4)
            let charts = p < 4 ? 2 : 1  // 4 pages of two charts + 4 pages of one = 12 charts
            for c in 0..<charts {
                frame.place(renderer.render(mixed(p * 2 + c)), at: Point(40, 60 + Double(c) * 380), clip: true)
            }
            return Page(frame: frame)
        }
        let metadata = PDFMetadata(title: "Bench", author: "tally-bench", creator: "tally-bench", creationDate: "2025-01-01T00:00:00")
        let pdf = median(runs) { _ = try? PDFExporter.export(pages, metadata: metadata) }
        report("charts.pdf12charts8pages", pdf, budget: 150)
    }

    /// Median wall time in milliseconds of `runs` runs of `body`.
    static func median(_ runs: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let d = clock.measure(body)
            times.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Prints one result line with its budget verdict.
    static func report(_ name: String, _ ms: Double, budget: Double?) {
        let shown = ValueFormatter.fixed(ms, places: 2, locale: .enGB)
        let verdict = budget.map { ms <= $0 ? "ok (budget \(Int($0)) ms)" : "OVER budget \(Int($0)) ms" } ?? ""
        print("\(name): \(shown) ms \(verdict)")
        BenchResults.append([BenchResults.Row(stage: "charts", measurement: name, rows: nil, runs: nil, wall: (ms / 1000, nil, nil), cpu: nil)])
    }

    /// A weekly XmR chart with two phases, zones, a target and some signals.
    static func controlChart(points count: Int, size: Size) -> ChartModel {
        var state: UInt64 = 42
        func noise() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        let start = CivilDate(year: 2015, month: 1, day: 5).days
        let points = (0..<count).map { i -> ControlChartData.Point in
            let phase = i < count / 2 ? 0 : 1
            let centre = phase == 0 ? 400.0 : 360
            return .init(
                x: Double(start + 7 * i), label: "", value: centre + 60 * noise(), centre: centre, lower: centre - 50, upper: centre + 50,
                sigma: 16.7, phase: phase, signals: i % 37 == 0 ? [.outsideLimits] : [])
        }
        return ChartModel(
            id: "bench-control", title: "Handling time, weekly", subtitle: "XmR chart", caption: "Source: bench. n = \(count).", altText: "",
            size: size,
            content: .controlChart(ControlChartData(
                points: points, phases: [.init(label: "Baseline", startIndex: 0), .init(label: "After", startIndex: count / 2, change: "Change")],
                xAxis: .time(.week), format: .duration, decimals: 0, improvementDirection: .lowerIsBetter, target: 380,
                chartKindLabel: "XmR", showZones: true)))
    }

    /// One of several chart types, by index.
    static func mixed(_ i: Int) -> ChartModel {
        let size = Size(515, 300)
        switch i % 4 {
        case 0: return controlChart(points: 52, size: size)
        case 1:
            return ChartModel(
                id: "p\(i)", title: "Complaints by reason", caption: "Source: bench.", altText: "", size: size,
                content: .pareto(ParetoData(categories: (0..<8).map { .init(label: "Reason \($0 + 1)", value: Double(400 / ($0 + 1)), cumulativeShare: Double($0 + 1) / 8) }, unit: "complaints")))
        case 2:
            return ChartModel(
                id: "l\(i)", title: "CSAT", caption: "Source: bench.", altText: "", size: size,
                content: .likert(LikertData(levels: ["1", "2", "3", "4", "5"], rows: [.init(label: "Before", counts: [10, 20, 30, 40, 20]), .init(label: "After", counts: [5, 15, 25, 50, 30])])))
        default:
            return ChartModel(
                id: "d\(i)", title: "FCR by team", caption: "Source: bench.", altText: "", size: size,
                content: .dumbbell(DumbbellData(rows: (0..<8).map { .init(label: "Team \($0 + 1)", baseline: 0.6 + 0.01 * Double($0), post: 0.65 + 0.012 * Double($0)) }, format: .percent, decimals: 0, improvementDirection: .higherIsBetter)))
        }
    }
}
