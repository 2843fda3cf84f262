import TallyCore
import TallyData
import TallySpec

/// Places rows in phases: resolves phase dates and reads each dataset's time column as local days.
enum PhaseAssignment {
    /// Sentinel for rows without a usable time value.
    static let noDay = Int.min

    /// Local day of every row of every dataset that has the phase time column, and the latest day seen.
    static func assign(spec: Spec, tables: [String: Table], timeZone: String, diagnostics: inout [Diagnostic])
        -> (days: [String: [Int]], latestDay: Int?)
    {
        guard let plan = spec.phases else { return ([:], nil) }
        var days: [String: [Int]] = [:]
        var latest: Int? = nil
        let phaseDataset = plan.dataset?.value ?? spec.datasets.first?.name.value
        for (name, table) in tables.sorted(by: { $0.key < $1.key }) {
            // Each dataset's own time column when `phases.time` maps datasets to columns, else the one column.
            let time = spec.datasets.first { $0.name.value == name }.flatMap { spec.timeColumn(for: $0) } ?? plan.time
            guard let column = table.column(named: time.value) else {
                if name == phaseDataset || plan.hasTimePerDataset {
                    let available = table.columns.map(\.name).joined(separator: ", ")
                    diagnostics.append(.error(
                        .data, "phase time column '\(time.value)' is not in dataset '\(name)'", at: time.location,
                        hint: "columns are: \(available)"))
                }
                continue
            }
            guard let rowDays = LocalDays.of(column, timeZone: timeZone) else {
                diagnostics.append(.error(
                    .data, "phase time column '\(column.name)' of dataset '\(name)' holds \(column.type.rawValue) values, not dates",
                    at: time.location,
                    hint: "declare it in data.\(name).columns as 'date' (with a format such as dd/MM/yyyy if needed) or 'datetime'"))
                continue
            }
            if name == phaseDataset, let max = rowDays.lazy.filter({ $0 != noDay }).max() { latest = max }
            days[name] = rowDays
        }
        return (days, latest)
    }

    /// Concrete dates for each period: fixed dates, open ends closed at the report date, or relative spans.
    static func resolvePhases(_ plan: PhasePlan?, asOf: CivilDate, diagnostics: inout [Diagnostic]) -> [ResolvedPhase] {
        guard let plan else { return [] }
        let asOfDay = asOf.daysSinceEpoch
        return plan.periods.map { period in
            let first: Int, last: Int
            switch period.range {
            case .fixed(let from, let to):
                first = from.daysSinceEpoch
                last = to?.daysSinceEpoch ?? asOfDay
            case .last(let count, let unit):
                last = asOfDay
                switch unit {
                case .days: first = asOfDay - count + 1
                case .weeks: first = asOfDay - 7 * count + 1
                case .months, .quarters:
                    let months = unit == .months ? count : 3 * count
                    let date = CivilDate(daysSinceEpoch: asOfDay)
                    let index = date.year * 12 + (date.month - 1) - months
                    let year = index >= 0 ? index / 12 : (index - 11) / 12
                    let month = index - year * 12 + 1
                    let day = min(date.day, CivilDate.daysInMonth(year: year, month: month))
                    first = CivilDate(year: year, month: month, day: day).daysSinceEpoch + 1
                }
            }
            if last < first {
                diagnostics.append(.error(
                    .spec, "phase '\(period.id.value)' ends (\(CivilDate(daysSinceEpoch: last))) before it starts (\(CivilDate(daysSinceEpoch: first)))",
                    at: period.location, hint: "check 'from' and 'to', or the report date (as_of) for open-ended phases"))
            }
            return ResolvedPhase(
                id: period.id.value, label: period.label, firstDay: first, lastDay: last, change: period.change?.label,
                changeReason: period.change?.reason)
        }
    }

    /// For each dataset, the phase index of each row (−1 outside every phase or inside an exclusion).
    static func membership(days: [String: [Int]], phases: [ResolvedPhase], exclusions: [ExclusionSpec]) -> [String: [Int32]] {
        let excluded = exclusions.map { ($0.from.daysSinceEpoch, $0.to.daysSinceEpoch) }
        return days.mapValues { rowDays in
            rowDays.map { day -> Int32 in
                guard day != noDay else { return -1 }
                for (from, to) in excluded where day >= from && day <= to { return -1 }
                for (index, phase) in phases.enumerated() where day >= phase.firstDay && day <= phase.lastDay {
                    return Int32(index)
                }
                return -1
            }
        }
    }
}

/// Decides the report date and records why.
enum ReportDate {
    /// `--as-of` wins, then the spec's date, then `latest-data`, then the build date in the report's zone.
    static func resolve(spec: Spec, override: CivilDate?, latestDataDay: Int?, now: Int64, timeZone: String)
        -> (CivilDate, String)
    {
        if let override { return (override, "command-line") }
        switch spec.report.asOf {
        case .date(let date): return (date, "spec")
        case .latestData:
            if let day = latestDataDay { return (CivilDate(daysSinceEpoch: day), "latest-data") }
        case .buildDate: break
        }
        let today = LocalDays.of(utcSeconds: now, timeZone: timeZone) ?? Int(now / 86_400)
        return (CivilDate(daysSinceEpoch: today), "build-date")
    }
}
