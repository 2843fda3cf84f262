import TallyCore

/// UK civil time: GMT (+00:00) in winter, BST (+01:00) from 01:00 UTC on the last Sunday of March to 01:00 UTC
/// on the last Sunday of October.
enum UKTime {
    /// Seconds since 1970-01-01T00:00Z of 01:00 UTC on the last Sunday of a month.
    static func lastSundayOneAM(year: Int, month: Int) -> Int {
        let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
        let sunday = last.daysSinceEpoch - last.isoWeekday % 7
        return sunday * 86_400 + 3600
    }

    /// The UTC offset in seconds in force at a UTC instant (0 or 3600).
    static func offsetSeconds(utc: Int) -> Int {
        let days = utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400
        let date = CivilDate(daysSinceEpoch: days)
        // Only March and October need the exact switch instant.
        switch date.month {
        case 4...9: return 3600
        case 3: return utc >= lastSundayOneAM(year: date.year, month: 3) ? 3600 : 0
        case 10: return utc < lastSundayOneAM(year: date.year, month: 10) ? 3600 : 0
        default: return 0
        }
    }

    /// The UTC instant of a UK wall-clock time. In the spring-forward gap the clock time is read as GMT (so it
    /// shows one hour later, in BST); in the autumn overlap the first (BST) reading wins.
    static func utc(localDate: CivilDate, secondOfDay: Int) -> Int {
        let local = localDate.daysSinceEpoch * 86_400 + secondOfDay
        if offsetSeconds(utc: local - 3600) == 3600 { return local - 3600 }
        return local
    }
}
