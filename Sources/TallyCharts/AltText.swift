import TallyCore

/// Alternative text per chart type: one or two plain sentences with the numbers a sighted reader would take away,
/// for `ChartModel.altText` (screen readers, results.json). `subject` names the measure, e.g. "First contact resolution".
extension ChartContent {
    /// The alt text of this content about `subject`.
    public func altText(subject: String) -> String {
        switch self {
        case .prePostBars(let d): return d.altText(subject: subject)
        case .timeSeries(let d): return d.altText(subject: subject)
        case .controlChart(let d): return d.altText(subject: subject, run: false)
        case .runChart(let d): return d.altText(subject: subject, run: true)
        case .pareto(let d): return d.altText(subject: subject)
        case .histogram(let d): return d.altText(subject: subject)
        case .boxPlot(let d): return d.altText(subject: subject)
        case .likert(let d): return d.altText(subject: subject)
        case .dumbbell(let d): return d.altText(subject: subject)
        case .kpiTile(let d): return d.altText(subject: subject)
        case .smallMultiples(let d): return d.altText(subject: subject)
        case .servqual(let d): return d.altText(subject: subject)
        }
    }
}

/// Shared wording helpers.
enum AltWords {
    static let noData = "No data for this period."

    static func n(_ count: Int, _ locale: ReportLocale) -> String { ValueFormatter.format(Double(count), as: .integer, locale: locale) }

