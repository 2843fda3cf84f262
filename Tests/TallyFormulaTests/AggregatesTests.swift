import Testing
import TallyCore
import TallyData
@testable import TallyFormula

@Suite struct AggregatesTests {
    // Excel's STDEV.S documentation sample (breaking strength of 10 tools).
    static let strength = T.table(T.numbers("x", [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299]))

    @Test func spreadMatchesExcelDocumentation() {
        #expect(T.close(T.kpi("=STDEV.S(x)", Self.strength), 27.46391572, tolerance: 1e-9))
        #expect(T.close(T.kpi("=STDEV.P(x)", Self.strength), 26.05455814, tolerance: 1e-9))
        #expect(T.close(T.kpi("=VAR.S(x)", Self.strength), 754.2666667, tolerance: 1e-9))
        #expect(T.close(T.kpi("=VAR.P(x)", Self.strength), 678.84, tolerance: 1e-12))
        #expect(T.close(T.kpi("=STDEV(x)", Self.strength), 27.46391572, tolerance: 1e-9))  // legacy alias
    }

    @Test func blanksAreIgnoredAndCountedByCountBlank() {
        let t = T.table(T.numbers("x", [1, nil, 3, nil, 5]))
        #expect(T.kpi("=AVERAGE(x)", t) == .number(3))
        #expect(T.kpi("=SUM(x)", t) == .number(9))
        #expect(T.kpi("=COUNT(x)", t) == .number(3))
        #expect(T.kpi("=COUNTA(x)", t) == .number(3))
        #expect(T.kpi("=COUNTBLANK(x)", t) == .number(2))
        #expect(T.kpi("=MIN(x)", t) == .number(1))
        #expect(T.kpi("=MAX(x)", t) == .number(5))
        #expect(T.kpi("=MEDIAN(x)", t) == .number(3))
    }

    @Test func emptyTextFromIfCountsAsBlankForCountBlank() {
        let t = T.table(T.numbers("x", [1, 2, nil]))
        #expect(T.kpi("=COUNTBLANK(IF(x>1,x,\"\"))", t) == .number(2))
        #expect(T.kpi("=COUNTA(IF(x>1,x,\"\"))", t) == .number(3))
        #expect(T.kpi("=COUNT(IF(x>1,x,\"\"))", t) == .number(1))
        #expect(T.kpi("=SUM(IF(x>1,x,\"\"))", t) == .number(2))
        #expect(T.rows("=IF(x>1,x,\"\")+1", t) == [.error(.value), .number(3), .error(.value)])
    }

    @Test func emptyRangesFollowExcel() {
        let t = T.table(T.numbers("x", [nil, nil]))
        #expect(T.kpi("=AVERAGE(x)", t) == .error(.divisionByZero))
        #expect(T.kpi("=SUM(x)", t) == .number(0))
        #expect(T.kpi("=COUNT(x)", t) == .number(0))
        #expect(T.kpi("=MIN(x)", t) == .number(0))
        #expect(T.kpi("=MAX(x)", t) == .number(0))
        #expect(T.kpi("=MEDIAN(x)", t) == .error(.num))
        #expect(T.kpi("=STDEV.S(x)", t) == .error(.divisionByZero))
        #expect(T.kpi("=VAR.P(x)", t) == .error(.divisionByZero))
        #expect(T.kpi("=PERCENTILE.INC(x,0.5)", t) == .error(.num))
        #expect(T.kpi("=MODE.SNGL(x)", t) == .error(.notAvailable))
        let one = T.table(T.numbers("x", [4]))
        #expect(T.kpi("=STDEV.S(x)", one) == .error(.divisionByZero))
        #expect(T.kpi("=STDEV.P(x)", one) == .number(0))
    }

