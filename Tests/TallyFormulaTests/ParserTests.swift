import Testing
import TallyCore
@testable import TallyFormula

@Suite struct ParserTests {
    func dump(_ text: String) -> String {
        switch Parser.parse(FormulaSource(text)) {
        case .success(let e): return e.dump
        case .failure(let d): return "error: \(d.message)"
        }
    }

    @Test func excelPrecedence() {
        #expect(dump("=1+2*3") == "(+ 1 (* 2 3))")
        #expect(dump("=-2^2") == "(^ (- 2) 2)")            // Excel: 4, negation binds tighter than ^
        #expect(dump("=2^3^2") == "(^ (^ 2 3) 2)")          // left-associative: 64
        #expect(dump("=1+2&\"x\"") == "(& (+ 1 2) \"x\")")
        #expect(dump("=a&b=c") == "(= (& a b) c)")
        #expect(dump("=50%*2") == "(* (% 50) 2)")
        #expect(dump("=2^50%") == "(^ 2 (% 50))")
        #expect(dump("=(1+2)*3") == "(* (+ 1 2) 3)")
        #expect(dump("=1-2-3") == "(- (- 1 2) 3)")
        #expect(dump("=IF(a>=9,\"p\",IF(a>=7,\"n\",\"d\"))") == "(IF (>= a 9) \"p\" (IF (>= a 7) \"n\" \"d\"))")
        #expect(dump("=IF(x,,1)") == "(IF x _ 1)")
        #expect(dump("=TRUE") == "TRUE")
        #expect(dump("=today()") == "(today)")
    }

    @Test func evaluatesPrecedenceLikeExcel() {
        #expect(T.kpi("=-2^2") == .number(4))
        #expect(T.kpi("=2^3^2") == .number(64))
        #expect(T.kpi("=1+2*3-4/2") == .number(5))
        #expect(T.kpi("=10%") == .number(0.1))
        #expect(T.kpi("=1+2&\"\"") == .text("3"))
        #expect(T.kpi("=1+1=2") == .boolean(true))
        #expect(T.kpi("=\"a\"&1=\"a1\"") == .boolean(true))
    }

    @Test func missingParenPointsAtTheEnd() throws {
        let source = FormulaSource("=AVERAGE(csat", at: SourceLocation(file: "report.yaml", line: 12, column: 14))
        guard case .failure(let d) = Parser.parse(source) else { Issue.record("expected failure"); return }
        #expect(d.message == "missing `)` to close AVERAGE(")
        #expect(d.location == SourceLocation(file: "report.yaml", line: 12, column: 27))
        #expect(d.category == .spec)
        // The caret renders under the end of the formula.
        let lines = d.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "report.yaml:12:27: error: missing `)` to close AVERAGE(")
        #expect(lines[1] == "                 =AVERAGE(csat")
        #expect(lines[2] == "    " + String(repeating: " ", count: 26) + "^")
    }

    @Test func specLineIsUsedWhenGiven() {
        let source = FormulaSource("=SUM(a", at: SourceLocation(file: "r.yaml", line: 3, column: 14),
                                   specLine: "    formula: =SUM(a")
        guard case .failure(let d) = Parser.parse(source) else { Issue.record("expected failure"); return }
        #expect(d.location?.column == 20)
        #expect(d.rendered().contains("\n        formula: =SUM(a\n    " + String(repeating: " ", count: 19) + "^"))
    }

    @Test func otherSyntaxErrors() {
        #expect(dump("=1+") == "error: the formula ends where a value was expected")
        #expect(dump("=") == "error: the formula is empty")
        #expect(dump("=1)") == "error: unmatched `)`")
        #expect(dump("=a b") == "error: expected an operator before the name `b`")
        #expect(dump("=(1+2") == "error: missing `)`")
        #expect(dump("=SUM(1 2)") == "error: missing `)` to close SUM(; found the number `2`")
        #expect(dump("=*2") == "error: expected a value, found `*`")
        #expect(dump("=[]") == "error: empty column name `[]`")
        #expect(dump("=[a b") == "error: missing `]` to close the column name")
        #expect(dump("=2x") == "error: a name cannot start with a digit")
    }

    @Test func errorColumnsPointInsideTheFormula() {
        let source = FormulaSource("=1 + * 2", at: SourceLocation(file: "r.yaml", line: 4, column: 10))
        guard case .failure(let d) = Parser.parse(source) else { Issue.record("expected failure"); return }
        #expect(d.location?.column == 15)   // the `*` is at offset 5
    }

    @Test func multiLineFormulasCountLines() {
        let source = FormulaSource("=SUM(a,\n  b", at: SourceLocation(file: "r.yaml", line: 7, column: 5))
        guard case .failure(let d) = Parser.parse(source) else { Issue.record("expected failure"); return }
        #expect(d.location?.line == 8)
        #expect(d.location?.column == 4)
        #expect(d.sourceLine == "  b")
    }
}
