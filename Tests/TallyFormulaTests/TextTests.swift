import Testing
import TallyCore
@testable import TallyFormula

@Suite struct TextTests {
    @Test func substringsAsInExcelDocumentation() {
        #expect(T.kpi("=LEFT(\"Sale Price\",4)") == .text("Sale"))
        #expect(T.kpi("=LEFT(\"Sweden\")") == .text("S"))
        #expect(T.kpi("=RIGHT(\"Sale Price\",5)") == .text("Price"))
        #expect(T.kpi("=RIGHT(\"abc\",10)") == .text("abc"))
        #expect(T.kpi("=LEFT(\"abc\",-1)") == .error(.value))
        #expect(T.kpi("=MID(\"Fluid Flow\",1,5)") == .text("Fluid"))
        #expect(T.kpi("=MID(\"Fluid Flow\",7,20)") == .text("Flow"))
        #expect(T.kpi("=MID(\"Fluid Flow\",20,5)") == .text(""))
        #expect(T.kpi("=MID(\"abc\",0,1)") == .error(.value))
        #expect(T.kpi("=LEN(\"Phoenix, AZ\")") == .number(11))
        #expect(T.kpi("=LEN(\"\")") == .number(0))
        #expect(T.kpi("=LEN(12.5)") == .number(4))
        #expect(T.kpi("=LEN(\"Zürich\")") == .number(6))
        #expect(T.kpi("=TRIM(\" First  Quarter   Earnings \")") == .text("First Quarter Earnings"))
        #expect(T.kpi("=UPPER(\"total\")") == .text("TOTAL"))
        #expect(T.kpi("=LOWER(\"E. E. Cummings\")") == .text("e. e. cummings"))
        #expect(T.kpi("=CONCAT(\"a\",1,TRUE)") == .text("a1TRUE"))
        #expect(T.kpi("=CONCATENATE(\"a\",\"b\")") == .text("ab"))
        #expect(T.kpi("=\"x\"&1/0") == .error(.divisionByZero))
    }

    @Test func findAndSearchAsInExcelDocumentation() {
        #expect(T.kpi("=FIND(\"M\",\"Miriam McGovern\")") == .number(1))
        #expect(T.kpi("=FIND(\"m\",\"Miriam McGovern\")") == .number(6))
        #expect(T.kpi("=FIND(\"M\",\"Miriam McGovern\",3)") == .number(8))
        #expect(T.kpi("=FIND(\"z\",\"abc\")") == .error(.value))
        #expect(T.kpi("=FIND(\"\",\"abc\")") == .number(1))
        #expect(T.kpi("=SEARCH(\"e\",\"Statements\",6)") == .number(7))
        #expect(T.kpi("=SEARCH(\"n\",\"printer\")") == .number(4))
        #expect(T.kpi("=SEARCH(\"base\",\"database\")") == .number(5))
        #expect(T.kpi("=SEARCH(\"p?i\",\"printer\")") == .number(1))
        #expect(T.kpi("=SEARCH(\"t*r\",\"printer\")") == .number(5))
        #expect(T.kpi("=SEARCH(\"x\",\"printer\")") == .error(.value))
    }

    @Test func textFormats() {
        #expect(T.kpi("=TEXT(1234.567,\"$#,##0.00\")") == .text("$1,234.57"))
        #expect(T.kpi("=TEXT(0.285,\"0.0%\")") == .text("28.5%"))
        #expect(T.kpi("=TEXT(0.5,\"0%\")") == .text("50%"))
        #expect(T.kpi("=TEXT(3.14159,\"0.00\")") == .text("3.14"))
        #expect(T.kpi("=TEXT(-3.5,\"0\")") == .text("-4"))
        #expect(T.kpi("=TEXT(1234567,\"#,##0\")") == .text("1,234,567"))
        #expect(T.kpi("=TEXT(0.5,\"#.00\")") == .text(".50"))
        #expect(T.kpi("=TEXT(7,\"000\")") == .text("007"))
        #expect(T.kpi("=TEXT(DATE(2026,3,9),\"yyyy-mm-dd\")") == .text("2026-03-09"))
        #expect(T.kpi("=TEXT(DATE(2026,3,9),\"dd.mm.yy\")") == .text("09.03.26"))
        #expect(T.kpi("=TEXT(DATE(2026,3,9),\"mmm yyyy\")") == .text("Mar 2026"))
        #expect(T.kpi("=TEXT(DATE(2026,3,9),\"mmmm d, yyyy\")") == .text("March 9, 2026"))
        #expect(T.kpi("=TEXT(DATE(2026,3,9),\"dddd\")") == .text("Monday"))
        #expect(T.kpi("=TEXT(0.75,\"hh:mm\")") == .text("18:00"))
        #expect(T.kpi("=TEXT(1.5/24+DATE(2026,1,1),\"h:mm AM/PM\")") == .text("1:30 AM"))
        #expect(T.kpi("=TEXT(1.25,\"[h]:mm\")") == .text("30:00"))
        #expect(T.kpi("=TEXT(\"abc\",\"0.0\")") == .text("abc"))
        #expect(T.kpi("=TEXT(12.5,\"General\")") == .text("12.5"))
    }
}
