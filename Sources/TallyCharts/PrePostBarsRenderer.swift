import TallyCore
import TallyGraphics

/// Draws pre/post bars: one band per KPI, one bar per phase, CI whiskers, value labels, optional target.
struct PrePostBarsRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Colour of the bar for phase `index` (baseline neutral, later phases from the palette).
    func color(phase index: Int) -> Color {
        if index == 0 { return theme.baseline }
        if index == 1 { return theme.post }
        return theme.palette[(index) % theme.palette.count]
    }

    /// Legend entries (only when several KPIs share the chart; one KPI gets phase names under its bars).
    func legend(_ data: PrePostBars) -> [LegendEntry] {
        guard data.groups.count > 1, let phases = data.groups.first?.bars.map(\.phase) else { return [] }
        return phases.enumerated().map { LegendEntry(.box(color(phase: $0.offset)), $0.element) }
    }

    /// Draws the bars into `plot`.
    func draw(_ data: PrePostBars, in plot: Rect, into frame: inout Frame) {
        guard data.groups.contains(where: { $0.bars.contains { $0.value?.isFinite == true } }) else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let single = data.groups.count == 1
        let labelFont = theme.font(size: theme.labelSize)
        // Room under the plot for category labels (phase + n, or KPI label).
        let categoryLines = single ? 2 : 1
        let categoryHeight = Double(categoryLines) * theme.labelSize * 1.3 + 6
        var values: [Double] = []
        for group in data.groups {
            for bar in group.bars { values += [bar.value, bar.lower, bar.upper].compactMap { $0 }.filter(\.isFinite) }
        }
        if let target = data.target, target.isFinite, single { values.append(target) }
        let valueHeadroom = theme.labelSize * 1.6
        let axis = ValueAxis(theme: theme, measurer: measurer, format: data.format, locale: data.locale)
        let (scale, area) = axis.draw(
            values: values, includeZero: true, in: plot.inset(top: valueHeadroom, bottom: categoryHeight), into: &frame)

        // The target goes behind the bars so it never strikes through a value label.
        if let target = data.target, target.isFinite, single {
            let y = scale(target)
            frame.stroke(.line(from: Point(area.minX, y), to: Point(area.maxX, y)), Stroke(color: theme.target, width: 1.2, dash: [5, 3]))
            let text = "Target " + ValueFormatter.format(target, as: data.format, decimals: data.decimals, locale: data.locale)
            let label = measurer.label(text, font: labelFont, color: theme.target, x: area.maxX, y: y - theme.labelSize * 0.75, alignment: .right)
            frame.add(.text(label))
        }
        let groups = BandScale(count: data.groups.count, rangeStart: area.minX, rangeEnd: area.maxX, padding: single ? 0.2 : 0.3)
        for (g, group) in data.groups.enumerated() {
            let inner = BandScale(
                count: group.bars.count, rangeStart: groups.start(g), rangeEnd: groups.start(g) + groups.bandwidth,
                padding: single ? 0.35 : 0.12)
            for (b, rawBar) in group.bars.enumerated() {
                // Non-finite numbers are treated as missing: drawn as "n/a", never as NaN geometry.
                var bar = rawBar
                bar.value = bar.value.flatMap { $0.isFinite ? $0 : nil }
                bar.lower = bar.lower.flatMap { $0.isFinite ? $0 : nil }
                bar.upper = bar.upper.flatMap { $0.isFinite ? $0 : nil }
                let x0 = inner.start(b), w = inner.bandwidth, cx = inner.center(b)
                var labelTop = scale(0)
                if let value = bar.value {
                    let y = scale(value), zero = scale(0)
                    frame.fill(Rect(x: x0, y: min(y, zero), width: w, height: abs(zero - y)), color(phase: b))
                    labelTop = min(y, zero)
                    if let lower = bar.lower, let upper = bar.upper {
                        let yl = scale(lower), yu = scale(upper), cap = min(6, w * 0.2)
                        let whisker = Stroke(color: theme.text, width: 1)
                        frame.stroke(.line(from: Point(cx, yl), to: Point(cx, yu)), whisker)
                        frame.stroke(.line(from: Point(cx - cap, yl), to: Point(cx + cap, yl)), whisker)
                        frame.stroke(.line(from: Point(cx - cap, yu), to: Point(cx + cap, yu)), whisker)
                        labelTop = min(labelTop, yu)
                    }
                }
                let valueText = bar.value.map { ValueFormatter.format($0, as: data.format, decimals: data.decimals, locale: data.locale) } ?? "n/a"
                let valueLabel = measurer.label(
                    valueText, font: labelFont.bold, color: theme.text, x: cx, y: labelTop - theme.labelSize * 0.9,
                    alignment: .center, bold: true)
                frame.fill(valueLabel.bounds.inset(top: -1, left: -2, bottom: -1, right: -2), .white)
                frame.add(.text(valueLabel))
                if single {
                    let base = area.maxY + 4 + theme.labelSize * 0.65
                    frame.add(.text(measurer.label(bar.phase, font: labelFont, color: theme.text, x: cx, y: base, alignment: .center)))
                    frame.add(.text(measurer.label(
                        "n = " + ValueFormatter.format(Double(bar.n), as: .integer, locale: data.locale), font: labelFont,
                        color: theme.mutedText, x: cx, y: base + theme.labelSize * 1.3, alignment: .center)))
                }
            }
            if !single {
                frame.add(.text(measurer.label(
                    group.label, font: labelFont, color: theme.text, x: groups.center(g), y: area.maxY + 4 + theme.labelSize * 0.65,
                    alignment: .center)))
            }
        }
        frame.stroke(.line(from: Point(area.minX, scale(0)), to: Point(area.maxX, scale(0))), Stroke(color: theme.axis, width: 0.8))
    }
}
