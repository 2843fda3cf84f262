import Testing
import TallyCore
import TallyData
@testable import TallyFormula

/// Nested IFs whose inner IF yields "" or its omitted FALSE, row by row and through aggregates, against values worked
/// out by hand from Excel's rules: IF returns the chosen branch's value unchanged (a blank cell as 0, "" as empty
/// text, an IF without else as FALSE); over a column of such results SUM, AVERAGE and COUNT skip "" and FALSE, COUNTA
/// counts both, COUNTBLANK counts "" but not FALSE. Each formula runs once with a logical condition (numeric IF
/// kernel) and once with the same truth values as "TRUE"/"FALSE" text (general path): both must give these values.
@Suite struct NestedIfTests {
    /// Seven rows with blanks in every column; `pos` is the text "TRUE"/"FALSE" of `a>0`, `ct` the text of `c`.
    static let table = T.table(
        T.numbers("a", [1, -1, nil, 2, 3, 4, -2]),
        T.numbers("b", [1, 1, 1, -1, nil, 2, nil]),
        T.numbers("x", [10, 20, 30, 40, 50, 60, 70]),
        T.numbers("y", [5, 6, 7, 8, 9, nil, nil]),
        T.booleans("c", [true, false, true, true, false, nil, true]),
        T.booleans("d", [true, true, false, nil, false, true, false]),
        T.texts("pos", ["TRUE", "FALSE", "FALSE", "TRUE", "TRUE", "TRUE", "FALSE"]),
        T.texts("ct", ["TRUE", "FALSE", "TRUE", "TRUE", "FALSE", nil, "TRUE"]),
        T.dates("e", ["2026-01-01", nil, "2026-01-03", nil, "2026-01-05", "2026-01-06", "2026-01-07"]))

    /// Row values of `formula` and the values of SUM, COUNT, COUNTA, COUNTBLANK and AVERAGE over it.
    static func check(_ formula: String, rows expected: [FormulaValue], aggregates: [String: FormulaValue],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(T.rows("=" + formula, table) == expected, "\(formula)", sourceLocation: sourceLocation)
        for (name, value) in aggregates {
            #expect(T.kpi("=\(name)(\(formula))", table) == value, "\(name)(\(formula))", sourceLocation: sourceLocation)
        }
    }

    @Test func emptyTextFromInnerIfStaysText() {
        // a>0? (b>0? x : "") : y — row 2 has a blank a (blank>0 is FALSE), row 4 a blank b, row 6 a blank y (→ 0).
        let rows: [FormulaValue] = [.number(10), .number(6), .number(7), .text(""), .text(""), .number(60), .number(0)]
        let aggregates: [String: FormulaValue] = ["SUM": .number(83), "COUNT": .number(5), "COUNTA": .number(7),
                                                  "COUNTBLANK": .number(2), "AVERAGE": .number(16.6)]
        for formula in ["IF(a>0, IF(b>0, x, \"\"), y)", "IF(pos, IF(b>0, x, \"\"), y)"] {
            Self.check(formula, rows: rows, aggregates: aggregates)
        }
    }

    @Test func blankGuardNestedInIf() {
        // c? (ISBLANK(a)? "" : (a-b)*24) : y — a blank b counts as 0, a blank c takes the else branch (blank y → 0).
        let rows: [FormulaValue] = [.number(0), .number(6), .text(""), .number(72), .number(9), .number(0), .number(-48)]
        let aggregates: [String: FormulaValue] = ["SUM": .number(39), "COUNT": .number(6), "COUNTA": .number(7),
                                                  "COUNTBLANK": .number(1), "AVERAGE": .number(6.5)]
        for formula in ["IF(c, IF(ISBLANK(a),\"\",(a-b)*24), y)", "IF(ct, IF(ISBLANK(a),\"\",(a-b)*24), y)"] {
            Self.check(formula, rows: rows, aggregates: aggregates)
        }
    }

    @Test func omittedFalseFromInnerIfStaysFalse() {
        // c? (d? 1 : FALSE) : 2 — rows 2, 3 (blank d) and 6 give the inner IF's FALSE, which is not a 0.
        let rows: [FormulaValue] = [.number(1), .number(2), .boolean(false), .boolean(false), .number(2), .number(2),
                                    .boolean(false)]
        let aggregates: [String: FormulaValue] = ["SUM": .number(7), "COUNT": .number(4), "COUNTA": .number(7),
                                                  "COUNTBLANK": .number(0), "AVERAGE": .number(1.75)]
        for formula in ["IF(c, IF(d, 1), 2)", "IF(ct, IF(d, 1), 2)"] {
            Self.check(formula, rows: rows, aggregates: aggregates)
        }
        // Three levels: the FALSE passes through both outer IFs.
        let three: [FormulaValue] = [.number(1), .number(2), .number(3), .boolean(false), .number(2), .number(2), .number(3)]
        let threeAggregates: [String: FormulaValue] = ["SUM": .number(13), "COUNT": .number(6), "COUNTA": .number(7),
                                                       "COUNTBLANK": .number(0), "AVERAGE": .number(13.0 / 6)]
        Self.check("IF(ct, IF(pos, IF(d, 1), 3), 2)", rows: three, aggregates: threeAggregates)
    }

