import TallyCore
import TallyGraphics

/// Draws a Pareto chart: bars (vital few in the strong colour), the cumulative line on a 0–100% right axis,
/// and the threshold as a dashed line.
struct ParetoRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Legend: vital few, the rest, and the cumulative line.
    func legend(_ data: ParetoData) -> [LegendEntry] {
        guard !data.categories.isEmpty else { return [] }
        var entries: [LegendEntry] = []
        if let t = data.threshold, data.vitalFewCount < data.categories.count {
            entries.append(LegendEntry(.box(theme.post), "Categories reaching \(ValueFormatter.format(t, as: .percent, decimals: 0)) of \(data.unit)"))
            entries.append(LegendEntry(.box(theme.baseline), "Other categories"))
        } else {
            entries.append(LegendEntry(.box(theme.post), data.unit.prefix(1).uppercased() + data.unit.dropFirst()))
        }
        entries.append(LegendEntry(.lineMarker(Stroke(color: theme.text, width: 1.4), .circle), "Cumulative share"))
        return entries
    }

    /// Draws the chart into `plot`.
    func draw(_ data: ParetoData, in plot: Rect, into frame: inout Frame) {
        let cats = data.categories.filter { $0.value.isFinite && $0.cumulativeShare.isFinite }
        guard !cats.isEmpty, cats.contains(where: { $0.value > 0 }) else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let font = theme.font(size: theme.labelSize)
        let rightWidth = LabelLayout.width("100%", font: font, measurer: measurer) + 6
        let categoryAxis = CategoryAxis(theme: theme, measurer: measurer)
        let estimatedStep = (plot.width - rightWidth - 40) / Double(cats.count)
        let mode = categoryAxis.mode(cats.map(\.label), step: estimatedStep, maxLength: plot.height * 0.45)
        let valueHeadroom = theme.labelSize * 1.4
        let axis = ValueAxis(theme: theme, measurer: measurer, format: data.format, locale: data.locale)
        let (scale, area) = axis.draw(
            values: cats.map(\.value), includeZero: true,
            in: plot.inset(top: valueHeadroom, bottom: categoryAxis.height(mode), right: rightWidth), into: &frame)
        // Right axis: cumulative share 0–100%, at the left axis' gridline positions where possible.
        let share = LinearScale(domain: 0...1, rangeStart: area.maxY, rangeEnd: area.minY, ticks: [0, 0.25, 0.5, 0.75, 1])
        // The threshold's own label takes the place of any right-axis tick it would collide with.
        let thresholdY = data.threshold.flatMap { $0 > 0 && $0 < 1 ? share($0) : nil }
        for t in share.ticks {
            if let ty = thresholdY, abs(share(t) - ty) < theme.labelSize * 1.7 { continue }
            frame.add(.text(measurer.label(
                ValueFormatter.format(t, as: .percent, decimals: 0), font: font, color: theme.mutedText, x: area.maxX + 5,
                y: share(t))))
        }
        if let t = data.threshold, let ty = thresholdY {
            frame.add(.text(measurer.label(
                ValueFormatter.format(t, as: .percent, decimals: 0), font: font, color: theme.target, x: area.maxX + 5, y: ty, bold: true)))
        }
        let bands = BandScale(count: cats.count, rangeStart: area.minX, rangeEnd: area.maxX, padding: 0.2)
        let vital = data.vitalFewCount
        let showValues = cats.allSatisfy { c in
            LabelLayout.width(ValueFormatter.format(c.value, as: data.format, decimals: data.decimals, locale: data.locale), font: font, measurer: measurer)
                <= bands.step - 2
        }
        for (i, c) in cats.enumerated() {
            let y = scale(max(0, c.value)), zero = scale(0)
            frame.fill(Rect(x: bands.start(i), y: y, width: bands.bandwidth, height: zero - y), vital == 0 || i < vital ? theme.post : theme.baseline)
        }
        frame.stroke(.line(from: Point(area.minX, scale(0)), to: Point(area.maxX, scale(0))), Stroke(color: theme.axis, width: 0.8))
        if let t = data.threshold, t.isFinite, t > 0, t < 1 {
            let y = share(t)
            Marks.hRule(y, from: area.minX, to: area.maxX, Stroke(color: theme.target, width: 1, dash: [5, 3]), into: &frame)
        }
        let points = cats.enumerated().map { Point(bands.center($0.offset), share(min(1, max(0, $0.element.cumulativeShare)))) }
        frame.stroke(.polyline(points), Stroke(color: theme.text, width: 1.4))
        for p in points { Marks.marker(.circle, at: p, size: 4.5, fill: theme.text, stroke: .white, into: &frame) }
        if showValues {
            for (i, c) in cats.enumerated() {
                let text = ValueFormatter.format(c.value, as: data.format, decimals: data.decimals, locale: data.locale)
                let top = scale(max(0, c.value)), zero = scale(0)
                var label = measurer.label(text, font: font, color: theme.text, x: bands.center(i), y: top - theme.labelSize * 0.75, alignment: .center)
                if Self.line(points, crosses: label.bounds.inset(top: -1, left: -1, bottom: -1, right: -1)) {
                    // The cumulative line runs through the label: put it inside the bar top, or under the line.
                    if zero - top > label.measured.height + 4 {
                        let dark = (vital == 0 || i < vital ? theme.post : theme.baseline).relativeLuminance < 0.3
                        label = measurer.label(text, font: font, color: dark ? .white : theme.text, x: bands.center(i), y: top + theme.labelSize * 0.8, alignment: .center)
                    }
                }
                frame.add(.text(label))
            }
        }
        categoryAxis.draw(cats.map(\.label), centres: cats.indices.map { bands.center($0) }, step: bands.step, top: area.maxY, mode: mode, into: &frame)
    }

    /// True when the polyline through `points` passes through `rect`.
    static func line(_ points: [Point], crosses rect: Rect) -> Bool {
        for (a, b) in zip(points, points.dropFirst()) {
            let x0 = max(rect.minX, min(a.x, b.x)), x1 = min(rect.maxX, max(a.x, b.x))
            guard x1 >= x0, b.x != a.x else { continue }
            let y0 = a.y + (x0 - a.x) / (b.x - a.x) * (b.y - a.y), y1 = a.y + (x1 - a.x) / (b.x - a.x) * (b.y - a.y)
            if max(y0, y1) >= rect.minY && min(y0, y1) <= rect.maxY { return true }
        }
        return points.contains { rect.inset(top: -3, left: -3, bottom: -3, right: -3).contains(Rect(x: $0.x, y: $0.y, width: 0, height: 0)) }
    }
}
