import Testing
import TallyCore
import TallyData
@testable import TallyFormula

/// Kernels that read integer, duration, date-time, date and decimal columns in place (NumberSource.swift,
/// TypedKernels.swift) and row expressions reduced block by block (RowChunks.swift) must give bit-identical results
/// to the whole-table converted-vector paths, on random data with blanks, errors, ±0, duplicates, sorted and
/// shuffled group ids, and with a column already converted by an earlier KPI.
@Suite struct TypedKernelsTests {
    typealias Random = FastPathTests.Random

    /// A table of every numeric storage kind plus a category, a logical and a text column, with gaps.
    static func table(_ n: Int, _ r: inout Random) -> Table {
        func valid(_ missing: Int) -> ValidityBitmap { ValidityBitmap((0..<n).map { _ in r.below(100) >= missing }) }
        let integers = (0..<n).map { _ in Int64(r.below(13)) - 3 }
        let seconds: [Double] = (0..<n).map { _ in
            switch r.below(10) {
            case 0: return -0.0
            case 1: return 0
            default: return (r.unit() * 200_000).rounded() - 20_000
            }
        }
        let instants = (0..<n).map { _ in 1_767_225_600 + Int64(r.below(40_000_000)) - 5_000_000 }
        let days = (0..<n).map { _ in Int32(20_000 + r.below(400)) }
        let decimals: [Double] = (0..<n).map { _ in r.below(8) == 0 ? -0.0 : (r.unit() * 40).rounded() / 4 - 3 }
        let levels = ["Alpha", "Beta", "Gamma", "Aurora", ""]
        return Table(name: "t", columns: [
            Column(name: "i", type: .integer, storage: .integers(integers), validity: valid(30)),
            Column(name: "d", type: .duration, storage: .numbers(seconds), validity: valid(10)),
            Column(name: "t", type: .datetime, storage: .datetimes(instants), validity: valid(5)),
            Column(name: "day", type: .date, storage: .dates(days), validity: valid(20)),
            Column(name: "f", type: .decimal, storage: .numbers(decimals), validity: valid(15)),
            Column(name: "full", type: .integer, storage: .integers(integers.reversed())),
            Column(name: "b", type: .boolean, storage: .booleans((0..<n).map { _ in r.below(2) == 0 }), validity: valid(10)),
            Column(name: "c", type: .category, storage: .categories(codes: (0..<n).map { _ in Int32(r.below(levels.count)) },
                                                                   levels: levels), validity: valid(10)),
        ], rowCount: n)
    }

    /// Every aggregate with a typed fast path, over column `x`.
    static func formulas(_ x: String) -> [String] {
        ["=SUM(\(x))", "=AVERAGE(\(x))", "=MIN(\(x))", "=MAX(\(x))", "=STDEV.S(\(x))", "=VAR.P(\(x))",
         "=MEDIAN(\(x))", "=PERCENTILE.INC(\(x),0.9)", "=QUARTILE.INC(\(x),1)",
         "=COUNT(\(x))", "=COUNTA(\(x))", "=COUNTBLANK(\(x))",
         "=COUNTIF(\(x),\">=3\")", "=COUNTIF(\(x),\"<>2\")", "=COUNTIF(\(x),0)", "=COUNTIF(\(x),\"\")",
         "=AVERAGEIFS(\(x),c,\"A*\")", "=SUMIFS(\(x),c,\"<>Beta\")", "=MAXIFS(\(x),c,\"Gamma\")", "=MINIFS(\(x),c,\"A*\")",
         "=SUMPRODUCT(\(x),i)", "=SUMPRODUCT(d,\(x))", "=SUMPRODUCT(\(x),\(x))/SUM(\(x))"]
    }

    /// A value with its number's exact bits (so +0 and −0 differ).
    static func bits(_ v: FormulaValue) -> String {
        switch v {
        case .number(let x): return "n\(x.bitPattern)"
        case .date(let x): return "d\(x.bitPattern)"
        default: return v.description
        }
    }

    /// Runs a program with in-place reading on or off.
    static func run(_ program: AggregateProgram, _ table: Table, ids: [Int32], groups: Int, inPlace: Bool) -> [String] {
        let context = EvaluationContext(table: table, groupIds: Grouping.normalised(ids, rows: table.rowCount, groups: groups),
                                        groupCount: groups, kpis: [:])
        context.streaming = inPlace
        return program.run(context).map(bits)
    }

