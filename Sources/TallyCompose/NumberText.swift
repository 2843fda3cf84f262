import TallyCore
import TallyEval

/// Formats KPI values, differences and p-values the same way everywhere in a report.
struct NumberText {
    let locale: TallyCore.ReportLocale

    /// A KPI value in its own format, or the problem text when it has none.
    func value(_ value: Double?, of kpi: KPIResult) -> String {
        guard let value else { return "n/a" }
        return ValueFormatter.format(value, as: kpi.format, decimals: kpi.decimals, locale: locale)
    }

    /// A difference in the KPI's unit: percentage points for percentages, signed values otherwise.
    func difference(_ difference: Double, of kpi: KPIResult) -> String {
        if kpi.format == .percent { return ValueFormatter.points(difference, decimals: kpi.decimals, locale: locale) }
        return ValueFormatter.format(difference, as: kpi.format, decimals: kpi.decimals, locale: locale, signed: true)
    }

    /// A bare signed difference (for CI bounds): "+5.9" for points, "+12s" for durations.
    func bound(_ value: Double, of kpi: KPIResult) -> String {
        if kpi.format == .percent { return ValueFormatter.format(value * 100, as: .number, decimals: kpi.decimals, locale: locale, signed: true) }
        return ValueFormatter.format(value, as: kpi.format, decimals: kpi.decimals, locale: locale, signed: true)
    }

    /// "p < 0.001", "p = 0.012", "p = 0.043", "p = 0.43": three decimals near the conventional thresholds.
    static func pValue(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        if p < 0.1 { return "p = " + ValueFormatter.fixed(p, places: 3, locale: .enGB) }
        return "p = " + ValueFormatter.fixed(p, places: 2, locale: .enGB)
    }

    /// A date range such as "6 Jan – 6 Jul 2025" or "7 Jul 2025 – 4 Jan 2026".
    static func dateRange(from: String, to: String) -> String {
        guard let start = CivilDate(iso: Substring(from)), let end = CivilDate(iso: Substring(to)) else { return "\(from) – \(to)" }
        if start.year == end.year {
            let short = start.britishShort.split(separator: " ").dropLast().joined(separator: " ")
            return "\(short) – \(end.britishShort)"
        }
        return "\(start.britishShort) – \(end.britishShort)"
    }
}