    @Test func orderStatisticsMatchExcelDocumentation() {
        #expect(T.kpi("=MEDIAN(x)", T.table(T.numbers("x", [1, 2, 3, 4, 5, 6]))) == .number(3.5))
        #expect(T.kpi("=MEDIAN(x)", T.table(T.numbers("x", [5, 1, 3, 2, 4]))) == .number(3))
        #expect(T.close(T.kpi("=PERCENTILE.INC(x,0.3)", T.table(T.numbers("x", [1, 3, 2, 4]))), 1.9))
        let exc = T.table(T.numbers("x", [1, 2, 3, 6, 6, 6, 7, 8, 9]))
        #expect(T.close(T.kpi("=PERCENTILE.EXC(x,0.25)", exc), 2.5))
        #expect(T.kpi("=PERCENTILE.EXC(x,0)", exc) == .error(.num))
        #expect(T.kpi("=PERCENTILE.EXC(x,0.01)", exc) == .error(.num))
        #expect(T.kpi("=PERCENTILE.EXC(x,2)", exc) == .error(.num))
        #expect(T.kpi("=PERCENTILE.INC(x,1.5)", exc) == .error(.num))
        #expect(T.kpi("=PERCENTILE.INC(x,-0.1)", exc) == .error(.num))
        #expect(T.kpi("=PERCENTILE.INC(x,0)", exc) == .number(1))
        #expect(T.kpi("=PERCENTILE.INC(x,1)", exc) == .number(9))
        let q = T.table(T.numbers("x", [1, 2, 4, 7, 8, 9, 10, 12]))
        #expect(T.close(T.kpi("=QUARTILE.INC(x,1)", q), 3.5))
        #expect(T.kpi("=QUARTILE.INC(x,4)", q) == .number(12))
        #expect(T.kpi("=QUARTILE.INC(x,1.9)", q) == T.kpi("=QUARTILE.INC(x,1)", q))  // quart is truncated
        #expect(T.kpi("=QUARTILE.INC(x,5)", q) == .error(.num))
        #expect(T.kpi("=MODE.SNGL(x)", T.table(T.numbers("x", [5.6, 4, 4, 3, 2, 4]))) == .number(4))
        // Ties go to the value that appears first.
        #expect(T.kpi("=MODE.SNGL(x)", T.table(T.numbers("x", [2, 1, 1, 2, 3]))) == .number(2))
        #expect(T.kpi("=MODE.SNGL(x)", T.table(T.numbers("x", [1, 2, 3]))) == .error(.notAvailable))
    }

    @Test func errorsPropagateThroughAggregates() {
        let t = T.table(T.numbers("x", [1, 0, 3]), T.numbers("y", [2, 0, 1]))
        #expect(T.kpi("=SUM(x/y)", t) == .error(.divisionByZero))
        #expect(T.kpi("=AVERAGE(x/y)", t) == .error(.divisionByZero))
        #expect(T.kpi("=MEDIAN(x/y)", t) == .error(.divisionByZero))
        #expect(T.kpi("=COUNT(x/y)", t) == .number(2))     // COUNT skips errors
        #expect(T.kpi("=COUNTA(x/y)", t) == .number(3))    // COUNTA counts them
        #expect(T.kpi("=AVERAGE(IFERROR(x/y,\"\"))", t) == .number(1.75))  // text from IFERROR is skipped
        #expect(T.kpi("=SUM(x)/SUM(y)*0", t) == .number(0))
        #expect(T.kpi("=SUM(x)/0", t) == .error(.divisionByZero))
    }

    @Test func textInNumericRangesIsACompileErrorOrSkipped() {
        let t = T.table(T.texts("team", ["a", "b"]), T.numbers("x", [1, 2]))
        let d = T.errors("=AVERAGE(team)", t)
        #expect(d.count == 1)
        #expect(d.first?.message == "AVERAGE needs numbers, but column `team` is text")
        #expect(d.first?.location?.column == 10)
        // Text produced per row inside a range is skipped, as in an Excel range.
        #expect(T.kpi("=SUM(IF(x>1,x,\"n/a\"))", t) == .number(2))
        #expect(T.kpi("=COUNTA(team)", t) == .number(2))
        // Direct text arguments convert when numeric, else #VALUE! (Excel: =SUM("3",1) is 4).
        #expect(T.kpi("=SUM(\"3\",1)") == .number(4))
        #expect(T.kpi("=SUM(TRUE,1)") == .number(2))
    }

    @Test func booleanColumnsCountAsOneAndZero() {
        let t = T.table(T.booleans("fcr", [true, false, true, nil, true]))
        #expect(T.kpi("=AVERAGE(fcr)", t) == .number(0.75))
        #expect(T.kpi("=SUM(fcr)", t) == .number(3))
        #expect(T.kpi("=COUNT(fcr)", t) == .number(4))
        #expect(T.kpi("=COUNTIF(fcr,TRUE)/COUNT(fcr)", t) == .number(0.75))
        // An IF without else yields FALSE, which aggregates skip (Excel's array behaviour).
        let u = T.table(T.texts("team", ["a", "b", "a"]), T.numbers("x", [1, 10, 3]))
        #expect(T.kpi("=AVERAGE(IF(team=\"a\",x))", u) == .number(2))
        #expect(T.kpi("=MAX(IF(team=\"a\",x))", u) == .number(3))
    }