    @Test func inPlaceKernelsMatchConvertedVectors() {
        var r = Random(state: 0x2468_ACE0_1357_9BDF)
        for trial in 0..<8 {
            let n = 600 + r.below(2500), groups = 1 + r.below(9)
            let table = Self.table(n, &r)
            let ids = FastPathTests.ids(n, groups: groups, sorted: trial % 2 == 0, &r)
            let compiler = FormulaCompiler(schema: T.schema(table))
            for x in ["i", "d", "t", "day", "f", "full", "b"] {
                for formula in Self.formulas(x) {
                    guard case .success(let program) = compiler.compileAggregate(FormulaSource(formula)) else {
                        // Only logicals may be refused (SUM needs numbers); every numeric column compiles everywhere.
                        #expect(x == "b", "\(formula) did not compile")
                        continue
                    }
                    let fast = Self.run(program, table, ids: ids, groups: groups, inPlace: true)
                    let general = Self.run(program, table, ids: ids, groups: groups, inPlace: false)
                    #expect(fast == general, "\(formula) trial \(trial)")
                }
            }
        }
    }

    @Test func rowBlocksMatchWholeVectors() {
        var r = Random(state: 0x0DDB_A11C_AFE5_7001)
        let expressions = ["IF(ISBLANK(t),\"\",(t-day)*24)", "i*2-f", "d/i", "IF(b,f,-f)", "IF(b,f,\"\")", "IF(b,f)",
                           "IF(c=\"Alpha\",\"x\",i)", "i+LEFT(c,1)", "i+LEN(c)", "1/(i-2)", "IF(i>3,f,d)", "-f", "f%", "IF(ISBLANK(f),-0,f*0)"]
        for trial in 0..<2 {
            // Several blocks and a partial last one.
            let n = RowChunks.rows * 2 + 1 + r.below(RowChunks.rows), groups = 1 + r.below(9)
            let table = Self.table(n, &r)
            let ids = FastPathTests.ids(n, groups: groups, sorted: trial % 2 == 0, &r)
            let compiler = FormulaCompiler(schema: T.schema(table))
            for expression in expressions {
                for function in ["SUM", "AVERAGE", "MIN", "MAX"] {
                    let formula = "=\(function)(\(expression))"
                    guard case .success(let program) = compiler.compileAggregate(FormulaSource(formula)) else {
                        Issue.record("\(formula) did not compile")
                        continue
                    }
                    let fast = Self.run(program, table, ids: ids, groups: groups, inPlace: true)
                    let general = Self.run(program, table, ids: ids, groups: groups, inPlace: false)
                    #expect(fast == general, "\(formula) trial \(trial)")
                }
            }
        }
    }

    @Test func kpiSetMatchesSeparatePrograms() {
        // Earlier KPIs convert some columns (row expressions), later ones read them from the cache or in place.
        var r = Random(state: 0x1357_9BDF_2468_ACE0)
        let n = 3000, groups = 7
        let table = Self.table(n, &r)
        let ids = FastPathTests.ids(n, groups: groups, sorted: true, &r)
        let formulas = [("a", "=AVERAGE(i*2)"), ("b", "=SUM(i)"), ("c", "=MEDIAN(d)"), ("d", "=PERCENTILE.INC(d,0.9)"),
                        ("e", "=AVERAGE(IF(ISBLANK(t),\"\",(t-day)*24))"), ("f", "=COUNTIF(t,\">=46000\")"),
                        ("g", "=SUMPRODUCT(i,f)/SUM(f)"), ("h", "=COUNTA(full)"), ("k", "=STDEV.S(d)*86400")]
        guard case .success(let set) = KPISet.compile(formulas.map { ($0.0, FormulaSource($0.1)) }, schema: T.schema(table)) else {
            Issue.record("compile failed")
            return
        }
        let together = set.evaluate(table: table, groupIds: ids, groupCount: groups)
        for (name, _) in formulas {
            guard let program = set.programs[name] else { continue }
            #expect(together[name]?.map(Self.bits) == Self.run(program, table, ids: ids, groups: groups, inPlace: false), "\(name)")
        }
    }

    @Test func readersMatchConversion() {
        var r = Random(state: 0xFEED_FACE_CAFE_BEEF)
        let table = Self.table(257, &r)
        for column in table.columns {
            guard let storage = NumberStorage(column) else { continue }
            // Excel's units, written out independently of the readers.
            let expected: [Double]
            switch column.storage {
            case .integers(let v): expected = v.map { Double($0) }
            case .numbers(let v): expected = column.type == .duration ? v.map { $0 / 86_400 } : v
            case .datetimes(let v): expected = v.map { Double($0) / 86_400 + 25_569 }
            case .dates(let v): expected = v.map { Double($0) + 25_569 }
            default: expected = []
            }
            #expect(storage.doubles().map(\.bitPattern) == expected.map(\.bitPattern), "\(column.name)")
            guard case .numbers(let xs, let isDate) = ColumnAccess.convert(column).payload else { Issue.record("not numbers"); continue }
            #expect(xs.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(storage.isDate == isDate)
        }
    }
}
