import TallyCore
import TallyData

/// Local calendar days in the report's time zone, through the data stage's own time-zone rules
/// (`Column.periodStarts`), so rows are bucketed exactly as the reader and period buckets see them.
enum LocalDays {
    /// Local day (days since 1970-01-01) of each row of a date or datetime column; nil for another type
    /// or an unknown zone. Missing rows get `PhaseAssignment.noDay`.
    static func of(_ column: Column, timeZone: String) -> [Int]? {
        guard let days = column.periodStarts(.day, timeZone: timeZone), case .dates(let values) = days.storage else { return nil }
        return (0..<days.count).map { days.validity[$0] ? Int(values[$0]) : PhaseAssignment.noDay }
    }

    /// Local day of one instant (seconds since 1970-01-01 UTC); nil for an unknown zone.
    static func of(utcSeconds seconds: Int64, timeZone: String) -> Int? {
        of(Column(name: "now", type: .datetime, storage: .datetimes([seconds])), timeZone: timeZone)?.first
    }

    /// True when the data stage knows the zone (`UTC`, `+01:00`, or a tz database name).
    static func isKnown(_ timeZone: String) -> Bool { of(utcSeconds: 0, timeZone: timeZone) != nil }
}

/// What evaluate adds to the data stage's calendar periods: the next period, and labels for people.
extension Period {
    /// The first day of the period after the one starting at `start`.
    func next(afterStart start: Int) -> Int {
        switch self {
        case .day: return start + 1
        case .week: return start + 7
        case .month, .quarter, .year:
            let date = CivilDate(daysSinceEpoch: start)
            let step = self == .month ? 1 : (self == .quarter ? 3 : 12)
            let months = date.year * 12 + (date.month - 1) + step
            return CivilDate(year: months / 12, month: months % 12 + 1, day: 1).daysSinceEpoch
        }
    }

    /// A label for reports and charts, e.g. "w/c 3 Mar 2025", "Mar 2025", "Q1 2025", "2025".
    func readableLabel(start: Int) -> String {
        let date = CivilDate(daysSinceEpoch: start)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = months[max(0, min(11, date.month - 1))]
        switch self {
        case .day: return date.britishShort
        case .week: return "w/c \(date.day) \(month) \(date.year)"
        case .month: return "\(month) \(date.year)"
        case .quarter: return "Q\((date.month - 1) / 3 + 1) \(date.year)"
        case .year: return "\(date.year)"
        }
    }
}
