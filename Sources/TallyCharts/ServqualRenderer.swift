import TallyCore
import TallyGraphics

/// Draws a SERVQUAL gap chart: per dimension a hollow expectation marker and a filled perception marker on the
/// scale, joined by a bar coloured by the gap's sign, and the gap labelled in a right-hand column.
struct ServqualRenderer {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Legend: expectation, perception, and the gap colours present.
    func legend(_ data: ServqualData) -> [LegendEntry] {
        guard data.dimensions.contains(where: { $0.gap != nil }) else { return [] }
        var entries = [
            LegendEntry(.marker(.diamond, fill: nil, stroke: theme.text), "Expectation"),
            LegendEntry(.marker(.circle, fill: theme.post, stroke: nil), "Perception"),
        ]
        let gaps = data.dimensions.compactMap(\.gap)
        if gaps.contains(where: { $0 < 0 }) { entries.append(LegendEntry(.box(theme.concern.withAlpha(0.45)), "Falls short")) }
        if gaps.contains(where: { $0 > 0 }) { entries.append(LegendEntry(.box(theme.improvement.withAlpha(0.35)), "Exceeds")) }
        return entries
    }

    /// Draws the dimensions into `plot`.
    func draw(_ data: ServqualData, in plot: Rect, into frame: inout Frame) {
        let dims = data.dimensions
        guard dims.contains(where: { $0.expectation?.isFinite == true || $0.perception?.isFinite == true }),
            data.scaleMax > data.scaleMin, data.scaleMin.isFinite, data.scaleMax.isFinite
        else {
            Marks.noData(in: plot, theme: theme, measurer: measurer, into: &frame)
            return
        }
        let font = theme.font(size: theme.labelSize)
        func num(_ v: Double, signed: Bool = false) -> String {
            ValueFormatter.format(v, as: .number, decimals: data.decimals, locale: data.locale, signed: signed)
        }
        let labels = RowLabels(theme: theme, measurer: measurer)
        let column = labels.columnWidth(dims.map(\.label), plotWidth: plot.width)
        let gapHeader = "Gap"
        let gapWidth = max(LabelLayout.width(num(-9.9, signed: true), font: font.bold, measurer: measurer), LabelLayout.width(gapHeader, font: font.bold, measurer: measurer)) + 10
        let axis = HorizontalAxis(theme: theme, measurer: measurer, format: .number, locale: data.locale)
        let area = plot.inset(top: theme.labelSize * 1.4, left: column + 6, bottom: axis.height, right: gapWidth)
        let scale = axis.scale(values: [], includeZero: false, area: area, fixed: data.scaleMin...data.scaleMax)
        axis.draw(scale, area: area, labelText: { ValueFormatter.format($0, as: .number, decimals: 0, locale: data.locale) }, into: &frame)
        var header = measurer.label(gapHeader, font: font, color: theme.text, x: plot.maxX, y: plot.minY + theme.labelSize * 0.7, alignment: .right, bold: true)
        header.font = font.bold
        frame.add(.text(header))
        let rowHeight = area.height / Double(max(1, dims.count))
        let size = min(9, max(4, rowHeight * 0.45))
        for (i, d) in dims.enumerated() {
            let y = area.minY + rowHeight * (Double(i) + 0.5)
            labels.draw(d.label, right: plot.minX + column, width: column, y: y, rowHeight: rowHeight, into: &frame)
            let e = d.expectation.flatMap { $0.isFinite ? min(max($0, data.scaleMin), data.scaleMax) : nil }
            let p = d.perception.flatMap { $0.isFinite ? min(max($0, data.scaleMin), data.scaleMax) : nil }
            if let e, let p {
                let x0 = scale(min(e, p)), x1 = scale(max(e, p))
                let color = p < e ? theme.concern.withAlpha(0.45) : theme.improvement.withAlpha(0.35)
                frame.fill(Rect(x: x0, y: y - size * 0.3, width: x1 - x0, height: size * 0.6), color)
            }
            if let e { Marks.marker(.diamond, at: Point(scale(e), y), size: size, fill: nil, stroke: theme.text, into: &frame) }
            if let p { Marks.marker(.circle, at: Point(scale(p), y), size: size, fill: theme.post, stroke: .white, into: &frame) }
            let gapText = d.gap.map { num($0, signed: true) } ?? "n/a"
            let negative = (d.gap ?? 0) < 0
            frame.add(.text(measurer.label(gapText, font: font, color: negative ? Color(hex: 0xA63D00) : theme.text, x: plot.maxX, y: y, alignment: .right, bold: true)))
        }
    }
}
