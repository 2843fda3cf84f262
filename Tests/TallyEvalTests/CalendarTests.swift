import Testing
import TallyCore
import TallyData
@testable import TallyEval

@Suite struct LocalDaysTests {
    /// 2025-03-30 is the UK's spring-forward day (01:00 UTC → 02:00 BST); 2025-10-26 falls back.
    @Test func londonLocalDaysAcrossDaylightSaving() throws {
        let day = { (iso: String) in CivilDate(iso: Substring(iso))?.daysSinceEpoch ?? 0 }
        let london = { (seconds: Int64) in LocalDays.of(utcSeconds: seconds, timeZone: "Europe/London") }
        // 23:30 UTC on 6 Jul 2025 is 00:30 BST on 7 Jul: the post phase in a British report.
        let summerLate = Int64(day("2025-07-06")) * 86_400 + 23 * 3600 + 1800
        #expect(london(summerLate) == day("2025-07-07"))
        // 23:30 UTC in January is 23:30 GMT: the same day.
        let winterLate = Int64(day("2025-01-06")) * 86_400 + 23 * 3600 + 1800
        #expect(london(winterLate) == day("2025-01-06"))
        // Around the autumn change: 23:30 UTC on 25 Oct is 00:30 BST on 26 Oct; 23:30 UTC on 26 Oct is 23:30 GMT.
        #expect(london(Int64(day("2025-10-25")) * 86_400 + 84_600) == day("2025-10-26"))
        #expect(london(Int64(day("2025-10-26")) * 86_400 + 84_600) == day("2025-10-26"))
        // Before 1970 too — and history is respected: Britain kept BST all winter in 1968–71.
        #expect(london(-1) == 0)
        #expect(LocalDays.of(utcSeconds: -1, timeZone: "UTC") == -1)
    }

    @Test func unknownZoneIsRejected() {
        #expect(!LocalDays.isKnown("Mars/Olympus_Mons"))
        #expect(LocalDays.isKnown("UTC") && LocalDays.isKnown("+01:00") && LocalDays.isKnown("Europe/London"))
    }
}

@Suite struct PeriodTests {
    let day = { (iso: String) in CivilDate(iso: Substring(iso))?.daysSinceEpoch ?? 0 }

    @Test func startsOfWeeksMonthsAndQuarters() {
        // Sunday 9 Mar 2025 belongs to the ISO week starting Monday 3 Mar.
        #expect(Period.week.start(ofDay: day("2025-03-09")) == day("2025-03-03"))
        #expect(Period.week.start(ofDay: day("2025-03-10")) == day("2025-03-10"))
        #expect(Period.month.start(ofDay: day("2025-02-28")) == day("2025-02-01"))
        #expect(Period.quarter.start(ofDay: day("2025-08-15")) == day("2025-07-01"))
        #expect(Period.quarter.next(afterStart: day("2025-10-01")) == day("2026-01-01"))
        #expect(Period.month.next(afterStart: day("2025-12-01")) == day("2026-01-01"))
    }

    @Test func labelsPeopleRead() {
        #expect(Period.week.readableLabel(start: day("2025-03-03")) == "w/c 3 Mar 2025")
        #expect(Period.month.readableLabel(start: day("2025-03-01")) == "Mar 2025")
        #expect(Period.quarter.readableLabel(start: day("2025-10-01")) == "Q4 2025")
    }
}
