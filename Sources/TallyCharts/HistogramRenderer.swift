import TallyCore
import TallyGraphics

/// Draws one histogram panel per phase, stacked, on a shared value axis and a shared count/share axis.
struct HistogramRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Direct labels name the phases, so no legend.
    func legend(_ data: HistogramData) -> [LegendEntry] { [] }

    /// Draws the panels into `plot`.
    func draw(_ data: HistogramData, in plot: Rect, into frame: inout Frame) {
        let bins = data.edges.count - 1
        let groups = data.groups.filter { $0.counts.count == bins && $0.n > 0 }
        guard bins >= 1, !groups.isEmpty, data.edges.allSatisfy(\.isFinite), let lo = data.edges.first, let hi = data.edges.last, hi > lo else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let font = theme.font(size: theme.labelSize)
        let heights = groups.map { g in g.counts.map { data.showShares ? Double($0) / Double(g.n) : Double($0) } }
        let top = heights.flatMap { $0 }.max() ?? 1
        let yFormat: ValueFormat = data.showShares ? .percent : .integer
        let xAxisHeight = 4 + theme.labelSize * 1.25 + 2
        let gap = theme.labelSize * 0.8
        let panelHeight = (plot.height - xAxisHeight - gap * Double(groups.count - 1)) / Double(groups.count)
        // The widest y labels decide the shared left edge.
        var area = plot
        var x = LinearScale(domain: lo...hi, rangeStart: plot.minX, rangeEnd: plot.maxX, ticks: [])
        for (k, group) in groups.enumerated() {
            let panel = Rect(x: plot.minX, y: plot.minY + Double(k) * (panelHeight + gap), width: plot.width, height: panelHeight)
            let title = "\(group.label) (n = \(ValueFormatter.format(Double(group.n), as: .integer, locale: data.locale)))"
            let axis = ValueAxis(theme: theme, measurer: measurer, format: yFormat, locale: data.locale)
            let (y, inner) = axis.draw(
                values: [0, top], includeZero: true, in: panel.inset(top: theme.labelSize * 1.6), into: &frame,
                tickCount: panelHeight > 110 ? 4 : 2, clampUnit: false)
            let titleBox = measurer.label(
                LabelLayout.truncate(title, toWidth: inner.width, font: font.bold, measurer: measurer), font: font, color: theme.text,
                x: inner.minX, y: panel.minY + theme.labelSize * 0.65, bold: true)
            frame.add(.text(titleBox))
            area = inner
            x = LinearScale(domain: lo...hi, rangeStart: inner.minX, rangeEnd: inner.maxX, ticks: [])
            for b in 0..<bins {
                let x0 = x(data.edges[b]), x1 = x(data.edges[b + 1])
                let yv = y(heights[k][b])
                if inner.maxY - yv > 0.01 {
                    frame.add(.shape(.rect(Rect(x: x0, y: yv, width: x1 - x0, height: inner.maxY - yv)), fill: theme.phaseColor(groups.count == 1 ? 1 : k), stroke: Stroke(color: .white, width: 0.5)))
                }
            }
            frame.stroke(.line(from: Point(inner.minX, inner.maxY), to: Point(inner.maxX, inner.maxY)), Stroke(color: theme.axis, width: 0.8))
        }
        // Shared x axis under the last panel, at nice ticks inside the binned range.
        let ticks = (data.format == .duration ? NiceTicks.durationTicks(min: lo, max: hi, count: max(2, Int(area.width / 70)))
            : NiceTicks.ticks(min: lo, max: hi, count: max(2, Int(area.width / 70)))).filter { $0 >= lo - 1e-9 && $0 <= hi + 1e-9 }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let decimals = data.format == .percent ? NiceTicks.decimals(forStep: step * 100) : NiceTicks.decimals(forStep: step)
        var lastRight = -Double.infinity
        for t in ticks {
            let px = x(t)
            frame.stroke(.line(from: Point(px, area.maxY), to: Point(px, area.maxY + 3)), Stroke(color: theme.axis, width: 0.6))
            var box = measurer.label(
                ValueAxis.tickText(t, format: data.format, decimals: decimals, locale: data.locale), font: font, color: theme.mutedText,
                x: px, y: area.maxY + 4 + theme.labelSize * 0.65, alignment: .center)
            box.origin.x = min(max(box.origin.x, theme.chartPadding), plot.maxX - box.measured.width)
            guard box.origin.x > lastRight + 4 else { continue }
            lastRight = box.origin.x + box.measured.width
            frame.add(.text(box))
        }
    }
}
