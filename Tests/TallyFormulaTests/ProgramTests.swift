import Testing
import TallyCore
import TallyData
@testable import TallyFormula

@Suite struct ProgramTests {
    @Test func rowProgramsProduceTypedColumns() throws {
        let t = T.table(T.integers("nps", [10, 3, nil]), T.numbers("x", [1, 0, 2]))
        let compiler = FormulaCompiler(schema: T.schema(t))
        let segment = try compiler.compileRow(FormulaSource("=IF(nps>=9,\"promoter\",IF(nps>=7,\"passive\",\"detractor\"))")).get()
        let column = segment.evaluate(table: t, name: "segment").column
        #expect(column.type == .text)
        #expect((0..<3).map { column.text(at: $0) } == ["promoter", "detractor", "detractor"])

        let ratio = try compiler.compileRow(FormulaSource("=1/x")).get().evaluate(table: t, name: "inv")
        #expect(ratio.column.type == .decimal)
        #expect(ratio.errors == [1: .divisionByZero])
        #expect(ratio.column.validity[1] == false)
        #expect(ratio.column.double(at: 2) == 0.5)

        let flag = try compiler.compileRow(FormulaSource("=nps>=9")).get().evaluate(table: t, name: "promoter")
        #expect(flag.column.type == .boolean)
        #expect(flag.column.text(at: 0) == "TRUE")

        let blank = try compiler.compileRow(FormulaSource("=IF(x>0,x,\"\")")).get().evaluate(table: t, name: "y")
        #expect(blank.column.type == .text)   // mixed number/text → text, as shown in a table
    }

    @Test func rowProgramsMakeDateColumns() throws {
        let t = T.table(T.dates("d", ["2026-01-30", nil]))
        let compiler = FormulaCompiler(schema: T.schema(t))
        let eom = try compiler.compileRow(FormulaSource("=EOMONTH(d,1)")).get().evaluate(table: t, name: "due")
        #expect(eom.column.type == .date)
        #expect(eom.column.text(at: 0) == "2026-02-28")
        let noon = try compiler.compileRow(FormulaSource("=d+0.5")).get().evaluate(table: t, name: "noon")
        #expect(noon.column.type == .datetime)
        #expect(noon.column.text(at: 0) == "2026-01-30T12:00:00Z")
    }

    @Test func rowFormulasCombineArgumentsPerRow() {
        let t = T.table(T.numbers("a", [1, 5]), T.numbers("b", [4, 2]))
        #expect(T.rows("=MAX(a,b)", t) == [.number(4), .number(5)])
        #expect(T.rows("=SUM(a,b,1)", t) == [.number(6), .number(8)])
        #expect(T.rows("=AVERAGE(a,b)", t) == [.number(2.5), .number(3.5)])
        #expect(T.rows("=COUNTIF(a,\">2\")", t) == [.number(0), .number(1)])
    }

    @Test func kpiSetsResolveDependenciesPerGroup() throws {
        let t = T.table(T.booleans("fcr", [true, false, true, true]), T.integers("csat", [5, 3, 4, 2]))
        let formulas: [(name: String, source: FormulaSource)] = [
            ("gap", FormulaSource("=fcr_rate - target")),
            ("fcr_rate", FormulaSource("=AVERAGE(fcr)")),
            ("csat", FormulaSource("=COUNTIF(csat,\">=4\")/COUNT(csat)")),
            ("combo", FormulaSource("=ROUND(gap*100,1)&\" / \"&TEXT(csat,\"0%\")")),
        ]
        let set = try KPISet.compile(formulas, schema: T.schema(t, parameters: ["target": .number(0.6)])).get()
        #expect(set.order.firstIndex(of: "fcr_rate")! < set.order.firstIndex(of: "gap")!)
        let values = set.evaluate(table: t, groupIds: [0, 0, 1, 1], groupCount: 2)
        #expect(values["fcr_rate"] == [.number(0.5), .number(1)])
        #expect(T.close(values["gap"]![0], -0.1) && T.close(values["gap"]![1], 0.4))
        #expect(values["combo"] == [.text("-10 / 50%"), .text("40 / 50%")])
    }

