import TallyCore
import TallyGraphics

/// Draws a KPI tile: the headline value, its change (arrow, signed, coloured by direction), a sparkline with the
/// target, and the NHS variation and assurance icons with their captions.
struct KPITileRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Tiles carry no legend: the icons have captions.
    func legend(_ data: KPITileData) -> [LegendEntry] { [] }

    /// Draws the tile into `plot`.
    func draw(_ data: KPITileData, in plot: Rect, into frame: inout Frame) {
        guard let value = data.value, value.isFinite else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let hasIcons = data.variation != .none || data.assurance != .none
        var iconBottom = plot.minY
        let iconRadius = hasIcons ? max(8, min(22, plot.height * 0.2, plot.width * 0.1)) : 0
        let captionFont = theme.font(size: theme.captionSize)
        let iconBlock = hasIcons ? 4 * iconRadius + 12 : 0
        // Headline value, as large as the tile allows.
        let valueText = ValueFormatter.format(value, as: data.format, decimals: data.decimals, locale: data.locale)
        let textWidth = plot.width - iconBlock - 8
        var size = min(theme.chartTitleSize * 2.6, plot.height * 0.32)
        var valueFont = theme.font(size: size, bold: true)
        while size > theme.bodySize && LabelLayout.width(valueText, font: valueFont, measurer: measurer) > textWidth {
            size -= 1
            valueFont = theme.font(size: size, bold: true)
        }
        var valueBox = measurer.box(StyledText([TextRun(valueText, bold: true)]), font: valueFont, color: theme.text, at: Point(plot.minX, plot.minY))
        valueBox.font = valueFont
        frame.add(.text(valueBox))
        var y = plot.minY + valueBox.measured.height + 2
        if let change = data.changeText, let delta = data.change {
            let judged = data.improvementDirection.judge(delta)
            let arrow = delta > 0 ? "▲ " : (delta < 0 ? "▼ " : "")
            let color = judged > 0 ? theme.improvement : (judged < 0 ? Color(hex: 0xA63D00) : theme.mutedText)
            let font = theme.font(size: theme.labelSize + 1)
            let text = LabelLayout.truncate(arrow + change + " " + data.changeLabel, toWidth: textWidth, font: font, measurer: measurer)
            let box = measurer.label(text, font: font, color: color, x: plot.minX, y: y + font.size * 0.6, bold: true)
            frame.add(.text(box))
            y += font.size * 1.4
        }
        // Icons on the right, side by side, with short captions under them.
        if hasIcons {
            let icons = NHSIcons(theme: theme, measurer: measurer)
            let cy = plot.minY + iconRadius + 2
            let cx2 = plot.maxX - iconRadius - 2
            let cx1 = cx2 - 2 * iconRadius - 8
            icons.variation(data.variation, at: Point(cx1, cy), radius: iconRadius, into: &frame)
            icons.assurance(data.assurance, at: Point(data.variation == .none ? cx1 : cx2, cy), radius: iconRadius, into: &frame)
            let captions = [data.variation.shortCaption, data.assurance.shortCaption].filter { !$0.isEmpty }
            var captionY = cy + iconRadius + 4 + theme.captionSize * 0.6
            for caption in captions where captionY + theme.captionSize < plot.maxY {
                let text = LabelLayout.truncate(caption, toWidth: iconBlock, font: captionFont, measurer: measurer)
                frame.add(.text(measurer.label(text, font: captionFont, color: theme.mutedText, x: plot.maxX, y: captionY, alignment: .right)))
                captionY += theme.captionSize * 1.25
            }
            iconBottom = captionY
        }
        // Sparkline along the bottom.
        let values = data.sparkline.compactMap { $0 }.filter(\.isFinite)
        let sparkTop = max(y + 4, plot.minY + plot.height * 0.55)
        // The sparkline runs under the icons too when they end above it.
        let sparkWidth = sparkTop >= iconBottom + 2 ? plot.width : plot.width - iconBlock - 8
        let spark = Rect(x: plot.minX, y: sparkTop, width: sparkWidth, height: plot.maxY - sparkTop - 2)
        guard values.count >= 2, spark.height >= 8, spark.width >= 30 else { return }
        var domainValues = values
        if let t = data.target, t.isFinite { domainValues.append(t) }
        let low = domainValues.min() ?? 0, high = domainValues.max() ?? 1
        let pad = max(1e-9, (high - low) * 0.08)
        let ys = LinearScale(domain: (low - pad)...(high + pad), rangeStart: spark.maxY, rangeEnd: spark.minY, ticks: [])
        let count = data.sparkline.count
        let xs = LinearScale(domain: 0...Double(max(1, count - 1)), rangeStart: spark.minX + 3, rangeEnd: spark.maxX - 3, ticks: [])
        if let t = data.target, t.isFinite {
            Marks.hRule(ys(t), from: spark.minX, to: spark.maxX, Stroke(color: theme.target, width: 0.9, dash: [3, 2]), into: &frame)
            // Label the target at the left end, on the side of the line the early values leave free.
            let early = data.sparkline.prefix(max(1, count / 3)).compactMap { $0 }.filter(\.isFinite)
            let earlyAbove = early.isEmpty ? false : early.reduce(0, +) / Double(early.count) > t
            let font = theme.font(size: theme.captionSize)
            let text = "Target " + ValueFormatter.format(t, as: data.format, decimals: data.decimals, locale: data.locale)
            let y = ys(t) + (earlyAbove ? 1 : -1) * theme.captionSize * 0.75
            if y - theme.captionSize * 0.6 >= spark.minY - 2 && y + theme.captionSize * 0.6 <= plot.maxY {
                frame.add(.text(measurer.label(text, font: font, color: theme.target, x: spark.minX, y: y)))
            }
        }
        var path: [PathElement] = []
        var pen = false
        var last: Point? = nil
        for (i, v) in data.sparkline.enumerated() {
            guard let v, v.isFinite else { pen = false; continue }
            let p = Point(xs(Double(i)), ys(v))
            path.append(pen ? .line(p) : .move(p))
            pen = true
            last = p
        }
        frame.stroke(VectorPath(path), Stroke(color: theme.post, width: 1.4))
        if let last { Marks.marker(.circle, at: last, size: 4.5, fill: theme.post, stroke: .white, into: &frame) }
    }
}
