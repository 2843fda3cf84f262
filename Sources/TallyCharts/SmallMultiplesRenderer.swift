import TallyCore
import TallyGraphics

/// Draws small multiples: a grid of small line panels on shared scales, each titled with its group and latest value;
/// the line is grey before the change and strong after it.
struct SmallMultiplesRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Legend: before/after the change (when there is one) and the target.
    func legend(_ data: SmallMultiplesData) -> [LegendEntry] {
        guard data.panels.contains(where: { $0.points.contains { $0.value?.isFinite == true } }) else { return [] }
        var entries: [LegendEntry] = []
        if data.changeAt != nil {
            entries.append(LegendEntry(.line(Stroke(color: theme.baseline, width: 1.6)), "Before change"))
            entries.append(LegendEntry(.line(Stroke(color: theme.post, width: 1.6)), "After change"))
        }
        if let t = data.target, t.isFinite {
            let text = "Target " + ValueFormatter.format(t, as: data.format, decimals: data.decimals, locale: data.locale)
            entries.append(LegendEntry(.line(Stroke(color: theme.target, width: 1, dash: [4, 2])), text))
        }
        return entries
    }

    /// Draws the grid into `plot`.
    func draw(_ data: SmallMultiplesData, in plot: Rect, into frame: inout Frame) {
        let values = data.panels.flatMap { $0.points.compactMap(\.value) }.filter(\.isFinite)
        let xs = data.panels.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        guard !values.isEmpty, !xs.isEmpty else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let font = theme.font(size: theme.labelSize)
        func fmt(_ v: Double) -> String { ValueFormatter.format(v, as: data.format, decimals: data.decimals, locale: data.locale) }
        let count = data.panels.count
        let endLabelHeight0 = 4 + theme.labelSize * 1.25
        // Columns: as given, else the count that keeps panels closest to a 1.6 : 1 shape at the largest size.
        let columns = max(1, min(count, data.columns ?? (1...max(1, count)).max { a, b in
            func score(_ c: Int) -> Double {
                let r = Double((count + c - 1) / c)
                let w = plot.width / Double(c), h = (plot.height - endLabelHeight0) / r
                return min(w / 1.6, h)
            }
            return score(a) < score(b)
        } ?? 1))
        let rows = (count + columns - 1) / columns
        var all = values
        if let t = data.target, t.isFinite { all.append(t) }
        let endLabelHeight = 4 + theme.labelSize * 1.25
        let gapX = 10.0, gapY = theme.labelSize * 0.8
        let cellW = (plot.width - gapX * Double(columns - 1)) / Double(columns)
        let cellH = (plot.height - endLabelHeight - gapY * Double(rows - 1)) / Double(rows)
        let titleH = theme.labelSize * 2
        guard cellH - titleH >= theme.labelSize * 3, cellW >= 60 else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame, message: "Too small to show \(count) panels")
            return
        }
        let provisional = LinearScale.nice(
            values: all, includeZero: data.includeZero, rangeStart: 0, rangeEnd: 1, tickCount: max(2, min(4, Int((cellH - titleH) / 28))),
            clampUnit: data.format == .percent, duration: data.format == .duration)
        let decimals = data.format == .percent ? NiceTicks.decimals(forStep: provisional.tickStep * 100) : NiceTicks.decimals(forStep: provisional.tickStep)
        let tickLabels = provisional.ticks.map { ValueAxis.tickText($0, format: data.format, decimals: decimals, locale: data.locale) }
        let yLabelWidth = (tickLabels.map { LabelLayout.width($0, font: font, measurer: measurer) }.max() ?? 0) + 5
        let domain = TimeAxis.domain(xs, kind: data.xAxis)
        for (k, panel) in data.panels.enumerated() {
            let r = k / columns, c = k % columns
            let cell = Rect(x: plot.minX + Double(c) * (cellW + gapX), y: plot.minY + Double(r) * (cellH + gapY), width: cellW, height: cellH)
            let inner = cell.inset(top: titleH, left: c == 0 ? yLabelWidth : 0)
            let y = LinearScale(domain: provisional.domain, rangeStart: inner.maxY, rangeEnd: inner.minY, ticks: provisional.ticks)
            let x = LinearScale(domain: domain, rangeStart: inner.minX, rangeEnd: inner.maxX, ticks: [])
            for (tick, label) in zip(y.ticks, tickLabels) {
                Marks.hRule(y(tick), from: inner.minX, to: inner.maxX, Stroke(color: theme.grid, width: 0.5), into: &frame)
                if c == 0 { frame.add(.text(measurer.label(label, font: font, color: theme.mutedText, x: inner.minX - 4, y: y(tick), alignment: .right))) }
            }
            let last = panel.points.last { $0.value?.isFinite == true }?.value
            let lastText = last.map(fmt) ?? "n/a"
            let lastWidth = LabelLayout.width(lastText, font: font.bold, measurer: measurer)
            let title = LabelLayout.truncate(panel.label, toWidth: max(0, cell.width - lastWidth - 6), font: font.bold, measurer: measurer)
            var titleBox = measurer.label(title, font: font, color: theme.text, x: cell.minX, y: cell.minY + theme.labelSize * 0.65, bold: true)
            titleBox.font = font.bold
            if !title.isEmpty { frame.add(.text(titleBox)) }
            frame.add(.text(measurer.label(lastText, font: font, color: last == nil ? theme.mutedText : theme.post, x: cell.maxX, y: cell.minY + theme.labelSize * 0.65, alignment: .right, bold: true)))
            if let t = data.target, t.isFinite {
                Marks.hRule(y(t), from: inner.minX, to: inner.maxX, Stroke(color: theme.target, width: 0.9, dash: [4, 2]), into: &frame)
            }
            if let change = data.changeAt, change > domain.lowerBound, change < domain.upperBound {
                frame.stroke(.line(from: Point(x(change), inner.minY), to: Point(x(change), inner.maxY)), Stroke(color: theme.axis, width: 0.7, dash: [3, 2]))
            }
            // Two strokes: grey up to the change, strong from the last point before it onwards.
            let pts = panel.points.filter { $0.x.isFinite }
            for after in [false, true] {
                var path: [PathElement] = []
                var pen = false
                for (i, p) in pts.enumerated() {
                    let next = i + 1 < pts.count ? pts[i + 1].x : p.x
                    let include = data.changeAt.map { after ? next >= $0 : p.x < $0 } ?? after
                    guard include, let v = p.value, v.isFinite else { pen = false; continue }
                    let point = Point(x(p.x), y(v))
                    path.append(pen ? .line(point) : .move(point))
                    pen = true
                }
                frame.stroke(VectorPath(path), Stroke(color: after ? theme.post : theme.baseline, width: 1.6))
            }
            frame.stroke(.line(from: Point(inner.minX, inner.maxY), to: Point(inner.maxX, inner.maxY)), Stroke(color: theme.axis, width: 0.6))
            if r == rows - 1 || k + columns >= count {
                // First and last period under the bottom panels only.
                let ends = [xs.min() ?? 0, xs.max() ?? 0]
                var right = -Double.infinity
                for (j, e) in ends.enumerated() {
                    let text = periodLabel(e, kind: data.xAxis)
                    var box = measurer.label(text, font: font, color: theme.mutedText, x: x(e), y: inner.maxY + 4 + theme.labelSize * 0.6, alignment: j == 0 ? .left : .right)
                    box.origin.x = min(max(box.origin.x, cell.minX), cell.maxX - box.measured.width)
                    guard box.origin.x > right + 6 else { continue }
                    right = box.origin.x + box.measured.width
                    frame.add(.text(box))
                }
            }
        }
    }

    private func periodLabel(_ x: Double, kind: XAxisKind) -> String {
        switch kind {
        case .time(.month), .time(.quarter): return CivilDate(dayValue: x).monthYear
        case .time: let d = CivilDate(dayValue: x); return "\(d.dayMonth) \(d.year)"
        case .index: return "#\(x.isFinite ? String(Int(max(-1e9, min(1e9, x)).rounded()) + 1) : "?")"
        }
    }
}