    @Test func datesStayDatesThroughMinMaxMedian() {
        let t = T.table(T.dates("d", ["2026-01-05", "2026-01-01", nil, "2026-01-03"]))
        #expect(T.kpi("=MIN(d)", t) == .date(ExcelDate.serial(CivilDate(year: 2026, month: 1, day: 1))))
        #expect(T.kpi("=MAX(d)", t).description == "2026-01-05")
        #expect(T.kpi("=MEDIAN(d)", t).description == "2026-01-03")
        #expect(T.kpi("=MAX(d)-MIN(d)", t) == .number(4))
    }

    @Test func durationsAreFractionsOfADay() {
        let t = T.table(T.numbers("handle", [1800, 3600, nil], type: .duration))
        #expect(T.kpi("=AVERAGE(handle)*24*60", t) == .number(45))
        #expect(T.kpi("=SUM(handle)", t) == .number(0.0625))
    }

    @Test func sumProductMultipliesThenSums() {
        let t = T.table(T.numbers("a", [3, 8, 1]), T.numbers("b", [2, 6, 5]), T.texts("team", ["x", "y", "x"]))
        #expect(T.kpi("=SUMPRODUCT(a,b)", t) == .number(59))
        #expect(T.kpi("=SUMPRODUCT(a)", t) == .number(12))
        #expect(T.kpi("=SUMPRODUCT((team=\"x\")*a)", t) == .number(4))
        #expect(T.kpi("=SUMPRODUCT(--(team=\"x\"),b)", t) == .number(7))
        #expect(T.kpi("=SUMPRODUCT(a/(b-6))", t) == .error(.divisionByZero))
    }

    @Test func multipleArgumentsAndConstants() {
        let t = T.table(T.numbers("a", [1, 2]), T.numbers("b", [10, nil]))
        #expect(T.kpi("=SUM(a,b,100)", t) == .number(113))
        #expect(T.kpi("=AVERAGE(a,b)", t) == .number(13.0 / 3))
        #expect(T.kpi("=MAX(1,5,3)") == .number(5))
        #expect(T.kpi("=COUNT(1,\"x\",TRUE)") == .number(2))
        #expect(T.kpi("=MEDIAN(a,b,7)", t) == .number(4.5))
    }

    @Test func groupedEvaluationMatchesPerGroupMasks() throws {
        // Deterministic pseudo-random data; one grouped pass must equal evaluating each group on its own.
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 33) / Double(1 << 31)
        }
        let n = 2000
        let x = (0..<n).map { _ -> Double? in let r = next(); return r < 0.1 ? nil : (r * 100).rounded() / 10 }
        let flag = (0..<n).map { _ in next() < 0.6 }
        let ids = (0..<n).map { _ -> Int32 in Int32(next() * 7) - 1 }  // −1 … 5: 6 groups plus excluded rows
        let t = T.table(T.numbers("x", x), T.booleans("flag", flag))
        let formulas = ["=AVERAGE(x)", "=MEDIAN(x)", "=PERCENTILE.INC(x,0.9)", "=STDEV.S(x)", "=COUNTIFS(x,\">5\",flag,TRUE)",
                        "=SUMIF(flag,TRUE,x)/COUNT(x)", "=MODE.SNGL(x)", "=QUARTILE.INC(x,3)-MIN(x)", "=COUNTBLANK(x)"]
        let compiler = FormulaCompiler(schema: T.schema(t))
        for formula in formulas {
            let program = try compiler.compileAggregate(FormulaSource(formula)).get()
            let grouped = program.evaluate(table: t, groupIds: ids, groupCount: 6)
            for g in 0..<6 {
                let alone = program.evaluate(table: t, mask: ids.map { $0 == Int32(g) })
                #expect(grouped[g] == alone, "\(formula) group \(g)")
            }
        }
        // And an independent check of the median via sorting.
        let program = try compiler.compileAggregate(FormulaSource("=MEDIAN(x)")).get()
        let grouped = program.evaluate(table: t, groupIds: ids, groupCount: 6)
        for g in 0..<6 {
            let values = (0..<n).filter { ids[$0] == Int32(g) }.compactMap { x[$0] }.sorted()
            let m = values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
            #expect(T.close(grouped[g], m))
        }
    }

    @Test func rowSubsetsAndEmptyGroups() throws {
        let t = T.table(T.numbers("x", [1, 2, 3, 4]))
        let program = try FormulaCompiler(schema: T.schema(t)).compileAggregate(FormulaSource("=AVERAGE(x)")).get()
        #expect(program.evaluate(table: t, rows: [1, 3]) == .number(3))
        #expect(program.evaluate(table: t, groupIds: [0, 0, 2, 2], groupCount: 3) == [.number(1.5), .error(.divisionByZero), .number(3.5)])
        // Short or out-of-range group ids exclude rows instead of trapping.
        #expect(program.evaluate(table: t, groupIds: [0, 7], groupCount: 1) == [.number(1)])
    }
}
