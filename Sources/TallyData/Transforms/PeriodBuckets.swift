import TallyCore

/// A calendar period to bucket dates and datetimes into (KPIs per day, ISO week, month or quarter).
public enum Period: String, Sendable, CaseIterable, Codable {
    /// Calendar day.
    case day
    /// ISO week, starting on Monday.
    case week
    /// Calendar month.
    case month
    /// Calendar quarter (Jan, Apr, Jul, Oct).
    case quarter
    /// Calendar year.
    case year

    /// The first day (days since 1970-01-01) of the period holding `day`.
    public func start(ofDay day: Int) -> Int {
        switch self {
        case .day: return day
        case .week:
            let weekday = ((day % 7 + 7) % 7 + 3) % 7  // Monday = 0
            return day - weekday
        case .month, .quarter, .year:
            let date = CivilDate(daysSinceEpoch: day)
            let month = self == .month ? date.month : self == .quarter ? (date.month - 1) / 3 * 3 + 1 : 1
            return CivilDate(year: date.year, month: month, day: 1).daysSinceEpoch
        }
    }

    /// A label for the period starting on `start`: `2026-03-31`, `2026-W14`, `2026-03`, `2026-Q1`, `2026`.
    public func label(start: Int) -> String {
        let date = CivilDate(daysSinceEpoch: start)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        switch self {
        case .day: return date.description
        case .week:
            // The ISO week-year is the year of the week's Thursday.
            let thursday = CivilDate(daysSinceEpoch: start + 3)
            let firstThursdayStart = Period.week.start(ofDay: CivilDate(year: thursday.year, month: 1, day: 4).daysSinceEpoch)
            let week = (start - firstThursdayStart) / 7 + 1
            return "\(thursday.year)-W\(two(week))"
        case .month: return "\(date.year)-\(two(date.month))"
        case .quarter: return "\(date.year)-Q\((date.month - 1) / 3 + 1)"
        case .year: return "\(date.year)"
        }
    }
}

extension Column {
    /// The start date of each row's period, as a `date` column (missing stays missing); nil unless the column
    /// holds dates or datetimes. Datetimes are first shifted into `timeZone` (`UTC`, `+01:00`,
    /// `Europe/London`, …; named zones follow their DST rules); nil when the zone is unknown.
    public func periodStarts(_ period: Period, timeZone: String = "UTC") -> Column? {
        guard let zone = TimeZoneRule(timeZone) else { return nil }
        var out = [Int32](repeating: 0, count: count)
        switch storage {
        case .dates(let days):
            for i in 0..<count where validity[i] { out[i] = Int32(truncatingIfNeeded: period.start(ofDay: Int(days[i]))) }
        case .datetimes(let seconds):
            var cache = ZoneCache()
            var lastDay = Int.min
            var lastStart = 0
            for i in 0..<count where validity[i] {
                let local = seconds[i] + Int64(zone.offset(forUTC: seconds[i], cache: &cache))
                let day = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
                if day != lastDay {
                    lastDay = day
                    lastStart = period.start(ofDay: day)
                }
                out[i] = Int32(truncatingIfNeeded: lastStart)
            }
        default:
            return nil
        }
        return Column(name: "\(name) (\(period.rawValue))", type: .date, storage: .dates(out), validity: validity)
    }
}
