import Testing
import TallyCore
@testable import TallyFormula

@Suite struct LogicalTests {
    static let survey = T.table(T.integers("nps", [10, 9, 8, 7, 6, 0, nil]))

    @Test func npsCategoriesPerRow() {
        let values = T.rows("=IF(nps>=9,\"promoter\",IF(nps>=7,\"passive\",\"detractor\"))", Self.survey)
        #expect(values == ["promoter", "promoter", "passive", "passive", "detractor", "detractor", "detractor"].map { .text($0) })
    }

    @Test func ifVariants() {
        #expect(T.kpi("=IF(1>2,\"a\")") == .boolean(false))
        #expect(T.kpi("=IF(1<2,,\"b\")") == .number(0))
        #expect(T.kpi("=IF(\"x\",1,2)") == .error(.value))
        #expect(T.kpi("=IF(#N/A,1,2)") == .error(.notAvailable))
        #expect(T.kpi("=IF(0,1,2)") == .number(2))
        #expect(T.kpi("=IF(1,1/0,2)") == .error(.divisionByZero))
        #expect(T.kpi("=IF(0,1/0,2)") == .number(2))                 // the unused branch's error does not leak
        #expect(T.kpi("=IFS(1>2,\"a\",2>1,\"b\")") == .text("b"))
        #expect(T.kpi("=IFS(1>2,\"a\")") == .error(.notAvailable))
        #expect(T.kpi("=IFS(1>2,\"a\",TRUE,\"default\")") == .text("default"))
        #expect(T.kpi("=IFERROR(1/0,\"none\")") == .text("none"))
        #expect(T.kpi("=IFERROR(5,\"none\")") == .number(5))
        #expect(T.kpi("=IFNA(#N/A,0)") == .number(0))
        #expect(T.kpi("=IFNA(1/0,0)") == .error(.divisionByZero))
    }

    @Test func andOrNot() {
        #expect(T.kpi("=AND(TRUE,1,2>1)") == .boolean(true))
        #expect(T.kpi("=AND(TRUE,0)") == .boolean(false))
        #expect(T.kpi("=OR(FALSE,0)") == .boolean(false))
        #expect(T.kpi("=OR(FALSE,\"TRUE\")") == .boolean(true))
        #expect(T.kpi("=AND(\"x\")") == .error(.value))
        #expect(T.kpi("=OR(1/0,TRUE)") == .error(.divisionByZero))
        #expect(T.kpi("=NOT(1)") == .boolean(false))
        #expect(T.kpi("=NOT(\"x\")") == .error(.value))
        #expect(T.kpi("=XOR(TRUE,TRUE,TRUE)") == .boolean(true))
    }

    @Test func isFunctions() {
        let t = T.table(T.numbers("x", [nil, 1]), T.texts("s", ["", "a"]))
        #expect(T.rows("=ISBLANK(x)", t) == [.boolean(true), .boolean(false)])
        #expect(T.rows("=ISBLANK(s)", t) == [.boolean(false), .boolean(false)])    // "" is text, not blank
        #expect(T.rows("=ISNUMBER(x)", t) == [.boolean(false), .boolean(true)])
        #expect(T.kpi("=ISERROR(1/0)") == .boolean(true))
        #expect(T.kpi("=ISNA(1/0)") == .boolean(false))
        #expect(T.kpi("=ISTEXT(\"a\")") == .boolean(true))
        #expect(T.kpi("=COUNTIF(x,\"\")+COUNTBLANK(s)", t) == .number(2))      // COUNTBLANK counts "" too
    }

    @Test func comparisonsFollowExcelOrdering() {
        #expect(T.kpi("=\"a\"=\"A\"") == .boolean(true))
        #expect(T.kpi("=1<\"a\"") == .boolean(true))           // numbers sort before text
        #expect(T.kpi("=\"z\"<TRUE") == .boolean(true))        // text before logicals
        #expect(T.kpi("=1=TRUE") == .boolean(false))
        #expect(T.kpi("=\"b\">\"a\"") == .boolean(true))
        let t = T.table(T.numbers("x", [nil]), T.categories("c", ["X"]))
        #expect(T.rows("=x=0", t) == [.boolean(true)])          // blank equals 0
        #expect(T.rows("=x=\"\"", t) == [.boolean(true)])       // and ""
        #expect(T.rows("=c=\"x\"", t) == [.boolean(true)])      // categories behave as text
        #expect(T.rows("=c<>\"Y\"", t) == [.boolean(true)])
    }
}
