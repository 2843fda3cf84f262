import Foundation
import TallyCore

/// The planted story of the sample data: period, change date and ramp, the outage week, holidays, and the
/// daily contact-volume model. Every constant here is documented in SampleData/README.md.
enum Story {
    /// First day of the data (Monday of ISO week 2025-W02).
    static let start = CivilDate(year: 2025, month: 1, day: 6)
    /// Number of days covered: 52 ISO weeks, 2025-01-06 … 2026-01-04.
    static let dayCount = 364
    /// Go-live of the new triage script and complaint procedure: the first day of the post phase.
    static let change = CivilDate(year: 2025, month: 7, day: 7)
    /// Days over which the change's effects ramp linearly from 1/14 to full strength.
    static let rampDays = 14
    /// Monday of the outage week (billing and online-account platform outage).
    static let outageStart = CivilDate(year: 2025, month: 3, day: 10)
    /// Outage intensity on each day of the outage week, Monday first (1 = worst).
    static let outageProfile: [Double] = [1.0, 0.9, 0.6, 0.35, 0.2, 0.1, 0.05]
    /// The moment the CRM export was taken (2026-01-05 07:00 UTC): later closures show as still open.
    static let exportInstant = CivilDate(year: 2026, month: 1, day: 5).daysSinceEpoch * 86_400 + 7 * 3600

    /// England & Wales bank holidays in the period, with the volume factor of each.
    static let holidays: [Int: Double] = [
        CivilDate(year: 2025, month: 4, day: 18).daysSinceEpoch: 0.35,  // Good Friday
        CivilDate(year: 2025, month: 4, day: 21).daysSinceEpoch: 0.35,  // Easter Monday
        CivilDate(year: 2025, month: 5, day: 5).daysSinceEpoch: 0.35,  // Early May
        CivilDate(year: 2025, month: 5, day: 26).daysSinceEpoch: 0.35,  // Spring
        CivilDate(year: 2025, month: 8, day: 25).daysSinceEpoch: 0.35,  // Summer
        CivilDate(year: 2025, month: 12, day: 24).daysSinceEpoch: 0.7,  // Christmas Eve (short day)
        CivilDate(year: 2025, month: 12, day: 25).daysSinceEpoch: 0.12,  // Christmas Day
        CivilDate(year: 2025, month: 12, day: 26).daysSinceEpoch: 0.3,  // Boxing Day
        CivilDate(year: 2025, month: 12, day: 31).daysSinceEpoch: 0.7,  // New Year's Eve (short day)
        CivilDate(year: 2026, month: 1, day: 1).daysSinceEpoch: 0.35,  // New Year's Day
    ]

    /// Days on which the phone lines are closed (digital channels only).
    static let phoneClosed: Set<Int> = [
        CivilDate(year: 2025, month: 12, day: 25).daysSinceEpoch,
        CivilDate(year: 2025, month: 12, day: 26).daysSinceEpoch,
        CivilDate(year: 2026, month: 1, day: 1).daysSinceEpoch,
    ]

    /// Relative volume by ISO weekday, Monday first.
    static let weekdayVolume: [Double] = [1.30, 1.12, 1.05, 1.00, 0.93, 0.42, 0.18]

    /// The i-th day of the period.
    static func day(_ index: Int) -> CivilDate { CivilDate(daysSinceEpoch: start.daysSinceEpoch + index) }

    /// Strength of the change's effects on a day: 0 before go-live, then k/14 on the k-th day, 1 from day 14.
    static func ramp(_ date: CivilDate) -> Double {
        let k = date.daysSinceEpoch - change.daysSinceEpoch + 1
        if k <= 0 { return 0 }
        return min(1, Double(k) / Double(rampDays))
    }

    /// Outage intensity on a day (0 outside the outage week).
    static func outage(_ date: CivilDate) -> Double {
        let k = date.daysSinceEpoch - outageStart.daysSinceEpoch
        guard k >= 0, k < outageProfile.count else { return 0 }
        return outageProfile[k]
    }

    /// True on the billing-peak days: the last two and the first two days of each month.
    static func isBillingPeak(_ date: CivilDate) -> Bool {
        date.day <= 2 || date.day >= CivilDate.daysInMonth(year: date.year, month: date.month) - 1
    }

    /// Day of the year, 1-based.
    static func dayOfYear(_ date: CivilDate) -> Int {
        date.daysSinceEpoch - CivilDate(year: date.year, month: 1, day: 1).daysSinceEpoch + 1
    }

    /// Expected relative contact volume of a day, before daily noise: weekday × winter seasonality ×
    /// billing peak × holiday × outage surge.
    static func volumeWeight(_ date: CivilDate) -> Double {
        let weekday = weekdayVolume[date.isoWeekday - 1]
        let season = 1 + 0.10 * cos(2 * Double.pi * Double(dayOfYear(date) - 15) / 365.25)
        let peak = isBillingPeak(date) ? 1.15 : 1.0
        let holiday = holidays[date.daysSinceEpoch] ?? 1.0
        let surge = 1 + 0.9 * outage(date)
        return weekday * season * peak * holiday * surge
    }
}
