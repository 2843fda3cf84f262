import Testing
import TallyCore
import TallyData
@testable import TallyFormula

@Suite struct CompilerTests {
    static let contacts = T.table(T.integers("csat", [5, 4]), T.categories("team", ["A", "B"]),
                                  T.numbers("Handle Time", [60, 120], type: .duration))

    @Test func typeErrorsPointIntoTheFormula() {
        let d = T.errors("=AVERAGE(team)", Self.contacts, at: SourceLocation(file: "spec.yaml", line: 9, column: 15))
        #expect(d.count == 1)
        #expect(d[0].location == SourceLocation(file: "spec.yaml", line: 9, column: 24))
        #expect(d[0].category == .spec)
        #expect(d[0].hint?.contains("COUNTA") == true)
        #expect(d[0].rendered().hasSuffix("^\n    hint: count text values with COUNTA(…) or COUNTIF(…, \"value\")"))
    }

    @Test func everyProblemIsReportedAtOnce() {
        let d = T.errors("=AVERAGE(team)+SUM(csta)+FOO(1)", Self.contacts)
        #expect(d.map(\.message) == ["AVERAGE needs numbers, but column `team` is text", "unknown name `csta`",
                                     "unknown function `FOO`"])
        #expect(d[1].hint == "did you mean `csat`?")
        #expect(d.map { $0.location?.column ?? 0 } == [10, 20, 26])
    }

    @Test func columnsOutsideAggregatesInKPIs() {
        let d = T.errors("=csat*2", Self.contacts)
        #expect(d.first?.message == "column `csat` has one value per row; a KPI needs one value per group")
        #expect(d.first?.hint == "wrap it in an aggregate, e.g. AVERAGE(csat) or SUM(csat)")
        // The same formula is fine as a computed column.
        #expect(T.rows("=csat*2", Self.contacts) == [.number(10), .number(8)])
    }

    @Test func namesResolveLooselyAndBracketed() {
        #expect(T.kpi("=SUM([Handle Time])*86400", Self.contacts) == .number(180))
        #expect(T.kpi("=SUM(handle_time)*86400", Self.contacts) == .number(180))
        #expect(T.kpi("=sum(CSAT)", Self.contacts) == .number(9))
        #expect(T.errors("=SUM([Handle Tim])", Self.contacts).first?.hint == "did you mean `Handle Time`?")
        #expect(T.errors("=SUM", Self.contacts).first?.message == "`SUM` is a function; call it with parentheses")
    }

    @Test func arityErrors() {
        let d = T.errors("=ROUND(1,2,3)")
        #expect(d.first?.message == "ROUND takes 1 to 2 arguments, got 3")
        #expect(d.first?.location?.column == 12)
        #expect(T.errors("=IF(1)").first?.message == "IF takes 2 to 3 arguments, got 1")
        #expect(T.errors("=TODAY(1)").first?.message == "TODAY takes 0 arguments, got 1")
        #expect(T.errors("=AVERGE(csat)", Self.contacts).first?.hint == "did you mean `AVERAGE`?")
    }

    @Test func parametersAndKPIs() throws {
        let schema = FormulaSchema(table: Self.contacts, parameters: ["target": .number(0.8), "label": .text("x")],
                                   kpis: ["fcr": .number])
        let compiler = FormulaCompiler(schema: schema)
        let p = try compiler.compileAggregate(FormulaSource("=fcr - target")).get()
        #expect(p.kpiDependencies == ["fcr"])
        let values = p.evaluate(table: Self.contacts, groupIds: [0, 1], groupCount: 2,
                                kpiValues: ["fcr": [.number(0.9), .number(0.7)]])
        #expect(T.close(values[0], 0.1) && T.close(values[1], -0.1))
        // KPIs cannot be used per row.
        guard case .failure(let e) = compiler.compileAggregate(FormulaSource("=AVERAGE(csat - fcr)")) else {
            Issue.record("expected failure"); return
        }
        #expect(e.diagnostics.first?.message.hasPrefix("KPI `fcr` has one value per group") == true)
        // A missing KPI value evaluates to #NAME? rather than trapping.
        #expect(p.evaluate(table: Self.contacts) == .error(.name))
    }

    @Test func constantsFoldAtCompileTime() throws {
        let p = try FormulaCompiler(schema: T.schema(Self.contacts)).compileAggregate(FormulaSource("=ROUND(2/3,2)&\"%\"")).get()
        #expect(p.root.constant == .text("0.67%"))
        #expect(p.resultType == .text)
    }

    @Test func resultTypes() throws {
        let compiler = FormulaCompiler(schema: T.schema(T.table(T.dates("d", ["2026-01-01"]), T.integers("n", [1]))))
        #expect(try compiler.compileAggregate(FormulaSource("=MAX(d)")).get().resultType == .date)
        #expect(try compiler.compileAggregate(FormulaSource("=MAX(d)-MIN(d)")).get().resultType == .number)
        #expect(try compiler.compileRow(FormulaSource("=IF(n>0,\"a\",\"b\")")).get().resultType == .text)
        #expect(try compiler.compileRow(FormulaSource("=IF(n>0,\"a\",1)")).get().resultType == .any)
        #expect(try compiler.compileRow(FormulaSource("=n>0")).get().resultType == .boolean)
        #expect(try compiler.compileAggregate(FormulaSource("=MAX(d)")).get().columns == ["d"])
    }

    @Test func missingColumnsAtEvaluationGiveRef() throws {
        let p = try FormulaCompiler(schema: T.schema(Self.contacts)).compileAggregate(FormulaSource("=AVERAGE(csat)")).get()
        #expect(p.evaluate(table: T.table(T.integers("other", [1]))) == .error(.ref))
    }
}
