import TallyCore
import TallyGraphics

/// A phase (or period) drawn across a time plot: shaded or not, labelled at its top, with an optional change note.
struct PhaseSpan: Hashable {
    /// Phase label, e.g. "Baseline".
    var label: String
    /// Start and end in x-data units.
    var start: Double
    var end: Double
    /// The change that started this phase, if any (drawn as an annotation on its left boundary).
    var change: String?
    /// Shade the phase background.
    var shaded: Bool
}

/// A vertical annotation at an x position (e.g. "New triage script").
struct XAnnotation: Hashable {
    var x: Double
    var label: String
}

/// The shared frame of every chart over time: value axis, time axis, phase band, shading and right-hand label room.
struct TimePlot {
    let theme: Theme
    let measurer: any TextMeasurer

    /// What the plot must accommodate.
    struct Input {
        var xs: [Double]
        var kind: XAxisKind
        var pointLabels: [String]
        var yValues: [Double]
        var format: ValueFormat
        var locale: ReportLocale
        var includeZero: Bool
        var phases: [PhaseSpan]
        var annotations: [XAnnotation]
        /// Direct labels that will sit to the right of the plot (their widths reserve room).
        var rightLabels: [String]
    }

    /// The scales and the inner plot area.
    struct Output {
        var x: LinearScale
        var y: LinearScale
        var area: Rect
    }

    /// Draws axes, gridlines, phase shading, dividers, phase labels and annotations; returns the scales.
    func draw(_ input: Input, in plot: Rect, chartWidth: Double, into frame: inout Frame) -> Output {
        let labelFont = theme.font(size: theme.labelSize)
        let axis = TimeAxis(theme: theme, measurer: measurer)
        let rightWidth = min(
            plot.width * 0.3, (input.rightLabels.map { LabelLayout.width($0, font: labelFont.bold, measurer: measurer) }.max() ?? 0))
        let rightPad = rightWidth > 0 ? rightWidth + 6 : 4
        let showBand = input.phases.count > 1 || input.phases.contains { $0.change != nil } || !input.annotations.isEmpty
        let hasChangeRow = input.phases.contains { $0.change != nil } || !input.annotations.isEmpty
        let rowHeight = theme.labelSize * 1.3
        let bandHeight = showBand ? rowHeight * (hasChangeRow ? 2 : 1) + 3 : 0

        var under = Frame(size: frame.size)
        let valueAxis = ValueAxis(theme: theme, measurer: measurer, format: input.format, locale: input.locale)
        let (y, area) = valueAxis.draw(
            values: input.yValues, includeZero: input.includeZero,
            in: plot.inset(top: bandHeight, bottom: axis.height(for: input.kind), right: rightPad), into: &under)
        let domain = TimeAxis.domain(input.xs, kind: input.kind)
        let x = LinearScale(domain: domain, rangeStart: area.minX, rangeEnd: area.maxX, ticks: [])

        // Phase shading sits under the gridlines.
        for phase in input.phases where phase.shaded {
            let x0 = max(area.minX, x(phase.start)), x1 = min(area.maxX, x(phase.end))
            if x1 > x0 { frame.fill(Rect(x: x0, y: area.minY - bandHeight, width: x1 - x0, height: area.height + bandHeight), theme.shade) }
        }
        frame.items += under.items
        axis.draw(
            scale: x, kind: input.kind, pointLabels: input.pointLabels, area: area,
            limits: (area.minX - 4)...min(chartWidth - theme.chartPadding, area.maxX + 12), into: &frame)

        guard showBand else { return Output(x: x, y: y, area: area) }
        let bandTop = area.minY - bandHeight
        let changeFont = labelFont
        for (i, phase) in input.phases.enumerated() {
            let x0 = max(area.minX, x(phase.start)), x1 = min(area.maxX, x(phase.end))
            guard x1 > x0 else { continue }
            if i > 0 || phase.change != nil {
                let dash: [Double] = phase.change != nil ? [4, 2] : []
                frame.stroke(.line(from: Point(x0, bandTop), to: Point(x0, area.maxY)), Stroke(color: theme.axis, width: 0.9, dash: dash))
            }
            let available = x1 - x0 - 6
            guard available > 12 else { continue }
            let text = LabelLayout.truncate(phase.label, toWidth: available, font: labelFont.bold, measurer: measurer)
            if !text.isEmpty {
                var box = measurer.label(text, font: labelFont.bold, color: theme.text, x: x0 + 3, y: bandTop + rowHeight / 2, bold: true)
                box.font = labelFont.bold
                frame.add(.text(box))
            }
            if let change = phase.change {
                let note = LabelLayout.truncate(change, toWidth: available, font: changeFont, measurer: measurer)
                if !note.isEmpty {
                    frame.add(.text(measurer.label(note, font: changeFont, color: theme.mutedText, x: x0 + 3, y: bandTop + rowHeight * 1.5)))
                }
            }
        }
        for annotation in input.annotations {
            let ax = x(annotation.x)
            guard ax >= area.minX, ax <= area.maxX else { continue }
            frame.stroke(.line(from: Point(ax, bandTop + rowHeight), to: Point(ax, area.maxY)), Stroke(color: theme.text, width: 0.9, dash: [4, 2]))
            let available = area.maxX + rightPad - ax - 4
            let note = LabelLayout.truncate(annotation.label, toWidth: available, font: changeFont, measurer: measurer)
            if !note.isEmpty {
                frame.add(.text(measurer.label(note, font: changeFont, color: theme.text, x: ax + 3, y: bandTop + rowHeight * 1.5)))
            }
        }
        return Output(x: x, y: y, area: area)
    }

    /// Draws labels in the right-hand margin at wanted y positions, spread so they never overlap.
    func rightLabels(_ labels: [(text: String, y: Double, color: Color, bold: Bool)], area: Rect, chartWidth: Double, into frame: inout Frame) {
        guard !labels.isEmpty else { return }
        let font = theme.font(size: theme.labelSize)
        let spacing = theme.labelSize * 1.25
        let ys = LabelLayout.spread(
            labels.map(\.y), spacing: spacing, low: area.minY - theme.labelSize * 0.4, high: area.maxY + theme.labelSize * 0.4)
        let available = chartWidth - theme.chartPadding - area.maxX - 4
        for (label, y) in zip(labels, ys) {
            let f = label.bold ? font.bold : font
            let text = LabelLayout.truncate(label.text, toWidth: available, font: f, measurer: measurer)
            guard !text.isEmpty else { continue }
            var box = measurer.label(text, font: f, color: label.color, x: area.maxX + 4, y: y, bold: label.bold)
            box.font = f
            frame.add(.text(box))
        }
    }
}
