import Testing
import TallyCore
@testable import TallyEval

@Suite struct LocalCalendarTests {
    /// 2025-03-30 is the UK's spring-forward day (01:00 UTC → 02:00 BST); 2025-10-26 falls back.
    @Test func londonLocalDaysAcrossDaylightSaving() throws {
        var calendar = try #require(LocalCalendar(timeZone: "Europe/London"))
        let day = { (iso: String) in CivilDate(iso: Substring(iso))?.daysSinceEpoch ?? 0 }
        // 23:30 UTC on 6 Jul 2025 is 00:30 BST on 7 Jul: the post phase in a British report.
        let summerLate = Int64(day("2025-07-06")) * 86_400 + 23 * 3600 + 1800
        #expect(calendar.localDay(utcSeconds: summerLate) == day("2025-07-07"))
        // 23:30 UTC in January is 23:30 GMT: the same day.
        let winterLate = Int64(day("2025-01-06")) * 86_400 + 23 * 3600 + 1800
        #expect(calendar.localDay(utcSeconds: winterLate) == day("2025-01-06"))
        // Around the autumn change: 23:30 UTC on 25 Oct is 00:30 BST on 26 Oct; 23:30 UTC on 26 Oct is 23:30 GMT.
        #expect(calendar.localDay(utcSeconds: Int64(day("2025-10-25")) * 86_400 + 84_600) == day("2025-10-26"))
        #expect(calendar.localDay(utcSeconds: Int64(day("2025-10-26")) * 86_400 + 84_600) == day("2025-10-26"))
        // Before 1970 too — and history is respected: Britain kept BST all winter in 1968–71.
        #expect(calendar.localDay(utcSeconds: -1) == 0)
        var utc = try #require(LocalCalendar(timeZone: "UTC"))
        #expect(utc.localDay(utcSeconds: -1) == -1)
    }

    @Test func unknownZoneIsRejected() {
        #expect(LocalCalendar(timeZone: "Mars/Olympus_Mons") == nil)
    }
}

@Suite struct PeriodUnitTests {
    let day = { (iso: String) in CivilDate(iso: Substring(iso))?.daysSinceEpoch ?? 0 }

    @Test func startsOfWeeksMonthsAndQuarters() {
        // Sunday 9 Mar 2025 belongs to the ISO week starting Monday 3 Mar.
        #expect(PeriodUnit.week.start(ofDay: day("2025-03-09")) == day("2025-03-03"))
        #expect(PeriodUnit.week.start(ofDay: day("2025-03-10")) == day("2025-03-10"))
        #expect(PeriodUnit.month.start(ofDay: day("2025-02-28")) == day("2025-02-01"))
        #expect(PeriodUnit.quarter.start(ofDay: day("2025-08-15")) == day("2025-07-01"))
        #expect(PeriodUnit.quarter.next(afterStart: day("2025-10-01")) == day("2026-01-01"))
        #expect(PeriodUnit.month.next(afterStart: day("2025-12-01")) == day("2026-01-01"))
    }

    @Test func labelsPeopleRead() {
        #expect(PeriodUnit.week.label(start: day("2025-03-03")) == "w/c 3 Mar 2025")
        #expect(PeriodUnit.month.label(start: day("2025-03-01")) == "Mar 2025")
        #expect(PeriodUnit.quarter.label(start: day("2025-10-01")) == "Q4 2025")
    }
}
