import TallyCore
import TallyGraphics

/// Draws dumbbells: per row a hollow baseline dot joined to a filled post dot, coloured and shaped by
/// whether the change is an improvement, with both values labelled outside the bar.
struct DumbbellRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    private var neutral: Color { Color(hex: 0x404040) }

    /// Legend: baseline and the post markers that appear.
    func legend(_ data: DumbbellData) -> [LegendEntry] {
        let rows = data.rows.filter { $0.baseline?.isFinite == true || $0.post?.isFinite == true }
        guard !rows.isEmpty else { return [] }
        var entries = [LegendEntry(.marker(.circle, fill: nil, stroke: theme.mutedText), data.baselineLabel)]
        let judged = Set(rows.map { judge($0, data) })
        if judged.contains(1) { entries.append(LegendEntry(.marker(.circle, fill: theme.improvement, stroke: nil), "\(data.postLabel): better")) }
        if judged.contains(-1) { entries.append(LegendEntry(.marker(.diamond, fill: theme.concern, stroke: nil), "\(data.postLabel): worse")) }
        if judged.contains(0) {
            entries.append(LegendEntry(.marker(.square, fill: neutral, stroke: nil), data.improvementDirection == .neither ? data.postLabel : "\(data.postLabel): no change"))
        }
        return entries
    }

    private func judge(_ row: DumbbellData.Row, _ data: DumbbellData) -> Int {
        guard let b = row.baseline, let p = row.post else { return 0 }
        return data.improvementDirection.judge(p - b)
    }

    /// Draws the rows into `plot`.
    func draw(_ data: DumbbellData, in plot: Rect, into frame: inout Frame) {
        let rows = data.rows
        let values = rows.flatMap { [$0.baseline, $0.post].compactMap { $0 } }.filter(\.isFinite)
        guard !values.isEmpty else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let font = theme.font(size: theme.labelSize)
        func fmt(_ v: Double) -> String { ValueFormatter.format(v, as: data.format, decimals: data.decimals, locale: data.locale) }
        let labels = RowLabels(theme: theme, measurer: measurer)
        let column = labels.columnWidth(rows.map(\.label), plotWidth: plot.width)
        let valueWidth = values.map { LabelLayout.width(fmt($0), font: font.bold, measurer: measurer) }.max() ?? 0
        let axis = HorizontalAxis(theme: theme, measurer: measurer, format: data.format, locale: data.locale)
        let area = plot.inset(left: column + valueWidth + 6, bottom: axis.height, right: valueWidth + 6)
        let scale = axis.scale(values: values, includeZero: data.includeZero, area: area)
        let rowHeight = area.height / Double(rows.count)
        for i in rows.indices where i % 2 == 1 {
            frame.fill(Rect(x: area.minX, y: area.minY + rowHeight * Double(i), width: area.width, height: rowHeight), theme.shade.withAlpha(0.6))
        }
        axis.draw(scale, area: area, into: &frame)
        for (i, row) in rows.enumerated() {
            let y = area.minY + rowHeight * (Double(i) + 0.5)
            labels.draw(row.label, right: plot.minX + column, width: column, y: y, rowHeight: rowHeight, into: &frame)
            let b = row.baseline.flatMap { $0.isFinite ? $0 : nil }, p = row.post.flatMap { $0.isFinite ? $0 : nil }
            let dot = min(8, max(4, rowHeight * 0.45))
            if let b, let p {
                frame.stroke(.line(from: Point(scale(b), y), to: Point(scale(p), y)), Stroke(color: theme.baseline, width: min(3, dot * 0.4)))
            }
            if let b { Marks.marker(.circle, at: Point(scale(b), y), size: dot, fill: nil, stroke: theme.mutedText, into: &frame) }
            if let p {
                let (shape, color): (MarkerShape, Color) = switch judge(row, data) {
                case 1: (.circle, theme.improvement)
                case -1: (.diamond, theme.concern)
                default: (.square, neutral)
                }
                Marks.marker(shape, at: Point(scale(p), y), size: dot + 1, fill: color, stroke: .white, into: &frame)
            }
            // Values sit outside the dumbbell: the lower value to the left, the higher to the right.
            // Equal values get one label (the post value's).
            let pairs: [(Double, Bool)] = [b == p ? nil : b.map { ($0, false) }, p.map { ($0, true) }].compactMap { $0 }
            let low = pairs.min { $0.0 < $1.0 }, high = pairs.max { $0.0 < $1.0 }
            for (entry, right) in [(low, false), (high, true)] {
                guard let (v, isPost) = entry else { continue }
                if pairs.count == 1 && !right { continue }
                let x = right ? scale(v) + dot / 2 + 3 : scale(v) - dot / 2 - 3
                var box = measurer.label(fmt(v), font: font, color: isPost ? theme.text : theme.mutedText, x: x, y: y, alignment: right ? .left : .right, bold: isPost)
                box.origin.x = min(max(box.origin.x, plot.minX + column), plot.maxX - box.measured.width)
                frame.add(.text(box))
            }
            if b == nil && p == nil {
                frame.add(.text(measurer.label("no data", font: font, color: theme.mutedText, x: area.minX + 4, y: y)))
            }
        }
    }
}
