import TallyCore
import TallyGraphics

/// The calendar unit of a time series' points (x values are days since 1970-01-01).
public enum TimeUnit: String, Sendable, Hashable, Codable {
    case day, week, month, quarter

    /// Typical length in days (half of it pads the axis at both ends).
    var approximateDays: Double {
        switch self {
        case .day: return 1
        case .week: return 7
        case .month: return 30.44
        case .quarter: return 91.3
        }
    }
}

/// How points are placed along the horizontal axis.
public enum XAxisKind: Sendable, Hashable, Codable {
    /// x is days since 1970-01-01; points are `unit` apart (weekly data on Mondays, monthly on the 1st).
    case time(TimeUnit)
    /// x is the point's index (0, 1, 2, …) and labels come from the points.
    case index
}

/// One labelled tick of a horizontal axis: up to two lines (e.g. "Mar" over "2025").
struct AxisTick: Hashable {
    var x: Double
    var line1: String
    var line2: String?
}

/// A horizontal axis for time or indexed points: picks the finest tick spacing whose measured labels do not overlap.
struct TimeAxis {
    let theme: Theme
    let measurer: any TextMeasurer

    /// Height to reserve under the plot for this axis' labels.
    func height(for kind: XAxisKind) -> Double {
        let line = theme.labelSize * 1.25
        switch kind {
        case .time: return 4 + 2 * line + 2
        case .index: return 4 + line + 2
        }
    }

    /// The x domain for points at `xs` (padded by half a unit so the first and last points sit inside).
    static func domain(_ xs: [Double], kind: XAxisKind) -> ClosedRange<Double> {
        let low = xs.min() ?? 0, high = xs.max() ?? 1
        let half: Double
        switch kind {
        case .time(let unit): half = unit.approximateDays / 2
        case .index: half = 0.5
        }
        return (low - half)...(max(high, low) + half)
    }

    /// Draws ticks and labels under `area` and returns them; labels stay within `limits` horizontally.
    @discardableResult
    func draw(
        scale: LinearScale, kind: XAxisKind, pointLabels: [String], area: Rect, limits: ClosedRange<Double>,
        into frame: inout Frame
    ) -> [AxisTick] {
        let ticks = chooseTicks(scale: scale, kind: kind, pointLabels: pointLabels)
        let font = theme.font(size: theme.labelSize)
        let line = theme.labelSize * 1.25
        frame.stroke(.line(from: Point(area.minX, area.maxY), to: Point(area.maxX, area.maxY)), Stroke(color: theme.axis, width: 0.8))
        var pendingYear: String? = nil
        for var tick in ticks {
            let x = scale(tick.x)
            if tick.line2 == nil, let year = pendingYear { tick.line2 = year }
            // A label that would have to move far off its tick to stay clear of the value labels is left out.
            let widest = max(
                LabelLayout.width(tick.line1, font: font, measurer: measurer),
                tick.line2.map { LabelLayout.width($0, font: font.bold, measurer: measurer) } ?? 0)
            if x - widest / 2 < limits.lowerBound - widest * 0.4 || x + widest / 2 > limits.upperBound + widest * 0.4 {
                pendingYear = tick.line2  // the year moves to the next label shown
                continue
            }
            pendingYear = nil
            frame.stroke(.line(from: Point(x, area.maxY), to: Point(x, area.maxY + 3)), Stroke(color: theme.axis, width: 0.6))
            for (i, text) in [tick.line1, tick.line2].enumerated() {
                guard let text, !text.isEmpty else { continue }
                var box = measurer.label(
                    text, font: font, color: i == 0 ? theme.mutedText : theme.text, x: x,
                    y: area.maxY + 4 + line * (Double(i) + 0.5), alignment: .center, bold: i == 1)
                if i == 1 { box.font = font.bold }
                box.origin.x = min(max(box.origin.x, limits.lowerBound), limits.upperBound - box.measured.width)
                frame.add(.text(box))
            }
        }
        return ticks
    }

    /// The finest candidate tick set whose labels fit without overlapping.
    func chooseTicks(scale: LinearScale, kind: XAxisKind, pointLabels: [String]) -> [AxisTick] {
        let font = theme.font(size: theme.labelSize)
        var cache: [String: Double] = [:]
        func width(_ text: String, bold: Bool) -> Double {
            let key = (bold ? "b:" : "r:") + text
            if let w = cache[key] { return w }
            let w = LabelLayout.width(text, font: bold ? font.bold : font, measurer: measurer)
            cache[key] = w
            return w
        }
        let gap = theme.labelSize * 0.9
        var fallback: [AxisTick] = []
        for candidate in candidates(scale: scale, kind: kind, pointLabels: pointLabels) where !candidate.isEmpty {
            fallback = candidate
            let centres = candidate.map { scale($0.x) }
            // Cheap rejection first: the closest pair of ticks must be wider apart than the narrowest label.
            if centres.count > 1 {
                let closest = zip(centres.dropFirst(), centres).map { $0 - $1 }.min() ?? .infinity
                let narrowest = candidate.prefix(3).map { width($0.line1, bold: false) }.min() ?? 0
                if closest < narrowest * 0.75 + gap { continue }
            }
            let widths = candidate.map { tick in max(width(tick.line1, bold: false), tick.line2.map { width($0, bold: true) } ?? 0) }
            if LabelLayout.fitsWithoutOverlap(centres: centres, widths: widths, gap: gap) { return candidate }
        }
        // Nothing fits (a very narrow chart): keep the first tick only.
        guard let first = fallback.first else { return [] }
        return [first]
    }

