import TallyCore
import TallyGraphics

/// A value axis along the bottom of a plot (for horizontal bars and dots): vertical gridlines and tick labels.
struct HorizontalAxis {
    let theme: Theme
    let measurer: any TextMeasurer
    let format: ValueFormat
    let locale: ReportLocale

    /// Height the tick labels need under the plot.
    var height: Double { 4 + theme.labelSize * 1.25 + 2 }

    /// The scale for `values` across `area`'s width (nice ticks, about one per 70 pt).
    func scale(values: [Double], includeZero: Bool, area: Rect, fixed: ClosedRange<Double>? = nil) -> LinearScale {
        if let fixed {
            // Loose ticks may overshoot a fixed domain; ask for more until at least three fall inside.
            var ticks: [Double] = []
            for extra in [0, 1, 2, 4] {
                ticks = NiceTicks.ticks(min: fixed.lowerBound, max: fixed.upperBound, count: max(2, Int(area.width / 60)) + extra)
                    .filter { $0 >= fixed.lowerBound - 1e-9 && $0 <= fixed.upperBound + 1e-9 }
                if ticks.count >= 3 { break }
            }
            return LinearScale(domain: fixed, rangeStart: area.minX, rangeEnd: area.maxX, ticks: ticks)
        }
        return LinearScale.nice(
            values: values, includeZero: includeZero, rangeStart: area.minX, rangeEnd: area.maxX,
            tickCount: max(2, min(8, Int(area.width / 70))), clampUnit: format == .percent, duration: format == .duration)
    }

    /// Draws gridlines over `area` and tick labels under it; labels that would overlap are skipped.
    func draw(_ scale: LinearScale, area: Rect, labelText: ((Double) -> String)? = nil, into frame: inout Frame) {
        let font = theme.font(size: theme.labelSize)
        let decimals = format == .percent ? NiceTicks.decimals(forStep: scale.tickStep * 100) : NiceTicks.decimals(forStep: scale.tickStep)
        var lastRight = -Double.infinity
        for t in scale.ticks {
            let x = scale(t)
            frame.stroke(.line(from: Point(x, area.minY), to: Point(x, area.maxY)), Stroke(color: theme.grid, width: 0.6))
            let text = labelText?(t) ?? ValueAxis.tickText(t, format: format, decimals: decimals, locale: locale)
            var box = measurer.label(text, font: font, color: theme.mutedText, x: x, y: area.maxY + 4 + theme.labelSize * 0.65, alignment: .center)
            box.origin.x = min(max(box.origin.x, theme.chartPadding), frame.size.width - theme.chartPadding - box.measured.width)
            guard box.origin.x > lastRight + 4 else { continue }
            lastRight = box.origin.x + box.measured.width
            frame.add(.text(box))
        }
    }
}
