import TallyCore
import TallyGraphics

/// Draws diverging stacked bars for a Likert scale: negative levels left of zero, positive right, the neutral
/// level split across zero; segment shares labelled inside when they fit, side totals at the bar ends.
struct LikertRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// A diverging orange–purple ramp (colour-blind safe; dark ends, light middle so greyscale keeps the order).
    func colors(_ count: Int) -> [Color] {
        let half = count / 2
        // ColorBrewer PuOr classes per side (dark ends, light middle so greyscale keeps the order).
        let negative: [UInt32], positive: [UInt32]
        switch half {
        case 0: (negative, positive) = ([], [])
        case 1: (negative, positive) = ([0xE66101], [0x5E3C99])
        case 2: (negative, positive) = ([0xE66101, 0xFDB863], [0xB2ABD2, 0x5E3C99])
        default:
            let extra = half - 3
            negative = Array(repeating: 0xB35806, count: extra) + [0xB35806, 0xF1A340, 0xFEE0B6]
            positive = [0xD8DAEB, 0x998EC3, 0x542788] + Array(repeating: 0x542788, count: extra)
        }
        return negative.map { Color(hex: $0) } + (count % 2 == 1 ? [Color(hex: 0xD9D9D9)] : []) + positive.map { Color(hex: $0) }
    }

    /// Legend: one swatch per level, most negative first.
    func legend(_ data: LikertData) -> [LegendEntry] {
        guard data.rows.contains(where: { $0.total > 0 }) else { return [] }
        return zip(colors(data.levels.count), data.levels).map { LegendEntry(.box($0), $1) }
    }

    /// Draws the bars into `plot`.
    func draw(_ data: LikertData, in plot: Rect, into frame: inout Frame) {
        let rows = data.rows.filter { $0.total > 0 }
        guard !rows.isEmpty, data.levels.count >= 2 else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let font = theme.font(size: theme.labelSize)
        func pct(_ v: Double) -> String { ValueFormatter.format(v, as: .percent, decimals: data.decimals, locale: data.locale) }
        let palette = colors(data.levels.count)
        let labels = RowLabels(theme: theme, measurer: measurer)
        let rowTexts = rows.map { "\($0.label) (n = \(ValueFormatter.format($0.total, as: .integer, locale: data.locale)))" }
        let column = labels.columnWidth(rowTexts, plotWidth: plot.width)
        let totalWidth = LabelLayout.width("100%", font: font.bold, measurer: measurer) + 4
        let axis = HorizontalAxis(theme: theme, measurer: measurer, format: .percent, locale: data.locale)
        let area = plot.inset(left: column + totalWidth, bottom: axis.height, right: totalWidth)
        // Left extent of each row: negative share plus half the neutral.
        let extents = rows.map { row -> (Double, Double) in
            let s = data.sides(row)
            return (s.negative + s.neutral / 2, s.positive + s.neutral / 2)
        }
        let reach = max(extents.map(\.0).max() ?? 0.5, extents.map(\.1).max() ?? 0.5)
        let bound = min(1, max(0.2, (reach * 5).rounded(.up) / 5))
        let scale = axis.scale(values: [], includeZero: true, area: area, fixed: (-bound)...bound)
        axis.draw(scale, area: area, labelText: { ValueFormatter.format(abs($0), as: .percent, decimals: 0, locale: data.locale) }, into: &frame)
        let rowHeight = area.height / Double(rows.count)
        let barHeight = min(rowHeight * 0.62, 34)
        for (i, row) in rows.enumerated() {
            let y = area.minY + rowHeight * (Double(i) + 0.5)
            labels.draw(rowTexts[i], right: plot.minX + column, width: column, y: y, rowHeight: rowHeight, into: &frame)
            let total = row.total
            var x = scale(-extents[i].0)
            for (level, count) in row.counts.prefix(data.levels.count).enumerated() {
                let share = count.isFinite ? count / total : 0
                guard share > 0 else { continue }
                let w = scale(share) - scale(0)
                let rect = Rect(x: x, y: y - barHeight / 2, width: w, height: barHeight)
                frame.add(.shape(.rect(rect), fill: palette[level], stroke: Stroke(color: .white, width: 0.6)))
                let text = pct(share)
                let textWidth = LabelLayout.width(text, font: font, measurer: measurer)
                if textWidth + 4 <= w && barHeight >= theme.labelSize * 1.1 {
                    let dark = palette[level].relativeLuminance < 0.25
                    frame.add(.text(measurer.label(text, font: font, color: dark ? .white : theme.text, x: x + w / 2, y: y, alignment: .center)))
                }
                x += w
            }
            let sides = data.sides(row)
            frame.add(.text(measurer.label(pct(sides.negative), font: font, color: Color(hex: 0x8F4705), x: scale(-extents[i].0) - 3, y: y, alignment: .right, bold: true)))
            frame.add(.text(measurer.label(pct(sides.positive), font: font, color: Color(hex: 0x542788), x: scale(extents[i].1) + 3, y: y, bold: true)))
        }
        frame.stroke(.line(from: Point(scale(0), area.minY), to: Point(scale(0), area.maxY)), Stroke(color: theme.text, width: 1))
    }
}
