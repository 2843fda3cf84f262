import Testing
import TallyCore
import TallyData
@testable import TallyFormula

/// Formulas built to break the parser, compiler or evaluator: each gets a located error or a documented value,
/// never a stack overflow (the limits are `Limits.standard.maxFormulaLength` and `maxFormulaDepth`).
@Suite struct AdversarialFormulaTests {
    let at = SourceLocation(file: "r.yaml", line: 4, column: 14)

    /// The single diagnostic of a formula that must not parse.
    func parseError(_ text: String) -> Diagnostic? {
        if case .failure(let d) = Parser.parse(FormulaSource(text, at: at)) { return d }
        return nil
    }

    @Test func tenThousandNestedParenthesesAreTooLong() throws {
        let formula = "=" + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let d = try #require(parseError(formula))
        #expect(d.message == "the formula is 20002 characters long, more than the limit of 8192")
        #expect(d.location == at)
        #expect(d.hint?.contains("split it") == true)
    }

    @Test func nestingBeyondTheDepthLimitIsLocated() throws {
        let limit = Limits.standard.maxFormulaDepth
        // Parentheses: the error points at the first one past the limit.
        let parens = try #require(parseError("=" + String(repeating: "(", count: 3_000) + "1" + String(repeating: ")", count: 3_000)))
        #expect(parens.message == "the formula nests more than \(limit) levels deep")
        #expect(parens.location == SourceLocation(file: "r.yaml", line: 4, column: 14 + 1 + limit))
        #expect(parens.category == .spec)
        // Function calls, signs and percent signs.
        let calls = String(repeating: "ABS(", count: 1_500) + "1" + String(repeating: ")", count: 1_500)
        #expect(parseError("=" + calls)?.message == "the formula nests more than \(limit) levels deep")
        #expect(parseError("=" + String(repeating: "-", count: 5_000) + "1")?.message == "the formula nests more than \(limit) levels deep")
        #expect(parseError("=1" + String(repeating: "%", count: 5_000))?.message == "the formula nests more than \(limit) levels deep")
        // A long chain of operators builds a deep (left-leaning) tree too.
        #expect(parseError("=1" + String(repeating: "+1", count: 4_000))?.message == "the formula nests more than \(limit) levels deep")
        #expect(parseError("=1" + String(repeating: "^1", count: 4_000))?.message == "the formula nests more than \(limit) levels deep")
    }

    @Test func formulasWithinTheLimitsStillWork() {
        let depth = 90
        #expect(T.kpi("=" + String(repeating: "(", count: depth) + "2" + String(repeating: ")", count: depth)) == .number(2))
        #expect(T.kpi("=1" + String(repeating: "+1", count: 90)) == .number(91))
        // Wide is not deep: a call with 255 arguments (Excel's most), and one with more is a clear error.
        #expect(T.kpi("=SUM(" + Array(repeating: "1", count: 255).joined(separator: ",") + ")") == .number(255))
        #expect(T.kpi("=SUM(" + Array(repeating: "1", count: 2_000).joined(separator: ",") + ")") == .text("compile error: SUM takes 1 to 255 arguments, got 2000"))
        #expect(T.kpi("=" + String(repeating: "-", count: 80) + "3") == .number(3))
    }

    @Test func pathologicalWildcardsMatchInBoundedTime() {
        // A backtracking matcher would need about 1,000^8 steps here; the iterative one stays linear-ish.
        let long = String(repeating: "a", count: 1_000)
        let table = T.table(T.texts("name", Array(repeating: long, count: 2_000) + [long + "b"]))
        #expect(T.kpi("=COUNTIF(name,\"*a*a*a*a*a*a*a*a*b\")", table) == .number(1))
        #expect(T.kpi("=COUNTIF(name,\"" + String(repeating: "*", count: 500) + "c\")", table) == .number(0))
        #expect(T.kpi("=COUNTIF(name,\"" + String(repeating: "?", count: 1_000) + "\")", table) == .number(2_000))
        #expect(T.kpi("=COUNTIF(name,\"~*\")", table) == .number(0))
    }

    @Test func notANumberAndInfinitiesInTheData() {
        let table = T.table(T.numbers("x", [1, .nan, .infinity, -.infinity, nil]))
        // Documented: non-finite numbers are not Excel values; arithmetic on them gives #NUM!.
        #expect(T.kpi("=COUNT(x)", table) == .number(4))
        #expect(T.kpi("=SUM(x)", table) == .error(.num))
        #expect(T.kpi("=MAX(x)", table) == .error(.num))
    }

    @Test func datesAtTheEdgesOfTheCalendar() {
        // Excel: years 0–1899 are added to 1900; 9999-12-31 is the last date; beyond it #NUM!.
        #expect(T.kpi("=DATE(9999,12,31)-DATE(2000,1,1)") == .number(2_921_939))
        #expect(T.kpi("=DATE(10000,1,1)") == .error(.num))
        #expect(T.kpi("=YEAR(DATE(9999,12,31))") == .number(9999))
        #expect(T.kpi("=YEAR(DATE(0,1,1))") == .number(1900))
        #expect(T.kpi("=DATE(-1,1,1)") == .error(.num))
        let table = T.table(T.dates("d", ["0001-01-01", "9999-12-31"]))
        #expect(T.kpi("=MAX(d)-MIN(d)", table) == .number(3_652_058))
    }
}