    @Test func kpiCyclesAreErrors() {
        let formulas: [(name: String, source: FormulaSource)] = [
            ("a", FormulaSource("=b+1", at: SourceLocation(file: "r.yaml", line: 3, column: 10))),
            ("b", FormulaSource("=a*2", at: SourceLocation(file: "r.yaml", line: 4, column: 10))),
            ("c", FormulaSource("=c+1", at: SourceLocation(file: "r.yaml", line: 5, column: 10))),
        ]
        guard case .failure(let e) = KPISet.compile(formulas, schema: FormulaSchema(columns: [])) else {
            Issue.record("expected failure"); return
        }
        #expect(e.diagnostics.contains { $0.message == "KPIs refer to each other in a circle: a → b → a" })
        #expect(e.diagnostics.contains { $0.message == "unknown name `c`" && $0.location?.line == 5 })
    }
}

@Suite struct KPILevelTests {
    static let t = T.table(T.integers("csat", [5, 2, 4, 4]), T.booleans("fcr", [true, false, true, false]))

    @Test func functionsOfKPIsWorkPerGroup() throws {
        let schema = T.schema(Self.t, parameters: ["target": .number(0.5)], kpis: ["a": .number, "b": .number])
        let compiler = FormulaCompiler(schema: schema)
        let kpis: [String: [FormulaValue]] = ["a": [.number(1), .number(5)], "b": [.number(3), .error(.divisionByZero)]]
        func run(_ formula: String) throws -> [FormulaValue] {
            try compiler.compileAggregate(FormulaSource(formula)).get()
                .evaluate(table: Self.t, groupIds: [0, 0, 1, 1], groupCount: 2, kpiValues: kpis)
        }
        #expect(try run("=MAX(a,b)") == [.number(3), .error(.divisionByZero)])
        #expect(try run("=IFERROR(MAX(a,b),a)") == [.number(3), .number(5)])
        #expect(try run("=IF(AVERAGE(fcr)>=target,\"met\",\"missed\")") == [.text("met"), .text("met")])
        #expect(try run("=AVERAGE(csat)-a") == [.number(2.5), .number(-1)])
        #expect(try run("=ROUND(AVERAGE(csat)/b,2)") == [.number(1.17), .error(.divisionByZero)])
    }

    @Test func valuesRoundTripThroughJSON() throws {
        let values: [FormulaValue] = [.number(1.5), .text("a"), .boolean(true), .date(46000), .blank, .error(.notAvailable)]
        let data = try JSONEncoderShim.roundTrip(values)
        #expect(data == values)
    }

    @Test func functionReferenceListsEveryRequiredFunction() {
        let required = ["SUM", "AVERAGE", "MEDIAN", "MIN", "MAX", "COUNT", "COUNTA", "COUNTBLANK", "COUNTIF", "COUNTIFS",
                        "SUMIF", "SUMIFS", "AVERAGEIF", "AVERAGEIFS", "MAXIFS", "MINIFS", "SUMPRODUCT", "STDEV.S", "STDEV.P",
                        "VAR.S", "VAR.P", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE.INC", "MODE.SNGL", "ROUND",
                        "ROUNDUP", "ROUNDDOWN", "ABS", "SQRT", "LN", "EXP", "IF", "IFS", "IFERROR", "IFNA", "AND", "OR",
                        "NOT", "ISBLANK", "YEAR", "MONTH", "DAY", "WEEKDAY", "ISOWEEKNUM", "EOMONTH", "DATE",
                        "NETWORKDAYS", "TODAY", "TEXT", "LEFT", "RIGHT", "MID", "LEN", "LOWER", "UPPER", "TRIM", "CONCAT",
                        "FIND", "SEARCH"]
        let names = Set(FunctionLibrary.reference.map(\.name))
        for name in required { #expect(names.contains(name), "\(name)") }
    }
}