    @Test func omittedFalseIsALogicalNotTextOrZero() {
        // A text-typed IF around it returns the logical FALSE, not the text "FALSE".
        let logical: [FormulaValue] = [.boolean(false), .boolean(false), .boolean(true), .boolean(true), .boolean(false),
                                       .boolean(false), .boolean(true)]
        let notLogical: [FormulaValue] = [.boolean(true), .boolean(true), .boolean(false), .boolean(false), .boolean(true),
                                          .boolean(true), .boolean(false)]
        #expect(T.rows("=ISLOGICAL(IF(c, IF(d, \"p\"), \"q\"))", Self.table) == logical)
        #expect(T.rows("=ISTEXT(IF(c, IF(d, \"p\"), \"q\"))", Self.table) == notLogical)
        #expect(T.rows("=ISNUMBER(IF(ct, IF(d, 1), 2))", Self.table) == notLogical)
        // In a logical-typed IF it stays the FALSE of an IF without else. Tally counts logical-typed values as 1/0 in
        // COUNT and SUM (its documented rule, not Excel's), but skips that FALSE as it does `IF(d, TRUE)`'s own:
        // TRUE and the three real FALSEs (rows 1, 4, 5) count, rows 2, 3 and 6 do not.
        #expect(T.kpi("=COUNT(IF(c, IF(d, TRUE), FALSE))", Self.table) == .number(4))
        #expect(T.kpi("=COUNT(IF(ct, IF(d, TRUE), FALSE))", Self.table) == .number(4))
        #expect(T.kpi("=COUNTA(IF(c, IF(d, TRUE), FALSE))", Self.table) == .number(7))
        #expect(T.kpi("=COUNTBLANK(IF(c, IF(d, TRUE), FALSE))", Self.table) == .number(0))
    }

    @Test func datesSurviveABlankGuard() {
        // IF(ISBLANK(e), "", e) over a date column returns dates (and ""), whichever path runs.
        let serial: (Int) -> FormulaValue = { .date(ExcelDate.serial(CivilDate(year: 2026, month: 1, day: $0))) }
        #expect(T.rows("=IF(ISBLANK(e), \"\", e)", Self.table)
                == [serial(1), .text(""), serial(3), .text(""), serial(5), serial(6), serial(7)])
        let chosen: [FormulaValue] = [serial(1), .text(""), serial(3), .text(""), .text(""), .text(""), serial(7)]
        #expect(T.rows("=IF(c, IF(ISBLANK(e), \"\", e), \"\")", Self.table) == chosen)
        #expect(T.rows("=IF(ct, IF(ISBLANK(e), \"\", e), \"\")", Self.table) == chosen)
        #expect(T.rows("=IF(ct, e, \"\")", Self.table) == T.rows("=IF(c, e, \"\")", Self.table))
    }

    @Test func ifsIferrorAndIfnaPassTheChosenValueThrough() {
        // The same rows as `omittedFalseFromInnerIfStaysFalse`, through IFS, IFERROR and IFNA: the inner IF's FALSE
        // stays that FALSE (skipped by SUM, COUNT and AVERAGE), not a 0 or #VALUE!.
        let rows: [FormulaValue] = [.number(1), .number(2), .boolean(false), .boolean(false), .number(2), .number(2),
                                    .boolean(false)]
        let aggregates: [String: FormulaValue] = ["SUM": .number(7), "COUNT": .number(4), "COUNTA": .number(7),
                                                  "COUNTBLANK": .number(0), "AVERAGE": .number(1.75)]
        for formula in ["IFS(c, IF(d, 1), TRUE, 2)", "IFS(ct, IF(d, 1), TRUE, 2)", "IFERROR(IF(c, IF(d, 1), 2), 0)",
                        "IFNA(IF(ct, IF(d, 1), 2), 0)", "IFERROR(IFS(c, IF(d, 1), TRUE, 2), -1)"] {
            Self.check(formula, rows: rows, aggregates: aggregates)
        }
    }

    @Test func iferrorKeepsEmptyTextAndCatchesErrors() {
        // b>0? x/(a-1) : "" — row 1 divides by zero (caught as -1), rows 4, 5 and 7 give "".
        let rows: [FormulaValue] = [.number(-1), .number(-10), .number(-30), .text(""), .text(""), .number(20), .text("")]
        let aggregates: [String: FormulaValue] = ["SUM": .number(-21), "COUNT": .number(4), "COUNTA": .number(7),
                                                  "COUNTBLANK": .number(3), "AVERAGE": .number(-5.25)]
        Self.check("IFERROR(IF(b>0, x/(a-1), \"\"), -1)", rows: rows, aggregates: aggregates)
        // The fallback's "" is kept too; IFNA lets #DIV/0! through; IFS with no TRUE condition is #N/A.
        #expect(T.rows("=IFERROR(x/(a-1), \"\")", Self.table)
                == [.text(""), .number(-10), .number(-30), .number(40), .number(25), .number(20), .number(-70.0 / 3)])
        #expect(T.rows("=IFNA(x/(a-1), 0)", Self.table)[0] == .error(.divisionByZero))
        #expect(T.rows("=IFS(a>2, 1, a<0, 2)", Self.table)
                == [.error(.notAvailable), .number(2), .error(.notAvailable), .error(.notAvailable), .number(1), .number(1),
                    .number(2)])
        #expect(T.rows("=IFS(pos, y)", Self.table)
                == [.number(5), .error(.notAvailable), .error(.notAvailable), .number(8), .number(9), .number(0),
                    .error(.notAvailable)])
    }
}
