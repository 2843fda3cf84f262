import TallyCore
import TallyGraphics

/// Draws vertical Tukey box plots per phase with the median labelled beside each box.
struct BoxPlotRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Legend explains the mean marker and outliers when shown.
    func legend(_ data: BoxPlotData) -> [LegendEntry] {
        guard !data.groups.isEmpty else { return [] }
        var entries = [LegendEntry(.line(Stroke(color: theme.text, width: 2)), "Median")]
        if data.groups.contains(where: { $0.mean != nil }) { entries.append(LegendEntry(.marker(.diamond, fill: theme.text, stroke: nil), "Mean")) }
        if data.groups.contains(where: { !$0.outliers.isEmpty }) { entries.append(LegendEntry(.marker(.circle, fill: nil, stroke: theme.mutedText), "Outlier")) }
        return entries
    }

    /// Draws the boxes into `plot`.
    func draw(_ data: BoxPlotData, in plot: Rect, into frame: inout Frame) {
        let groups = data.groups.filter { $0.n > 0 && $0.allValues.allSatisfy(\.isFinite) }
        guard !groups.isEmpty else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let font = theme.font(size: theme.labelSize)
        let categoryHeight = 4 + 2 * theme.labelSize * 1.25 + 2
        let axis = ValueAxis(theme: theme, measurer: measurer, format: data.format, locale: data.locale)
        let (y, area) = axis.draw(values: groups.flatMap(\.allValues), includeZero: false, in: plot.inset(bottom: categoryHeight), into: &frame)
        let bands = BandScale(count: groups.count, rangeStart: area.minX, rangeEnd: area.maxX, padding: 0.5)
        let boxWidth = min(bands.bandwidth * 0.6, 70)
        for (i, g) in groups.enumerated() {
            let cx = bands.center(i)
            let color = theme.phaseColor(groups.count == 1 ? 1 : i)
            let whisker = Stroke(color: theme.text, width: 1)
            frame.stroke(.line(from: Point(cx, y(g.whiskerLow)), to: Point(cx, y(g.q1))), whisker)
            frame.stroke(.line(from: Point(cx, y(g.q3)), to: Point(cx, y(g.whiskerHigh))), whisker)
            for v in [g.whiskerLow, g.whiskerHigh] {
                frame.stroke(.line(from: Point(cx - boxWidth * 0.25, y(v)), to: Point(cx + boxWidth * 0.25, y(v))), whisker)
            }
            let top = y(max(g.q1, g.q3)), bottom = y(min(g.q1, g.q3))
            frame.add(.shape(.rect(Rect(x: cx - boxWidth / 2, y: top, width: boxWidth, height: max(0.5, bottom - top))), fill: color.withAlpha(0.85), stroke: Stroke(color: theme.text, width: 0.8)))
            frame.stroke(.line(from: Point(cx - boxWidth / 2, y(g.median)), to: Point(cx + boxWidth / 2, y(g.median))), Stroke(color: theme.text, width: 2))
            if let mean = g.mean { Marks.marker(.diamond, at: Point(cx, y(mean)), size: 5.5, fill: theme.text, stroke: .white, into: &frame) }
            for o in g.outliers { Marks.marker(.circle, at: Point(cx, y(o)), size: 4, fill: nil, stroke: theme.mutedText, into: &frame) }
            let median = ValueFormatter.format(g.median, as: data.format, decimals: data.decimals, locale: data.locale)
            let label = measurer.label(median, font: font, color: theme.text, x: cx + boxWidth / 2 + 4, y: y(g.median), bold: true)
            if label.origin.x + label.measured.width <= area.maxX + theme.chartPadding { frame.add(.text(label)) }
            let name = LabelLayout.truncate(g.label, toWidth: bands.step - 4, font: font, measurer: measurer)
            frame.add(.text(measurer.label(name, font: font, color: theme.text, x: cx, y: area.maxY + 4 + theme.labelSize * 0.65, alignment: .center)))
            frame.add(.text(measurer.label(
                "n = " + ValueFormatter.format(Double(g.n), as: .integer, locale: data.locale), font: font, color: theme.mutedText, x: cx,
                y: area.maxY + 4 + theme.labelSize * 1.9, alignment: .center)))
        }
    }
}
