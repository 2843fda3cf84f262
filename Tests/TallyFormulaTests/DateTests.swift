import Testing
import TallyCore
@testable import TallyFormula

@Suite struct DateTests {
    @Test func serialNumbersMatchExcel() {
        #expect(T.kpi("=DATE(2008,1,1)") == .date(39448))
        #expect(T.kpi("=DATE(2008,1,2)+0") == .date(39449))
        #expect(T.kpi("=DATE(1900,3,1)") == .date(61))
        #expect(T.kpi("=DATE(2008,14,2)").description == "2009-02-02")
        #expect(T.kpi("=DATE(2008,1,35)").description == "2008-02-04")
        #expect(T.kpi("=DATE(2008,-3,2)").description == "2007-09-02")
        #expect(T.kpi("=DATE(108,1,2)").description == "2008-01-02")
        #expect(T.kpi("=DATE(10000,1,1)") == .error(.num))
        #expect(T.kpi("=DATE(2026,1,1)-DATE(2025,1,1)") == .number(365))
        #expect(T.kpi("=TODAY()").description == "2026-11-23")
    }

    @Test func partsOfDates() {
        #expect(T.kpi("=YEAR(DATE(2026,7,4))") == .number(2026))
        #expect(T.kpi("=MONTH(DATE(2026,7,4))") == .number(7))
        #expect(T.kpi("=DAY(DATE(2026,7,4))") == .number(4))
        #expect(T.kpi("=YEAR(-1)") == .error(.num))
        // Excel documentation: WEEKDAY(2008-02-14) is 5, 4 and 3 for return types 1, 2 and 3.
        #expect(T.kpi("=WEEKDAY(DATE(2008,2,14))") == .number(5))
        #expect(T.kpi("=WEEKDAY(DATE(2008,2,14),2)") == .number(4))
        #expect(T.kpi("=WEEKDAY(DATE(2008,2,14),3)") == .number(3))
        #expect(T.kpi("=WEEKDAY(DATE(2008,2,14),11)") == .number(4))
        #expect(T.kpi("=WEEKDAY(DATE(2008,2,14),17)") == .number(5))
        #expect(T.kpi("=WEEKDAY(DATE(2008,2,14),12)") == .number(3))  // Tuesday = 1 … Thursday = 3
        #expect(T.kpi("=WEEKDAY(DATE(2008,2,14),9)") == .error(.num))
        #expect(T.kpi("=ISOWEEKNUM(DATE(2012,3,9))") == .number(10))
        #expect(T.kpi("=ISOWEEKNUM(DATE(2021,1,3))") == .number(53))
        #expect(T.kpi("=ISOWEEKNUM(DATE(2024,12,30))") == .number(1))
    }

    @Test func monthArithmetic() {
        #expect(T.kpi("=EOMONTH(DATE(2011,1,1),1)").description == "2011-02-28")
        #expect(T.kpi("=EOMONTH(DATE(2011,1,1),-3)").description == "2010-10-31")
        #expect(T.kpi("=EOMONTH(DATE(2024,1,31),1)").description == "2024-02-29")
        #expect(T.kpi("=EDATE(DATE(2011,1,31),1)").description == "2011-02-28")
    }

    @Test func networkDaysAsInExcelDocumentation() {
        #expect(T.kpi("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1))") == .number(110))
        #expect(T.kpi("=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1),DATE(2012,11,22))") == .number(109))
        #expect(T.kpi("=NETWORKDAYS(DATE(2013,3,1),DATE(2012,10,1))") == .number(-110))
        #expect(T.kpi("=NETWORKDAYS(DATE(2026,11,21),DATE(2026,11,22))") == .number(0))
    }

    @Test func columnsBecomeSerials() {
        // 2026-01-01T08:00Z and 2026-01-01T20:30Z.
        let opened: Int64 = 1_767_225_600 + 8 * 3600
        let t = T.table(T.datetimes("opened_at", [opened, opened]), T.datetimes("closed_at", [opened + 12 * 3600 + 1800, nil]),
                        T.dates("day", ["2026-01-01", "2026-01-02"]))
        #expect(T.close(T.rows("=(closed_at-opened_at)*24", t)[0], 12.5))
        #expect(T.rows("=YEAR(day)", t) == [.number(2026), .number(2026)])
        #expect(T.rows("=day+1", t).map(\.description) == ["2026-01-02", "2026-01-03"])
        #expect(T.rows("=HOUR(opened_at)", t) == [.number(8), .number(8)])
        #expect(T.rows("=TEXT(opened_at,\"yyyy-mm-dd hh:mm\")", t)[0] == .text("2026-01-01 08:00"))
        #expect(T.rows("=day>=DATE(2026,1,2)", t) == [.boolean(false), .boolean(true)])
        #expect(T.rows("=day=\"2026-01-02\"", t) == [.boolean(false), .boolean(false)])  // text never equals a date, as in Excel
    }

    @Test func todayNeedsAsOf() {
        let compiler = FormulaCompiler(schema: FormulaSchema(columns: []))
        guard case .failure(let e) = compiler.compileAggregate(FormulaSource("=TODAY()-1")) else {
            Issue.record("expected failure"); return
        }
        #expect(e.diagnostics.first?.message == "TODAY() needs the report's `as_of` date")
    }
}
