import TallyGraphics

/// A legend entry: a swatch (filled box, line or point marker) and its label.
public struct LegendEntry: Sendable, Hashable {
    /// How the swatch is drawn.
    public enum Swatch: Sendable, Hashable {
        case box(Color)
        case line(Stroke)
        /// A point marker: filled with `fill` (nil = hollow), outlined with `stroke`.
        case marker(MarkerShape, fill: Color?, stroke: Color?)
        /// A line with a marker on it (a series drawn with points).
        case lineMarker(Stroke, MarkerShape)
    }
    /// The swatch.
    public var swatch: Swatch
    /// The label.
    public var label: String
    /// May be left out when the chart is too small for the whole legend (the marks are also labelled directly).
    public var optional: Bool

    /// Creates an entry.
    public init(_ swatch: Swatch, _ label: String, optional: Bool = false) {
        self.swatch = swatch
        self.label = label
        self.optional = optional
    }
}

/// Places a chart's title, subtitle, legend and caption, and returns the area left for the plot.
struct ChartChrome {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Draws the words around the plot into `frame` and returns the plot area.
    func layout(_ model: ChartModel, legend: [LegendEntry], into frame: inout Frame) -> Rect {
        let pad = theme.chartPadding
        let width = model.size.width - 2 * pad
        var top = pad
        let title = measurer.box(
            StyledText([TextRun(model.title, bold: true)]), font: theme.font(size: theme.chartTitleSize, bold: true),
            color: theme.text, at: Point(pad, top), width: width)
        frame.add(.text(title))
        top += title.measured.height + 2
        if let subtitle = model.subtitle, !subtitle.isEmpty {
            let box = measurer.box(
                StyledText(plain: subtitle), font: theme.font(size: theme.labelSize + 0.5), color: theme.mutedText,
                at: Point(pad, top), width: width)
            frame.add(.text(box))
            top += box.measured.height
        }
        top += 6
        // A legend may take about an eighth of the chart's height: optional entries go first, then it is cut.
        var entries = legend
        let maxRows = max(2, Int(model.size.height * 0.12 / (theme.labelSize * 1.6)))
        if legendRows(entries, width: width) > maxRows { entries = entries.filter { !$0.optional } }
        while legendRows(entries, width: width) > maxRows && entries.count > 1 { entries.removeLast() }
        if !entries.isEmpty { top = drawLegend(entries, top: top, left: pad, width: width, into: &frame) + 4 }

        let caption = measurer.box(
            StyledText(plain: model.caption), font: theme.font(size: theme.captionSize), color: theme.mutedText,
            at: .zero, width: width)
        let captionTop = model.size.height - pad - caption.measured.height
        var placed = caption
        placed.origin = Point(pad, captionTop)
        frame.add(.text(placed))
        return Rect(x: pad, y: top, width: width, height: max(20, captionTop - 6 - top))
    }

    /// Rows the legend needs at `width`.
    func legendRows(_ entries: [LegendEntry], width: Double) -> Int {
        guard !entries.isEmpty else { return 0 }
        let font = theme.font(size: theme.labelSize)
        var rows = 1, x = 0.0
        for entry in entries {
            let itemWidth = 14 + 4 + measurer.measure(StyledText(plain: entry.label), font: font, width: nil, lineSpacing: 1).width + 12
            if x + itemWidth > width && x > 0 {
                rows += 1
                x = 0
            }
            x += itemWidth
        }
        return rows
    }

    /// Lays legend entries left to right, wrapping; returns the y below the legend.
    private func drawLegend(_ entries: [LegendEntry], top: Double, left: Double, width: Double, into frame: inout Frame) -> Double {
        let font = theme.font(size: theme.labelSize)
        let rowHeight = theme.labelSize * 1.6
        var x = left, y = top
        for entry in entries {
            let metrics = measurer.measure(StyledText(plain: entry.label), font: font, width: nil, lineSpacing: 1)
            let itemWidth = 14 + 4 + metrics.width + 12
            if x + itemWidth > left + width && x > left {
                x = left
                y += rowHeight
            }
            let midY = y + rowHeight / 2
            switch entry.swatch {
            case .box(let color):
                frame.fill(Rect(x: x, y: midY - 4.5, width: 14, height: 9), color)
            case .line(let stroke):
                frame.stroke(.line(from: Point(x, midY), to: Point(x + 14, midY)), stroke)
            case .marker(let shape, let fill, let stroke):
                Marks.marker(shape, at: Point(x + 7, midY), size: 7, fill: fill, stroke: stroke, into: &frame)
            case .lineMarker(let stroke, let shape):
                frame.stroke(.line(from: Point(x, midY), to: Point(x + 14, midY)), stroke)
                Marks.marker(shape, at: Point(x + 7, midY), size: 5, fill: stroke.color, stroke: nil, into: &frame)
            }
            frame.add(.text(measurer.label(entry.label, font: font, color: theme.text, x: x + 18, y: midY)))
            x += itemWidth
        }
        return y + rowHeight
    }
}