    /// "6 Jan 2025", "Mar 2025" or "point 3", by axis kind.
    static func when(_ x: Double, _ kind: XAxisKind, label: String? = nil) -> String {
        switch kind {
        case .time(.month): return CivilDate(dayValue: x).monthYear
        case .time(.quarter): return CivilDate(dayValue: x).quarterYear
        case .time(.week): return "w/c " + CivilDate(dayValue: x).britishShort
        case .time: return CivilDate(dayValue: x).britishShort
        case .index: return label ?? "point \(x.isFinite ? String(Int(max(-1e9, min(1e9, x)).rounded()) + 1) : "?")"
        }
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}

extension PrePostBars {
    /// "Bar chart: First contact resolution was 65.9% at baseline (n = 23,000) and 72.0% after the change (n = 24,000)."
    public func altText(subject: String) -> String {
        guard !groups.isEmpty else { return "Bar chart of \(subject). " + AltWords.noData }
        func fmt(_ v: Double?) -> String { v.map { ValueFormatter.format($0, as: format, decimals: decimals, locale: locale) } ?? "not available" }
        func phrase(_ bar: Bar, first: Bool) -> String {
            let lower = bar.phase.lowercased()
            let when = first && lower == "baseline" ? "at baseline" : (lower.hasPrefix("after") || lower.hasPrefix("post") ? lower : "in \(bar.phase)")
            return "\(fmt(bar.value)) \(when) (n = \(AltWords.n(bar.n, locale)))"
        }
        let parts = groups.map { g in
            "\(groups.count == 1 ? subject : g.label) was " + AltWords.list(g.bars.enumerated().map { phrase($0.element, first: $0.offset == 0) })
        }
        var text = "Bar chart: " + parts.joined(separator: "; ") + "."
        if let target, groups.count == 1 { text += " Target \(fmt(target))." }
        return text
    }
}

extension TimeSeriesData {
    /// "Line chart of … from … to …: first, last, lowest and highest values; phases; target."
    public func altText(subject: String) -> String {
        let all = series.flatMap { $0.points.filter { $0.value?.isFinite == true } }
        guard let first = all.min(by: { $0.x < $1.x }), let last = all.max(by: { $0.x < $1.x }) else {
            return "Line chart of \(subject). " + AltWords.noData
        }
        func fmt(_ v: Double) -> String { ValueFormatter.format(v, as: format, decimals: decimals, locale: locale) }
        var text = "Line chart of \(subject) from \(AltWords.when(first.x, xAxis)) to \(AltWords.when(last.x, xAxis))."
        for s in series {
            let points = s.points.filter { $0.value?.isFinite == true }
            guard let a = points.first?.value, let b = points.last?.value,
                let low = points.min(by: { ($0.value ?? 0) < ($1.value ?? 0) }), let high = points.max(by: { ($0.value ?? 0) < ($1.value ?? 0) })
            else { continue }
            text += " \(series.count > 1 ? s.label : "It") went from \(fmt(a)) to \(fmt(b)); lowest \(fmt(low.value ?? 0)) (\(AltWords.when(low.x, xAxis))), highest \(fmt(high.value ?? 0)) (\(AltWords.when(high.x, xAxis)))."
        }
        if phases.count > 1 {
            text += " Phases: " + phases.map { p in p.change.map { "\(p.label) (\($0))" } ?? p.label }.joined(separator: ", ") + "."
        }
        for a in annotations { text += " \(a.label) at \(AltWords.when(a.x, xAxis))." }
        if let target { text += " Target \(fmt(target))." }
        return text
    }
}

extension ControlChartData {
    /// "XmR control chart of … : per phase centre and limits; special-cause points by meaning and rule."
    public func altText(subject: String, run: Bool) -> String {
        let kind = run ? "Run chart" : "\(chartKindLabel) control chart"
        let valid = points.filter { $0.value?.isFinite == true }
        guard let first = valid.first, let last = valid.last else { return "\(kind) of \(subject). " + AltWords.noData }
        func fmt(_ v: Double) -> String { ValueFormatter.format(v, as: format, decimals: decimals, locale: locale) }
        var text = "\(kind) of \(subject), \(valid.count) points from \(AltWords.when(first.x, xAxis, label: first.label)) to \(AltWords.when(last.x, xAxis, label: last.label))."
        let phaseList = phases.isEmpty ? [Phase(label: "", startIndex: 0)] : phases
        for (k, phase) in phaseList.enumerated() {
            let members = points.filter { phaseIndex($0) == k }
            guard let lastPoint = members.last(where: { $0.centre != nil }), let centre = lastPoint.centre else { continue }
            var part = phase.label.isEmpty ? " " : " \(phase.label): "
            part += "\(run ? "median" : "mean") \(fmt(centre))"
            if !run, let l = lastPoint.lower, let u = lastPoint.upper { part += ", limits \(fmt(l)) to \(fmt(u))" }
            text += part + "."
        }
        let flagged = valid.filter { !$0.signals.isEmpty }
        if flagged.isEmpty {
            text += " All points show common-cause variation."
        } else {
            var groups: [String] = []
            for (meaning, word) in [(1, "improvement"), (-1, "concern"), (0, "special cause")] {
                let members = flagged.filter { self.meaning(of: $0) == meaning }
                guard !members.isEmpty else { continue }
                let rules = SPCRule.allCases.filter { rule in members.contains { $0.signals.contains(rule) } }.map { $0.legendLabel.lowercased() }
                groups.append("\(members.count) \(word) (\(rules.joined(separator: ", ")))")
            }
            text += " \(flagged.count) special-cause point\(flagged.count == 1 ? "" : "s"): " + AltWords.list(groups) + "."
        }
        if let target { text += " Target \(fmt(target))." }
        return text
    }
}

extension ParetoData {
    /// "Pareto chart of complaints: … ; 4 of 7 categories make up 80%."
    public func altText(subject: String) -> String {
        guard !categories.isEmpty else { return "Pareto chart of \(unit). " + AltWords.noData }
        let total = categories.map(\.value).reduce(0, +)
        let parts = categories.map { c in
            "\(c.label) \(ValueFormatter.format(c.value, as: format, decimals: decimals, locale: locale))"
                + (total > 0 ? " (\(ValueFormatter.format(c.value / total, as: .percent, decimals: 0, locale: locale)))" : "")
        }
        var text = "Pareto chart of \(unit) by category: " + parts.joined(separator: ", ") + "."
        if let threshold {
            text += " \(vitalFewCount) of \(categories.count) categories make up \(ValueFormatter.format(threshold, as: .percent, decimals: 0, locale: locale)) of \(unit)."
        }
        return text
    }
}

extension HistogramData {
    /// "Histograms of … by phase: Baseline n = …, most common bin …".
    public func altText(subject: String) -> String {
        let valid = groups.filter { $0.n > 0 && $0.counts.count == edges.count - 1 }
        guard !valid.isEmpty else { return "Histogram of \(subject). " + AltWords.noData }
        func fmt(_ v: Double) -> String { ValueAxis.tickText(v, format: format, decimals: ValueFormatter.defaultDecimals(for: format), locale: locale) }
        let parts = valid.map { g -> String in
            let mode = g.counts.indices.max { g.counts[$0] < g.counts[$1] } ?? 0
            return "\(g.label) (n = \(AltWords.n(g.n, locale))) most often \(fmt(edges[mode])) to \(fmt(edges[mode + 1]))"
        }
        return "Histogram\(valid.count > 1 ? "s" : "") of \(subject) by phase: " + parts.joined(separator: "; ") + "."
    }
}

extension BoxPlotData {
    /// "Box plots of …: Baseline median 6m 42s (middle half 5m 30s to 7m 50s, n = 1,112); …".
    public func altText(subject: String) -> String {
        guard !groups.isEmpty else { return "Box plot of \(subject). " + AltWords.noData }
        func fmt(_ v: Double) -> String { ValueFormatter.format(v, as: format, decimals: decimals, locale: locale) }
        let parts = groups.map { "\($0.label) median \(fmt($0.median)) (middle half \(fmt($0.q1)) to \(fmt($0.q3)), n = \(AltWords.n($0.n, locale)))" }
        return "Box plots of \(subject): " + parts.joined(separator: "; ") + "."
    }
}

extension LikertData {
    /// "Diverging bar chart of …: Baseline 57% positive, 18% neutral, 25% negative (n = 1,432); …".
    public func altText(subject: String) -> String {
        let valid = rows.filter { $0.total > 0 }
        guard !valid.isEmpty else { return "Diverging bar chart of \(subject). " + AltWords.noData }
        func pct(_ v: Double) -> String { ValueFormatter.format(v, as: .percent, decimals: decimals, locale: locale) }
        let parts = valid.map { row -> String in
            let s = sides(row)
            let neutral = neutralIndex == nil ? "" : ", \(pct(s.neutral)) neutral"
            return "\(row.label) \(pct(s.positive)) positive\(neutral), \(pct(s.negative)) negative (n = \(ValueFormatter.format(row.total, as: .integer, locale: locale)))"
        }
        return "Diverging bar chart of \(subject): " + parts.joined(separator: "; ") + "."
    }
}

extension DumbbellData {
    /// "Dot plot of … from Baseline to After for 6 groups: North 64% to 71% (better); …".
    public func altText(subject: String) -> String {
        let valid = rows.filter { $0.baseline != nil || $0.post != nil }
        guard !valid.isEmpty else { return "Dot plot of \(subject). " + AltWords.noData }
        func fmt(_ v: Double?) -> String { v.map { ValueFormatter.format($0, as: format, decimals: decimals, locale: locale) } ?? "not available" }
        let parts = valid.map { row -> String in
            var part = "\(row.label) \(fmt(row.baseline)) to \(fmt(row.post))"
            if let b = row.baseline, let p = row.post {
                switch improvementDirection.judge(p - b) {
                case 1: part += " (better)"
                case -1: part += " (worse)"
                default: if p == b { part += " (no change)" }
                }
            }
            return part
        }
        return "Dot plot of \(subject) from \(baselineLabel) to \(postLabel) for \(valid.count) groups: " + parts.joined(separator: "; ") + "."
    }
}

extension KPITileData {
    /// "First contact resolution: 72.0%, +6.1 points vs baseline. Improvement (higher). Hit and miss on target."
    public func altText(subject: String) -> String {
        guard let value, value.isFinite else { return "\(subject): " + AltWords.noData }
        var text = "\(subject): \(ValueFormatter.format(value, as: format, decimals: decimals, locale: locale))"
        if let change = changeText { text += ", \(change) \(changeLabel)" }
        text += "."
        if variation != .none { text += " \(variation.caption)." }
        if assurance != .none { text += " \(assurance.caption)." }
        if let target { text += " Target \(ValueFormatter.format(target, as: format, decimals: decimals, locale: locale))." }
        return text
    }
}

extension SmallMultiplesData {
    /// "Small multiples of … for 6 groups, latest values: North 68%, …".
    public func altText(subject: String) -> String {
        let parts = panels.compactMap { panel -> String? in
            guard let last = panel.points.last(where: { $0.value?.isFinite == true })?.value else { return nil }
            return "\(panel.label) \(ValueFormatter.format(last, as: format, decimals: decimals, locale: locale))"
        }
        guard !parts.isEmpty else { return "Small multiples of \(subject). " + AltWords.noData }
        var text = "Small multiples of \(subject) for \(panels.count) groups; latest values: " + parts.joined(separator: ", ") + "."
        if let changeAt { text += " Change at \(AltWords.when(changeAt, xAxis))." }
        if let target { text += " Target \(ValueFormatter.format(target, as: format, decimals: decimals, locale: locale))." }
        return text
    }
}

extension ServqualData {
    /// "SERVQUAL gap chart: Reliability expectation 6.5, perception 5.3, gap −1.2; …".
    public func altText(subject: String) -> String {
        let valid = dimensions.filter { $0.expectation != nil || $0.perception != nil }
        guard !valid.isEmpty else { return "SERVQUAL gap chart of \(subject). " + AltWords.noData }
        func num(_ v: Double?, signed: Bool = false) -> String {
            v.map { ValueFormatter.format($0, as: .number, decimals: decimals, locale: locale, signed: signed) } ?? "not available"
        }
        let parts = valid.map { "\($0.label) expectation \(num($0.expectation)), perception \(num($0.perception)), gap \(num($0.gap, signed: true))" }
        return "SERVQUAL gap chart of \(subject) on a \(num(scaleMin).replacingDecimalZero())–\(num(scaleMax).replacingDecimalZero()) scale: " + parts.joined(separator: "; ") + "."
    }
}

extension String {
    /// "1.0" → "1" for scale ends.
    fileprivate func replacingDecimalZero() -> String { hasSuffix(".0") ? String(dropLast(2)) : self }
}
