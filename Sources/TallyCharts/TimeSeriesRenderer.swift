import TallyCore
import TallyGraphics

/// Draws time-series lines with phase shading, change annotations, a target line and direct end labels.
struct TimeSeriesRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Each series gets its own colour and marker shape (so lines stay distinguishable in greyscale).
    static let shapes: [MarkerShape] = [.circle, .square, .diamond, .triangleUp, .triangleDown, .cross]

    private func color(_ i: Int) -> Color { theme.palette[i % max(1, theme.palette.count)] }

    /// A legend only for several series (a single line is named by the title).
    func legend(_ data: TimeSeriesData) -> [LegendEntry] {
        guard data.series.count > 1 else { return [] }
        return data.series.enumerated().map {
            LegendEntry(.lineMarker(Stroke(color: color($0.offset), width: 1.8), Self.shapes[$0.offset % Self.shapes.count]), $0.element.label)
        }
    }

    /// Draws the lines into `plot`.
    func draw(_ data: TimeSeriesData, in plot: Rect, chartWidth: Double, into frame: inout Frame) {
        let values = data.series.flatMap { $0.points.compactMap(\.value) }.filter(\.isFinite)
        guard !values.isEmpty else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        func fmt(_ v: Double) -> String { ValueFormatter.format(v, as: data.format, decimals: data.decimals, locale: data.locale) }
        let xs = data.series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        let domain = TimeAxis.domain(xs, kind: data.xAxis)
        let phases = data.phases.sorted { $0.start < $1.start }
        let unitHalf = domain.lowerBound < (xs.min() ?? 0) ? (xs.min() ?? 0) - domain.lowerBound : 0.5
        let spans: [PhaseSpan] = phases.enumerated().map { k, phase in
            let start = k == 0 ? domain.lowerBound : phase.start - unitHalf
            let end = k + 1 < phases.count ? phases[k + 1].start - unitHalf : domain.upperBound
            return PhaseSpan(label: phase.label, start: start, end: end, change: k > 0 ? phase.change : nil, shaded: k % 2 == 1)
        }
        var right: [(String, Double, Color, Bool)] = []
        for (i, series) in data.series.enumerated() {
            guard let last = series.points.last(where: { $0.value?.isFinite == true }), let v = last.value else { continue }
            right.append((data.series.count > 1 ? "\(series.label) \(fmt(v))" : fmt(v), v, data.series.count > 1 ? theme.text : color(i), true))
        }
        if let t = data.target, t.isFinite { right.append(("Target \(fmt(t))", t, theme.target, true)) }
        var yValues = values
        if let t = data.target, t.isFinite { yValues.append(t) }
        let plotter = TimePlot(theme: theme, measurer: measurer)
        let input = TimePlot.Input(
            xs: xs, kind: data.xAxis, pointLabels: data.pointLabels, yValues: yValues, format: data.format, locale: data.locale,
            includeZero: data.includeZero, phases: spans,
            annotations: data.annotations.map { XAnnotation(x: $0.x, label: $0.label) }, rightLabels: right.map(\.0))
        let out = plotter.draw(input, in: plot, chartWidth: chartWidth, into: &frame)
        if let t = data.target, t.isFinite {
            Marks.hRule(out.y(t), from: out.area.minX, to: out.area.maxX, Stroke(color: theme.target, width: 1.1, dash: [6, 3]), into: &frame)
        }
        let pointCount = data.series.map(\.points.count).max() ?? 1
        let showMarkers = out.area.width / Double(max(1, pointCount)) >= 7
        for (i, series) in data.series.enumerated() {
            var path: [PathElement] = []
            var pen = false
            var centres: [Point] = []
            for p in series.points {
                guard let v = p.value, v.isFinite, p.x.isFinite else { pen = false; continue }
                let point = Point(out.x(p.x), out.y(v))
                path.append(pen ? .line(point) : .move(point))
                centres.append(point)
                pen = true
            }
            frame.stroke(VectorPath(path), Stroke(color: color(i), width: 1.8))
            let shape = Self.shapes[i % Self.shapes.count]
            let marked = showMarkers ? centres : Array(centres.suffix(1))
            for c in marked { Marks.marker(shape, at: c, size: 5, fill: color(i), stroke: .white, into: &frame) }
        }
        plotter.rightLabels(right.map { (text: $0.0, y: out.y($0.1), color: $0.2, bold: $0.3) }, area: out.area, chartWidth: chartWidth, into: &frame)
    }
}
