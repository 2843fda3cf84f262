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
            ("pareto", pareto(size)),
            ("histogram", histogram(size)),
            ("box-plot", boxPlot(size)),
            ("likert", likert(size)),
            ("dumbbell", dumbbell(size)),
            ("kpi-tile", kpiTile(Size(min(size.width, 300), min(size.height, 170)))),
            ("small-multiples", smallMultiples(size)),
            ("servqual", servqual(size)),
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
        case .pareto(var d): d.categories = []; m.content = .pareto(d)
        case .histogram(var d): d.groups = []; m.content = .histogram(d)
        case .boxPlot(var d): d.groups = []; m.content = .boxPlot(d)
        case .likert(var d): d.rows = d.rows.map { .init(label: $0.label, counts: $0.counts.map { _ in 0 }) }; m.content = .likert(d)
        case .dumbbell(var d): d.rows = d.rows.map { .init(label: $0.label, baseline: nil, post: nil) }; m.content = .dumbbell(d)
        case .kpiTile(var d): d.value = nil; m.content = .kpiTile(d)
        case .smallMultiples(var d): d.panels = []; m.content = .smallMultiples(d)
        case .servqual(var d): d.dimensions = []; m.content = .servqual(d)
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
        // The baseline median is extended into the after period; a shift is 6+ consecutive points on one side of it.
        var noise = Noise(state: 5)
        let values = (0..<26).map { i in (i < 13 ? 412.0 : 372) + 16 * noise.normal() }
        let sorted = values[0..<13].sorted()
        let median = sorted[sorted.count / 2]
        var signals = [[SPCRule]](repeating: [], count: values.count)
        var runStart = 0
        for i in 1...values.count {
            let sameSide = i < values.count && (values[i] < median) == (values[runStart] < median) && values[i] != median
            if !sameSide {
                if i - runStart >= 6 { for k in runStart..<i { signals[k] = [.shift] } }
                runStart = i
            }
        }
        let points = values.enumerated().map { i, v in
            ControlChartData.Point(x: Double(i), label: "Wk \(i + 1)", value: v, centre: median, phase: i < 13 ? 0 : 1, signals: signals[i])
        }
        return model(
            "aht-run", "Handling time: a run below the baseline median after the new script", "Run chart of weekly mean handling time",
            size,
            .runChart(ControlChartData(
                points: points, phases: [.init(label: "Before", startIndex: 0), .init(label: "After", startIndex: 13, change: "New script")],
                xAxis: .index, format: .duration, decimals: 0, improvementDirection: .lowerIsBetter, chartKindLabel: "Run chart")))
    }

    static func pareto(_ size: Size) -> ChartModel {
        let raw: [(String, Double)] = [
            ("Billing error", 412), ("Long wait on phone", 298), ("Not called back", 187), ("Wrong information given", 121),
            ("Rude staff", 64), ("Website fault", 41), ("Other", 37),
        ]
        let total = raw.map(\.1).reduce(0, +)
        var running = 0.0
        let cats = raw.map { label, v -> ParetoData.Category in
            running += v
            return .init(label: label, value: v, cumulativeShare: running / total)
        }
        return model(
            "complaints-pareto", "Three reasons account for 78% of complaints", "Complaints by reason, after the change",
            size, .pareto(ParetoData(categories: cats, threshold: 0.8, unit: "complaints")))
    }

    static func histogram(_ size: Size) -> ChartModel {
        let edges = stride(from: 120.0, through: 720, by: 60).map { $0 }
        return model(
            "aht-hist", "Fewer long calls after the change", "Distribution of handling time per call",
            size,
            .histogram(HistogramData(edges: edges, groups: [
                .init(label: "Baseline", counts: [12, 60, 160, 260, 240, 170, 90, 50, 30, 20]),
                .init(label: "After change", counts: [20, 110, 260, 300, 200, 100, 40, 15, 8, 4]),
            ], format: .duration)))
    }

    static func boxPlot(_ size: Size) -> ChartModel {
        model(
            "aht-box", "Median handling time fell by 48 seconds", "Handling time per call by phase",
            size,
            .boxPlot(BoxPlotData(groups: [
                .init(label: "Baseline", n: 1_112, whiskerLow: 150, q1: 330, median: 402, q3: 470, whiskerHigh: 680, outliers: [700, 715], mean: 410),
                .init(label: "After change", n: 1_057, whiskerLow: 140, q1: 290, median: 354, q3: 410, whiskerHigh: 600, outliers: [640, 690, 712], mean: 358),
            ], format: .duration, decimals: 0)))
    }

    static func likert(_ size: Size) -> ChartModel {
        model(
            "csat-likert", "More customers were satisfied after the change", "CSAT survey responses, share of respondents",
            size,
            .likert(LikertData(
                levels: ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
                rows: [
                    .init(label: "Baseline", counts: [142, 210, 260, 520, 300]),
                    .init(label: "After change", counts: [80, 150, 230, 610, 420]),
                ])))
    }

    static func dumbbell(_ size: Size) -> ChartModel {
        model(
            "fcr-teams", "First contact resolution improved in five of six teams", "Baseline (Jan–Mar) vs after the change (Jun–Sep)",
            size,
            .dumbbell(DumbbellData(rows: [
                .init(label: "North", baseline: 0.64, post: 0.71), .init(label: "South", baseline: 0.61, post: 0.69),
                .init(label: "Digital channels and webchat", baseline: 0.72, post: 0.78), .init(label: "Complaints", baseline: 0.55, post: 0.52),
                .init(label: "Billing", baseline: 0.66, post: 0.70), .init(label: "Retentions", baseline: 0.70, post: 0.70),
            ], baselineLabel: "Baseline", postLabel: "After", format: .percent, decimals: 0, improvementDirection: .higherIsBetter)))
    }

    static func kpiTile(_ size: Size) -> ChartModel {
        model(
            "fcr-tile", "First contact resolution", "Latest month, Sep 2025",
            size,
            .kpiTile(KPITileData(
                value: 0.72, format: .percent, decimals: 1, change: 0.061, changeLabel: "vs baseline", improvementDirection: .higherIsBetter,
                sparkline: [0.65, 0.66, 0.655, 0.67, 0.66, 0.69, 0.70, nil, 0.71, 0.72, 0.715, 0.72], target: 0.7,
                variation: .improvementHigh, assurance: .hitOrMiss)))
    }

    static func smallMultiples(_ size: Size) -> ChartModel {
        var noise = Noise(state: 21)
        let teams = ["North", "South", "Digital", "Complaints", "Billing", "Retentions"]
        let panels = teams.enumerated().map { t, name in
            SmallMultiplesData.Panel(label: name, points: (0..<18).map { m in
                let date = CivilDate(year: 2024 + m / 12, month: m % 12 + 1, day: 1)
                return .init(x: Double(date.days), value: 0.6 + 0.02 * Double(t) + (m >= 9 ? 0.05 : 0) + 0.02 * noise.normal())
            })
        }
        return model(
            "fcr-small-multiples", "Every team improved after the October change", "First contact resolution by team, monthly",
            size,
            .smallMultiples(SmallMultiplesData(
                panels: panels, xAxis: .time(.month), changeAt: Double(CivilDate(year: 2024, month: 10, day: 1).days), target: 0.7,
                format: .percent, decimals: 0)))
    }

    static func servqual(_ size: Size) -> ChartModel {
        model(
            "servqual", "Reliability and responsiveness fall furthest short", "SERVQUAL scores, 1–7 scale, after the change",
            size,
            .servqual(ServqualData(dimensions: [
                .init(label: "Tangibles", expectation: 5.4, perception: 5.6), .init(label: "Reliability", expectation: 6.5, perception: 5.3),
                .init(label: "Responsiveness", expectation: 6.2, perception: 5.1), .init(label: "Assurance", expectation: 6.0, perception: 5.7),
                .init(label: "Empathy", expectation: 5.8, perception: 5.5),
            ])))
    }
}
