import Foundation
import TallyCore

/// Converts instants to local calendar days in the report's time zone (DST-aware), fast enough for 1M rows.
///
/// Offsets come from Foundation's tz database once per UTC hour seen (DST transitions fall on whole
/// hours), so a year of timestamps costs ~9,000 look-ups instead of one per row.
struct LocalCalendar {
    private let zone: TimeZone
    private var offsetsByHour: [Int64: Int] = [:]

    /// A calendar for a zone identifier such as "Europe/London" or "UTC"; nil when unknown.
    init?(timeZone identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// Days since 1970-01-01 of the local date at `seconds` since the epoch (UTC).
    mutating func localDay(utcSeconds seconds: Int64) -> Int {
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        let offset: Int
        if let cached = offsetsByHour[hour] {
            offset = cached
        } else {
            offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
            offsetsByHour[hour] = offset
        }
        let local = seconds + Int64(offset)
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}

/// Calendar periods used for trends and control charts.
public enum PeriodUnit: String, Sendable, Codable, CaseIterable {
    case day, week, month, quarter

    /// The first day (days since epoch) of the period holding `day`: ISO weeks start on Monday.
    public func start(ofDay day: Int) -> Int {
        switch self {
        case .day: return day
        case .week:
            let weekday = CivilDate(daysSinceEpoch: day).isoWeekday
            return day - (weekday - 1)
        case .month:
            let date = CivilDate(daysSinceEpoch: day)
            return CivilDate(year: date.year, month: date.month, day: 1).daysSinceEpoch
        case .quarter:
            let date = CivilDate(daysSinceEpoch: day)
            return CivilDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1).daysSinceEpoch
        }
    }

    /// The first day of the period after the one starting at `start`.
    public func next(afterStart start: Int) -> Int {
        switch self {
        case .day: return start + 1
        case .week: return start + 7
        case .month, .quarter:
            let date = CivilDate(daysSinceEpoch: start)
            let step = self == .month ? 1 : 3
            let months = date.year * 12 + (date.month - 1) + step
            return CivilDate(year: months / 12, month: months % 12 + 1, day: 1).daysSinceEpoch
        }
    }

    /// A short label for the period starting at `start`, e.g. "w/c 3 Mar 2025", "Mar 2025", "Q1 2025".
    public func label(start: Int) -> String {
        let date = CivilDate(daysSinceEpoch: start)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = months[max(0, min(11, date.month - 1))]
        switch self {
        case .day: return date.britishShort
        case .week: return "w/c \(date.day) \(month) \(date.year)"
        case .month: return "\(month) \(date.year)"
        case .quarter: return "Q\((date.month - 1) / 3 + 1) \(date.year)"
        }
    }
}
