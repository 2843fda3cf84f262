import TallyCharts
import TallyCore
import TallyGraphics

/// Deterministic sample charts, one (or more) per chart type, shared by golden, bounds and pixel tests.
enum ChartFixtures {
    /// A tiny deterministic generator (LCG) so fixtures never change between runs.
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        /// Roughly normal (sum of uniforms).
        mutating func normal() -> Double { (0..<6).map { _ in next() }.reduce(0, +) - 3 }
    }

    static let monday6Jan2025 = CivilDate(year: 2025, month: 1, day: 6).days
    static let caption = "Source: contacts.csv (CRM export). Period: 6 Jan 2025 – 29 Sep 2025. n = 48,213 contacts."

    /// Every fixture with a stable name.
    static func all(size: Size = Size(540, 320)) -> [(name: String, model: ChartModel)] {
        [
            ("prepost-bars", prePost(size)),
            ("time-series", timeSeries(size)),
            ("time-series-multi", timeSeriesMulti(size)),
            ("control-xmr", controlChart(size)),
            ("control-p-monthly", controlMonthly(size)),
            ("run-chart", runChart(size)),
        ]
    }

    /// Each fixture with its data removed: must draw the "No data" panel.
    static func empties(size: Size = Size(400, 240)) -> [(name: String, model: ChartModel)] {
        all(size: size).map { ($0.name + "-empty", emptied($0.model)) }
    }

    static func emptied(_ model: ChartModel) -> ChartModel {
        var m = model
        switch m.content {
        case .prePostBars(var d): d.groups = []; m.content = .prePostBars(d)
        case .timeSeries(var d): d.series = []; m.content = .timeSeries(d)
        case .controlChart(var d): d.points = []; m.content = .controlChart(d)
        case .runChart(var d): d.points = d.points.map { var p = $0; p.value = nil; return p }; m.content = .runChart(d)
        }
        return m
    }

    static func model(_ id: String, _ title: String, _ subtitle: String?, _ size: Size, _ content: ChartContent) -> ChartModel {
        ChartModel(id: id, title: title, subtitle: subtitle, caption: caption, altText: "", size: size, content: content)
    }

    static func prePost(_ size: Size) -> ChartModel {
        model(
            "fcr-prepost", "First contact resolution rose from 65.9% to 72.0%", "Share of contacts resolved at first contact, 95% CI",
            size,
            .prePostBars(PrePostBars(
                groups: [PrePostBars.Group(label: "First contact resolution", bars: [
                    .init(phase: "Baseline", value: 0.659, lower: 0.653, upper: 0.665, n: 23_000),
                    .init(phase: "After change", value: 0.72, lower: 0.714, upper: 0.726, n: 24_000),
                ])], format: .percent, decimals: 1, target: 0.75)))
    }

    /// Weekly handling-time values with a drop after week 20.
    static func weeklyValues(count: Int = 40, seed: UInt64 = 7) -> [Double] {
        var noise = Noise(state: seed)
        return (0..<count).map { i in (i < 20 ? 412 : 355) + 18 * noise.normal() }
    }

    static func timeSeries(_ size: Size) -> ChartModel {
        let values = weeklyValues()
        let points = values.enumerated().map { TimeSeriesData.Point(x: Double(monday6Jan2025 + 7 * $0.offset), value: $0.element) }
        return model(
            "aht-weekly", "Average handling time fell by about a minute after the new script", "Weekly mean handling time",
            size,
            .timeSeries(TimeSeriesData(
                series: [.init(label: "Handling time", points: points)], xAxis: .time(.week),
                phases: [
                    .init(label: "Baseline", start: Double(monday6Jan2025)),
                    .init(label: "New triage script", start: Double(monday6Jan2025 + 140), change: "Script live 26 May"),
                ],
                target: 360, format: .duration, decimals: 0)))
    }

    static func timeSeriesMulti(_ size: Size) -> ChartModel {
        var noise = Noise(state: 11)
        let teams = ["North", "South", "Digital"]
        let series = teams.enumerated().map { t, name in
            TimeSeriesData.Series(label: name, points: (0..<18).map { m in
                let date = CivilDate(year: 2024 + m / 12, month: m % 12 + 1, day: 1)
                let base = 0.62 + 0.03 * Double(t) + (m >= 9 ? 0.06 : 0)
                return .init(x: Double(date.days), value: m == 4 && t == 1 ? nil : base + 0.02 * noise.normal())
            })
        }
        return model(
            "csat-teams", "Satisfaction rose in every team after the October change", "CSAT (share scoring 4–5) by team, monthly",
            size,
            .timeSeries(TimeSeriesData(
                series: series, xAxis: .time(.month),
                annotations: [.init(x: Double(CivilDate(year: 2024, month: 10, day: 1).days), label: "Callback service")],
                target: 0.75, format: .percent, decimals: 0)))
    }

    /// An XmR chart over 40 weeks, two phases, with signals.
    static func controlData() -> ControlChartData {
        let values = weeklyValues()
        func stats(_ slice: ArraySlice<Double>) -> (mean: Double, sigma: Double) {
            let mean = slice.reduce(0, +) / Double(slice.count)
            let mrs = zip(slice.dropFirst(), slice).map { abs($0 - $1) }
            return (mean, (mrs.reduce(0, +) / Double(max(1, mrs.count))) / 1.128)
        }
        let phases = [(0, stats(values[0..<20])), (1, stats(values[20...]))]
        var points: [ControlChartData.Point] = []
        for (i, v) in values.enumerated() {
            let (phase, s) = i < 20 ? phases[0] : phases[1]
            var signals: [SPCRule] = []
            if i == 7 { signals = [.outsideLimits] }
            let shifted = (21...28).contains(i)
            if shifted { signals = [.shift] }
            if i == 35 { signals = [.outsideLimits, .twoOfThree] }
            points.append(.init(
                x: Double(monday6Jan2025 + 7 * i), label: CivilDate(days: monday6Jan2025 + 7 * i).dayMonth,
                value: i == 7 ? v + 80 : (i == 35 ? v + 70 : (shifted ? min(v, s.mean - 4) : v)), centre: s.mean, lower: s.mean - 3 * s.sigma,
                upper: s.mean + 3 * s.sigma, sigma: s.sigma, phase: phase, signals: signals, excluded: i == 7))
        }
        return ControlChartData(
            points: points,
            phases: [.init(label: "Baseline", startIndex: 0), .init(label: "New triage script", startIndex: 20, change: "Script live 26 May")],
            xAxis: .time(.week), format: .duration, decimals: 0, improvementDirection: .lowerIsBetter, target: 360,
            chartKindLabel: "XmR", showZones: true)
    }

    static func controlChart(_ size: Size) -> ChartModel {
        model(
            "aht-xmr", "Handling time shifted down after the script and stayed down", "XmR chart of weekly mean handling time",
            size, .controlChart(controlData()))
    }

    /// A p′ chart with varying limits per month (stepped per point).
    static func controlMonthly(_ size: Size) -> ChartModel {
        var noise = Noise(state: 3)
        var points: [ControlChartData.Point] = []
        for m in 0..<24 {
            let date = CivilDate(year: 2023 + m / 12, month: m % 12 + 1, day: 1)
            let n = 800 + 300 * noise.next()
            let p = 0.12, sigma = (p * (1 - p) / n).squareRoot() * 1.4
            let v = p + sigma * noise.normal() - (m == 17 ? 0.05 : 0)
            points.append(.init(
                x: Double(date.days), label: date.monthYear, value: v, centre: p, lower: p - 3 * sigma, upper: p + 3 * sigma,
                sigma: sigma, phase: 0, signals: m == 17 ? [.outsideLimits] : (m == 20 ? [.trend] : [])))
        }
        return model(
            "complaints-p", "Complaint rate is stable apart from one low month", "p′ (Laney) chart, complaints per contact, monthly",
            size,
            .controlChart(ControlChartData(
                points: points, xAxis: .time(.month), format: .percent, decimals: 1, improvementDirection: .lowerIsBetter,
                chartKindLabel: "p′ (Laney)")))
    }

    static func runChart(_ size: Size) -> ChartModel {
        let values = weeklyValues(count: 26, seed: 5)
        let before = values[0..<13].sorted(), after = values[13...].sorted()
        let medians = [before[before.count / 2], after[after.count / 2]]
        let points = values.enumerated().map { i, v in
            ControlChartData.Point(
                x: Double(i), label: "Wk \(i + 1)", value: v, centre: medians[i < 13 ? 0 : 1], phase: i < 13 ? 0 : 1,
                signals: (15...21).contains(i) ? [.shift] : [])
        }
        return model(
            "aht-run", "Handling time: a shift below the median after week 13", "Run chart of weekly mean handling time",
            size,
            .runChart(ControlChartData(
                points: points, phases: [.init(label: "Before", startIndex: 0), .init(label: "After", startIndex: 13, change: "New script")],
                xAxis: .index, format: .duration, decimals: 0, improvementDirection: .lowerIsBetter, chartKindLabel: "Run chart")))
    }
}