    /// Candidate tick sets from finest to coarsest.
    private func candidates(scale: LinearScale, kind: XAxisKind, pointLabels: [String]) -> [[AxisTick]] {
        let low = scale.domain.lowerBound, high = scale.domain.upperBound
        switch kind {
        case .index:
            let count = pointLabels.count
            return [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 50, 100, 200, 500].map { step in
                stride(from: 0, to: count, by: step).map { AxisTick(x: Double($0), line1: pointLabels[$0], line2: nil) }
            }
        case .time(let unit):
            guard low.isFinite, high.isFinite, abs(low) < 1e8, abs(high) < 1e8 else { return [] }
            let first = Int(low.rounded(.up)), last = Int(high.rounded(.down))
            guard last >= first, last - first < 400_000 else { return [] }
            var sets: [[AxisTick]] = []
            if unit == .day {
                for step in [1, 2] { sets.append(dayTicks(first, last, step: step)) }
            }
            if unit == .day || unit == .week {
                for step in [1, 2, 4] { sets.append(weekTicks(first, last, stepWeeks: step, prefix: unit == .week)) }
                sets.append(weekTicks(first, last, stepWeeks: 1, prefix: false))
                sets.append(weekTicks(first, last, stepWeeks: 2, prefix: false))
            }
            if unit != .quarter {
                for step in [1, 2, 3, 6] { sets.append(monthTicks(first, last, step: step, quarters: false)) }
            } else {
                sets.append(monthTicks(first, last, step: 3, quarters: true))
                sets.append(monthTicks(first, last, step: 6, quarters: true))
            }
            for step in [1, 2, 5, 10, 20, 50] { sets.append(yearTicks(first, last, step: step)) }
            return sets
        }
    }

    private func dayTicks(_ first: Int, _ last: Int, step: Int) -> [AxisTick] {
        guard (last - first) / step < 400 else { return [] }
        var previousYear: Int? = nil
        return stride(from: first, through: last, by: step).map { day in
            let date = CivilDate(days: day)
            defer { previousYear = date.year }
            return AxisTick(x: Double(day), line1: date.dayMonth, line2: previousYear != date.year ? String(date.year) : nil)
        }
    }

    private func weekTicks(_ first: Int, _ last: Int, stepWeeks: Int, prefix: Bool) -> [AxisTick] {
        let monday = first + (7 - CivilDate.weekday(days: first)) % 7
        guard (last - monday) / (7 * stepWeeks) < 400 else { return [] }
        var previousYear: Int? = nil
        return stride(from: monday, through: last, by: 7 * stepWeeks).map { day in
            let date = CivilDate(days: day)
            defer { previousYear = date.year }
            return AxisTick(
                x: Double(day), line1: (prefix ? "w/c " : "") + date.dayMonth,
                line2: previousYear != date.year ? String(date.year) : nil)
        }
    }

    private func monthTicks(_ first: Int, _ last: Int, step: Int, quarters: Bool) -> [AxisTick] {
        let start = CivilDate(days: first)
        var year = start.year, month = start.month
        if CivilDate(year: year, month: month, day: 1).days < first { month += 1 }
        // Align to multiples of the step (Jan, Apr, Jul, Oct for quarters).
        while (month - 1) % step != 0 { month += 1 }
        while month > 12 { month -= 12; year += 1 }
        var ticks: [AxisTick] = []
        var previousYear: Int? = nil
        while ticks.count < 400 {
            let date = CivilDate(year: year, month: month, day: 1)
            guard date.days <= last else { break }
            let text = quarters ? "Q\((month - 1) / 3 + 1)" : date.monthName
            ticks.append(AxisTick(x: Double(date.days), line1: text, line2: previousYear != year ? String(year) : nil))
            previousYear = year
            month += step
            while month > 12 { month -= 12; year += 1 }
        }
        return ticks
    }

    private func yearTicks(_ first: Int, _ last: Int, step: Int) -> [AxisTick] {
        var year = CivilDate(days: first).year
        if CivilDate(year: year, month: 1, day: 1).days < first { year += 1 }
        while year % step != 0 { year += 1 }
        var ticks: [AxisTick] = []
        while ticks.count < 400 {
            let days = CivilDate(year: year, month: 1, day: 1).days
            guard days <= last else { break }
            ticks.append(AxisTick(x: Double(days), line1: String(year), line2: nil))
            year += step
        }
        return ticks
    }
}
