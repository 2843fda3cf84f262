// libFuzzer target for the formula lexer, parser, type checker/compiler and evaluator. Built only by
// `make fuzz` (with -D TALLY_FUZZ and -sanitize=fuzzer,address); a normal build gets a main that says how
// to run it.
#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import TallyCore
import TallyData
import TallyFormula

/// libFuzzer's entry point: the input is formula text; a 0x01 byte separates the formulas of a KPI set.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FormulaFuzzing.run(bytes: UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// Runs libFuzzer in a fuzz build; says how to in a normal one.
@main
struct FuzzFormulaMain {
    /// Hands the command line to the shared driver.
    static func main() {
        // Global state is built before fuzzing so libFuzzer's per-input leak check does not count it.
        #if TALLY_FUZZ
        _ = FormulaFuzzing.schema
        #endif
        FuzzDriver.main(target: "fuzz-formula", fuzzFormula)
    }
}

/// Compiles the fuzzer's text as KPI and computed-column formulas against a fixed small table and, when it
/// compiles, evaluates it (over all rows, per group, and per row). Errors are expected; crashes and hangs are not.
enum FormulaFuzzing {
    /// A tiny table with a column of every type, blanks included.
    static let table: Table = {
        let csv = """
            n,x,pct,dur,d,ts,team,note,ok
            1,2.5,10%,01:30:00,2026-01-05,2026-01-05T08:00:00Z,Alpha,first,Y
            -3,,55%,00:00:10,2025-12-31,2026-02-01T23:59:59+01:00,Beta,,N
            ,0,,,,,Alpha,"x, y",
            7,1e3,100%,2:00:00,2024-02-29,2026-03-29T01:30:00Z,,third,yes
            0,-0.0,0%,0:00:00,1900-03-01,1970-01-01T00:00:00Z,Gamma,Ünïcödé,no

            """
        let schema: [String: ColumnSpec] = [
            "n": ColumnSpec(.integer), "x": ColumnSpec(.decimal), "pct": ColumnSpec(.percent),
            "dur": ColumnSpec(.duration), "d": ColumnSpec(.date), "ts": ColumnSpec(.datetime),
            "team": ColumnSpec(.category), "note": ColumnSpec(.text), "ok": ColumnSpec(.boolean),
        ]
        let options = CSVReadOptions(schema: schema, threads: 1)
        let result = try? CSVReader.read(bytes: Array(csv.utf8), path: "fuzz.csv", name: "t", options: options)
        return result?.table ?? Table(name: "t", columns: [], rowCount: 0)
    }()

    /// What formulas may name besides the columns: parameters of each kind and two other KPIs.
    static let schema = FormulaSchema(
        table: table,
        parameters: ["target": .number(0.8), "label": .text("Alpha"), "flag": .boolean(true), "start": .date(46023)],
        kpis: ["other": .number, "when": .date], asOf: CivilDate(year: 2026, month: 11, day: 23))

    /// Values of the external KPIs, per group (two groups).
    static let kpiValues: [String: [FormulaValue]] = ["other": [.number(3), .blank], "when": [.date(46000), .error(.notAvailable)]]

    /// Row i's group: two groups and one excluded row.
    static let groupIds: [Int32] = [0, 1, 0, -1, 1]

    /// Runs one input: each formula alone as KPI and as computed column, then all of them as a KPI set.
    static func run(bytes: UnsafeBufferPointer<UInt8>) {
        let parts = bytes.split(separator: 1, omittingEmptySubsequences: false).prefix(4)
        let texts = parts.map { String(decoding: $0, as: UTF8.self) }
        let compiler = FormulaCompiler(schema: schema)
        // One of the two compilations per input (by length parity) keeps executions fast; mutations change
        // lengths all the time, so both see every shape.
        let asKPI = bytes.count % 2 == 0
        for text in texts {
            let source = FormulaSource(text, at: SourceLocation(file: "fuzz.yaml", line: 3, column: 12), specLine: nil)
            if asKPI {
                switch compiler.compileAggregate(source) {
                case .success(let program):
                    _ = program.evaluate(table: table, groupIds: groupIds, groupCount: 2, kpiValues: kpiValues)
                case .failure(let error):
                    _ = error.description
                }
            } else {
                switch compiler.compileRow(source) {
                case .success(let program):
                    _ = program.evaluate(table: table, name: "computed").errors.count
                case .failure(let error):
                    _ = error.description
                }
            }
        }
        guard texts.count > 1 else { return }
        let formulas = texts.enumerated().map { (name: "k\($0.offset)", source: FormulaSource($0.element)) }
        var setSchema = schema
        setSchema.kpis = ["k0": .number, "k1": .number, "k2": .number, "k3": .number]
        if case .success(let set) = KPISet.compile(formulas, schema: setSchema) {
            _ = set.evaluate(table: table, groupIds: groupIds, groupCount: 2)
        }
    }
}
