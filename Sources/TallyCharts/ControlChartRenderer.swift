import TallyCore
import TallyGraphics

/// Draws control charts (any SPC type) and run charts: data line, centre and limits as steps per phase,
/// optional 1σ/2σ zones, special-cause markers (shape = rule, colour and fill = improvement or concern).
struct ControlChartRenderer {
    let theme: Theme
    let measurer: any TextMeasurer
    /// True for a run chart: no limits or zones, the centre is the median.
    let isRunChart: Bool

    private var commonCause: Color { Color(hex: 0x7F7F7F) }
    private var neutralSignal: Color { Color(hex: 0x7B3294) }

    /// Legend: the data line, then each rule's symbol and each meaning present.
    func legend(_ data: ControlChartData) -> [LegendEntry] {
        guard data.points.contains(where: { $0.value != nil }) else { return [] }
        var entries = [LegendEntry(.lineMarker(Stroke(color: commonCause, width: 1.2), .circle), isRunChart ? "Data" : "Common cause", optional: true)]
        let flagged = data.points.filter { !$0.signals.isEmpty && $0.value != nil }
        let rules = Set(flagged.compactMap { primaryRule($0) })
        for rule in SPCRule.allCases where rules.contains(rule) {
            entries.append(LegendEntry(.marker(rule.marker, fill: theme.text, stroke: nil), rule.legendLabel))
        }
        let meanings = Set(flagged.map { data.meaning(of: $0) })
        if meanings.contains(1) { entries.append(LegendEntry(.marker(.circle, fill: theme.improvement, stroke: nil), "Improvement")) }
        if meanings.contains(-1) { entries.append(LegendEntry(.marker(.circle, fill: nil, stroke: theme.concern), "Concern")) }
        if meanings.contains(0) { entries.append(LegendEntry(.marker(.circle, fill: neutralSignal, stroke: nil), "Special cause")) }
        if data.points.contains(where: \.excluded) { entries.append(LegendEntry(.marker(.circle, fill: nil, stroke: commonCause), "Excluded", optional: true)) }
        if !isRunChart && data.points.contains(where: { $0.lower != nil || $0.upper != nil }) {
            entries.append(LegendEntry(.line(Stroke(color: theme.text, width: 1, dash: [4, 2.5])), "\(data.chartKindLabel) limits", optional: true))
        }
        if !isRunChart && data.showZones && data.points.contains(where: { $0.sigma != nil }) {
            entries.append(LegendEntry(.line(Stroke(color: theme.axis, width: 0.7, dash: [1, 2])), "1σ, 2σ", optional: true))
        }
        return entries
    }

    private func primaryRule(_ point: ControlChartData.Point) -> SPCRule? {
        point.signals.min { $0.priority < $1.priority }
    }

