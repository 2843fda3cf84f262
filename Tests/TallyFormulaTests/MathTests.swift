import Testing
import TallyCore
@testable import TallyFormula

@Suite struct MathTests {
    @Test func roundHalfAwayFromZeroAsInExcelDocumentation() {
        #expect(T.kpi("=ROUND(2.15,1)") == .number(2.2))
        #expect(T.kpi("=ROUND(2.149,1)") == .number(2.1))
        #expect(T.kpi("=ROUND(-1.475,2)") == .number(-1.48))
        #expect(T.kpi("=ROUND(21.5,-1)") == .number(20))
        #expect(T.kpi("=ROUND(626.3,-3)") == .number(1000))
        #expect(T.kpi("=ROUND(1.98,-1)") == .number(0))
        #expect(T.kpi("=ROUND(-50.55,-2)") == .number(-100))
        #expect(T.kpi("=ROUND(2.5,0)") == .number(3))
        #expect(T.kpi("=ROUND(-2.5,0)") == .number(-3))
        #expect(T.kpi("=ROUND(2.675,2)") == .number(2.68))     // binary 2.67499999… still rounds up, as in Excel
        #expect(T.kpi("=ROUND(1.005,2)") == .number(1.01))
        #expect(T.kpi("=ROUND(0.285*100,0)") == .number(29))
        #expect(T.kpi("=ROUND(3.7,0.9)") == .number(4))          // digits truncate toward zero
    }

    @Test func roundUpAndDownAsInExcelDocumentation() {
        #expect(T.kpi("=ROUNDUP(3.2,0)") == .number(4))
        #expect(T.kpi("=ROUNDUP(76.9,0)") == .number(77))
        #expect(T.kpi("=ROUNDUP(3.14159,3)") == .number(3.142))
        #expect(T.kpi("=ROUNDUP(-3.14159,1)") == .number(-3.2))
        #expect(T.kpi("=ROUNDUP(31415.92654,-2)") == .number(31500))
        #expect(T.kpi("=ROUNDDOWN(3.2,0)") == .number(3))
        #expect(T.kpi("=ROUNDDOWN(76.9,0)") == .number(76))
        #expect(T.kpi("=ROUNDDOWN(3.14159,3)") == .number(3.141))
        #expect(T.kpi("=ROUNDDOWN(-3.14159,1)") == .number(-3.1))
        #expect(T.kpi("=ROUNDDOWN(31415.92654,-2)") == .number(31400))
        #expect(T.kpi("=ROUNDUP(0.1+0.2,1)") == .number(0.3))     // 0.30000000000000004 is 0.3 to Excel
    }

    @Test func domainErrors() {
        #expect(T.kpi("=SQRT(16)") == .number(4))
        #expect(T.kpi("=SQRT(-16)") == .error(.num))
        #expect(T.kpi("=LN(0)") == .error(.num))
        #expect(T.close(T.kpi("=LN(EXP(3))"), 3))
        #expect(T.close(T.kpi("=EXP(1)"), 2.718281828459045))
        #expect(T.kpi("=ABS(-2.5)") == .number(2.5))
        #expect(T.kpi("=0^0") == .error(.num))
        #expect(T.kpi("=0^-1") == .error(.divisionByZero))
        #expect(T.kpi("=(-8)^(1/3)") == .number(-2))
        #expect(T.kpi("=(-8)^0.5") == .error(.num))
        #expect(T.kpi("=EXP(1000)") == .error(.num))
        #expect(T.kpi("=MOD(-3,2)") == .number(1))
        #expect(T.kpi("=MOD(3,-2)") == .number(-1))
        #expect(T.kpi("=MOD(3,0)") == .error(.divisionByZero))
        #expect(T.kpi("=INT(-8.9)") == .number(-9))
        #expect(T.kpi("=VALUE(\"1,234.5\")") == .number(1234.5))
        #expect(T.kpi("=VALUE(\"abc\")") == .error(.value))
    }

    @Test func errorsPropagateLeftFirstAndBlanksAreZero() {
        #expect(T.kpi("=#N/A+1/0") == .error(.notAvailable))
        #expect(T.kpi("=1/0+#N/A") == .error(.divisionByZero))
        #expect(T.kpi("=SQRT(#N/A)") == .error(.notAvailable))
        let t = T.table(T.numbers("x", [nil, 2]), T.numbers("y", [3, nil]))
        #expect(T.rows("=x+y", t) == [.number(3), .number(2)])
        #expect(T.rows("=x*y", t) == [.number(0), .number(0)])
        #expect(T.rows("=y/x", t) == [.error(.divisionByZero), .number(0)])
        #expect(T.rows("=ROUND(x/3,2)", t) == [.number(0), .number(0.67)])
    }

    @Test func textInArithmetic() {
        let t = T.table(T.texts("team", ["a"]), T.numbers("x", [1]))
        let d = T.errors("=x+team", t, row: true)
        #expect(d.first?.message == "`+` needs numbers, but column `team` is text")
        #expect(d.first?.location?.column == 4)
        #expect(T.kpi("=\"3\"+1") == .number(4))
        #expect(T.errors("=\"abc\"*2").first?.message == "`*` needs a number, but \"abc\" is text")
        #expect(T.rows("=LEFT(\"12x\",2)*2", t) == [.number(24)])
        #expect(T.errors("=LEFT(\"x2\",1)*2").first?.message == "`*` needs a number, but \"x\" is text")
        let codes = T.table(T.texts("code", ["12a", "x2"]))
        #expect(T.rows("=LEFT(code,2)*2", codes) == [.number(24), .error(.value)])
        #expect(T.errors("=code*2", codes, row: true).first?.message == "`*` needs numbers, but column `code` is text")
        #expect(T.kpi("=TRUE+TRUE") == .number(2))
    }
}
