import TallyCore
import TallyGraphics

/// Draws a value axis on the left of a plot: gridlines at nice ticks and formatted tick labels.
struct ValueAxis {
    let theme: Theme
    let measurer: any TextMeasurer
    let format: ValueFormat
    let locale: ReportLocale

    /// Builds the scale for `values`, reserves room for its labels, draws gridlines and labels,
    /// and returns the scale with the narrowed plot area.
    func draw(
        values: [Double], includeZero: Bool, in plot: Rect, into frame: inout Frame, tickCount: Int? = nil,
        clampUnit: Bool? = nil
    ) -> (LinearScale, Rect) {
        // About one tick per 45 pt of height, between 2 and 6, so small charts are never crowded.
        let count = tickCount ?? (plot.height < 60 ? 2 : max(3, min(6, Int(plot.height / 45))))
        var provisional = LinearScale.nice(
            values: values, includeZero: includeZero, rangeStart: plot.maxY, rangeEnd: plot.minY, tickCount: count,
            clampUnit: clampUnit ?? (format == .percent), duration: format == .duration)
        provisional = tightened(provisional, values: values, includeZero: includeZero, count: count)
        let decimals = tickDecimals(provisional.tickStep)
        let font = theme.font(size: theme.labelSize)
        let labels = provisional.ticks.map { tickText($0, decimals: decimals) }
        let labelWidth = labels.map { measurer.measure(StyledText(plain: $0), font: font, width: nil, lineSpacing: 1).width }.max() ?? 0
        let area = plot.inset(top: theme.labelSize / 2, left: labelWidth + 6)
        let scale = LinearScale(domain: provisional.domain, rangeStart: area.maxY, rangeEnd: area.minY, ticks: provisional.ticks)
        for (tick, label) in zip(scale.ticks, labels) {
            let y = scale(tick)
            frame.stroke(.line(from: Point(area.minX, y), to: Point(area.maxX, y)), Stroke(color: theme.grid, width: 0.6))
            frame.add(.text(measurer.label(label, font: font, color: theme.mutedText, x: area.minX - 5, y: y, alignment: .right)))
        }
        return (scale, area)
    }

    /// When loose ticks would leave most of a short axis empty (the data squashed into a band), the domain
    /// hugs the data instead and only the ticks inside it are labelled.
    private func tightened(_ scale: LinearScale, values: [Double], includeZero: Bool, count: Int) -> LinearScale {
        let finite = values.filter(\.isFinite)
        guard !includeZero, let low = finite.min(), let high = finite.max(), high > low else { return scale }
        let span = scale.domain.upperBound - scale.domain.lowerBound
        guard span > 0, (high - low) / span < 0.75 else { return scale }
        let pad = (high - low) * 0.06
        let domain = (low - pad)...(high + pad)
        let candidates = format == .duration
            ? NiceTicks.durationTicks(min: low, max: high, count: count + 1) : NiceTicks.ticks(min: low, max: high, count: count + 1)
        let inside = candidates.filter { domain.contains($0) }
        guard inside.count >= 2 else { return scale }
        return LinearScale(domain: domain, rangeStart: scale.rangeStart, rangeEnd: scale.rangeEnd, ticks: inside)
    }

    /// Decimals for tick labels: just enough to tell ticks apart.
    private func tickDecimals(_ step: Double) -> Int {
        switch format {
        case .percent: return NiceTicks.decimals(forStep: step * 100)
        case .duration, .integer: return 0
        default: return NiceTicks.decimals(forStep: step)
        }
    }

    private func tickText(_ value: Double, decimals: Int) -> String {
        Self.tickText(value, format: format, decimals: decimals, locale: locale)
    }

    /// A tick label: like value labels, but whole minutes and hours drop their zero parts ("6m", "2h").
    static func tickText(_ value: Double, format: ValueFormat, decimals: Int, locale: ReportLocale) -> String {
        if format == .duration, value.isFinite, value >= 60, value < 48 * 3600 {
            // Whole minutes or hours read better without ":00" parts ("6m", "2h").
            let seconds = Int(value.rounded())
            if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
            if seconds % 60 == 0 && seconds < 3600 { return "\(seconds / 60)m" }
        }
        return ValueFormatter.format(value, as: format, decimals: decimals, locale: locale)
    }
}