    /// Draws the chart into `plot`.
    func draw(_ data: ControlChartData, in plot: Rect, chartWidth: Double, into frame: inout Frame) {
        let values = data.points.compactMap(\.value).filter(\.isFinite)
        guard !values.isEmpty else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let points = data.points
        let xs = points.enumerated().map { position(data, $0.offset) }
        let last = points.last { $0.centre != nil }
        func fmt(_ v: Double) -> String { ValueFormatter.format(v, as: data.format, decimals: data.decimals, locale: data.locale) }
        let centreName = isRunChart ? "Median" : "Mean"
        var rightTexts: [(text: String, y: Double, color: Color, bold: Bool)] = []
        var rightValues: [(String, Double, Color, Bool)] = []
        if let last, let c = last.centre, c.isFinite { rightValues.append(("\(centreName) \(fmt(c))", c, theme.text, false)) }
        if !isRunChart, let last {
            if let u = last.upper, u.isFinite { rightValues.append(("UCL \(fmt(u))", u, theme.text, false)) }
            if let l = last.lower, l.isFinite { rightValues.append(("LCL \(fmt(l))", l, theme.text, false)) }
        }
        if let t = data.target, t.isFinite { rightValues.append(("Target \(fmt(t))", t, theme.target, true)) }

        var yValues = values
        for p in points {
            yValues += [p.centre].compactMap { $0 }
            if !isRunChart { yValues += [p.lower, p.upper].compactMap { $0 } }
            if !isRunChart && data.showZones, let c = p.centre, let sigma = p.sigma { yValues += [c - 2 * sigma, c + 2 * sigma] }
        }
        if let t = data.target { yValues.append(t) }
        yValues = yValues.filter(\.isFinite)

        let spans = phaseSpans(data, xs: xs)
        let input = TimePlot.Input(
            xs: xs, kind: data.xAxis, pointLabels: points.map(\.label), yValues: yValues, format: data.format,
            locale: data.locale, includeZero: false, phases: spans, annotations: [], rightLabels: rightValues.map(\.0))
        let plotter = TimePlot(theme: theme, measurer: measurer)
        let out = plotter.draw(input, in: plot, chartWidth: chartWidth, into: &frame)
        let (xScale, yScale, area) = (out.x, out.y, out.area)
        let px = xs.map { xScale($0) }

        // Half-widths of each point's step, so limits and centre step at the midpoint between points.
        let halves: [Double] = px.indices.map { i in
            let left = i > 0 ? (px[i] - px[i - 1]) / 2 : .infinity
            let right = i + 1 < px.count ? (px[i + 1] - px[i]) / 2 : .infinity
            let h = min(left, right)
            return h.isFinite ? h : max(2, (area.width / Double(max(1, px.count))) / 2)
        }
        func steps(_ level: (ControlChartData.Point) -> Double?, _ stroke: Stroke) {
            var path: [PathElement] = []
            var previousPhase = -1
            var open = false
            for (i, p) in points.enumerated() {
                let phase = data.phaseIndex(p)
                guard let v = level(p), v.isFinite else { open = false; continue }
                let y = yScale(v)
                // Levels outside the plot (e.g. a limit beyond a bound) are not drawn.
                guard y >= area.minY - 0.5, y <= area.maxY + 0.5 else { open = false; continue }
                let a = Point(max(area.minX, px[i] - halves[i]), y), b = Point(min(area.maxX, px[i] + halves[i]), y)
                if open && phase == previousPhase { path.append(.line(a)) } else { path.append(.move(a)) }
                path.append(.line(b))
                open = true
                previousPhase = phase
            }
            if !path.isEmpty { frame.stroke(VectorPath(path), stroke) }
        }
        if !isRunChart && data.showZones {
            let zone = Stroke(color: theme.axis, width: 0.6, dash: [1, 2])
            for k in [-2.0, -1.0, 1.0, 2.0] {
                steps({ p in p.centre.flatMap { c in p.sigma.map { c + k * $0 } } }, zone)
            }
        }
        if let t = data.target, t.isFinite {
            Marks.hRule(yScale(t), from: area.minX, to: area.maxX, Stroke(color: theme.target, width: 1.1, dash: [6, 3]), into: &frame)
        }
        if !isRunChart {
            let limit = Stroke(color: theme.text, width: 1, dash: [4, 2.5])
            steps({ $0.lower }, limit)
            steps({ $0.upper }, limit)
        }
        steps({ $0.centre }, Stroke(color: theme.text, width: 1.2))

        // The data line, broken at missing values.
        var line: [PathElement] = []
        var pen = false
        for (i, p) in points.enumerated() {
            guard let v = p.value, v.isFinite else { pen = false; continue }
            let point = Point(px[i], yScale(v))
            line.append(pen ? .line(point) : .move(point))
            pen = true
        }
        frame.stroke(VectorPath(line), Stroke(color: commonCause, width: 1.2))

        let small = min(4.5, max(2.5, halves.min().map { $0 * 1.2 } ?? 4))
        let big = max(small + 2.5, 7)
        let dense = (halves.min() ?? 10) < 1.6
        for (i, p) in points.enumerated() {
            guard let v = p.value, v.isFinite else { continue }
            let c = Point(px[i], yScale(v))
            if let rule = primaryRule(p) {
                switch data.meaning(of: p) {
                case 1: Marks.marker(rule.marker, at: c, size: big, fill: theme.improvement, stroke: .white, into: &frame)
                case -1: Marks.marker(rule.marker, at: c, size: big, fill: nil, stroke: theme.concern, into: &frame)
                default: Marks.marker(rule.marker, at: c, size: big, fill: neutralSignal, stroke: .white, into: &frame)
                }
            } else if dense {
                continue  // too many points for markers: the line carries common-cause data
            } else if p.excluded {
                Marks.marker(.circle, at: c, size: small + 1, fill: nil, stroke: commonCause, into: &frame)
            } else {
                Marks.marker(.circle, at: c, size: small, fill: commonCause, stroke: nil, into: &frame)
            }
        }
        rightTexts = rightValues.map { (text: $0.0, y: yScale($0.1), color: $0.2, bold: $0.3) }
        plotter.rightLabels(rightTexts, area: area, chartWidth: chartWidth, into: &frame)
    }

    /// x of point `i`: its day for time axes, its index otherwise.
    private func position(_ data: ControlChartData, _ i: Int) -> Double {
        if case .time = data.xAxis { return data.points[i].x }
        return Double(i)
    }

    /// Phase spans in x units; boundaries at the midpoint between the last point of one phase and the first of the next.
    private func phaseSpans(_ data: ControlChartData, xs: [Double]) -> [PhaseSpan] {
        guard !data.phases.isEmpty, !xs.isEmpty else { return [] }
        let domain = TimeAxis.domain(xs, kind: data.xAxis)
        var spans: [PhaseSpan] = []
        let starts = data.phases.map { max(0, min(xs.count, $0.startIndex)) }
        for (k, phase) in data.phases.enumerated() {
            let s = starts[k]
            let e = k + 1 < starts.count ? starts[k + 1] : xs.count
            guard e > s else { continue }
            let start = s == 0 ? domain.lowerBound : (xs[s - 1] + xs[s]) / 2
            let end = e >= xs.count ? domain.upperBound : (xs[e - 1] + xs[e]) / 2
            spans.append(PhaseSpan(
                label: phase.label, start: max(start, domain.lowerBound), end: min(end, domain.upperBound),
                change: k > 0 ? phase.change : nil, shaded: k % 2 == 1))
        }
        return spans
    }
}
