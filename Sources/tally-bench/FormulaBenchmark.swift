import TallyCore
import TallyData
import TallyFormula

/// Benchmark of formula evaluation: 20 KPI formulas over a synthetic 1M-row contact table, grouped by
/// phase × ISO week (2 × 52 = 104 groups) in one pass per KPI, on one core. Options: `--rows N`, `--runs K`.
enum FormulaBenchmark {
    /// Runs the benchmark with command-line options.
    static func run(_ arguments: [String]) {
        var rows = 1_000_000
        var runs = 7
        // `--set-only`: stop after the phase×week measurement (for profiling that loop alone).
        let setOnly = arguments.contains("--set-only")
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--rows", i + 1 < arguments.count, let n = Int(arguments[i + 1]) { rows = n; i += 1 }
            if arguments[i] == "--runs", i + 1 < arguments.count, let n = Int(arguments[i + 1]) { runs = max(1, n); i += 1 }
            i += 1
        }
        let clock = ContinuousClock()
        let (table, groupIds) = makeTable(rows: rows)
        let formulas = kpiFormulas()
        let schema = FormulaSchema(table: table, parameters: ["target": .number(0.8)],
                                   asOf: CivilDate(year: 2026, month: 11, day: 23))
        var set: KPISet?
        let compileTime = clock.measure {
            switch KPISet.compile(formulas.map { ($0.0, FormulaSource($0.1)) }, schema: schema) {
            case .success(let s): set = s
            case .failure(let e): print("formula: compile failed\n\(e)")
            }
        }
        guard let set else { return }
        // CPU time of this thread: on a shared machine wall time mostly measures the neighbours.
        func median(_ f: () -> Void) -> Duration {
            var times: [Duration] = []
            for _ in 0..<runs {
                let start = threadCPUTime()
                f()
                times.append(threadCPUTime() - start)
            }
            return times.sorted()[times.count / 2]
        }
        var wallTimes: [Duration] = []
        var sample: [String: [FormulaValue]] = [:]
        let weekly = median {
            let t0 = clock.now
            sample = set.evaluate(table: table, groupIds: groupIds.phaseWeek, groupCount: 104)
            wallTimes.append(clock.now - t0)
        }
        let wall = wallTimes.sorted()[wallTimes.count / 2]
        if setOnly {
            print("formula: phase×week (104 groups) median \(NumberFormat.fixed(Double(weekly.components.attoseconds) / 1e15 + Double(weekly.components.seconds) * 1000, 1)) ms CPU (\(wall)) over \(runs) runs")
            return
        }
        let phases = median { _ = set.evaluate(table: table, groupIds: groupIds.phase, groupCount: 2) }
        let weeks = median { _ = set.evaluate(table: table, groupIds: groupIds.week, groupCount: 52) }
        // Calibration: the floor any grouped KPI pays, a bare grouped sum over one column, to judge the machine.
        var sink = 0.0
        let probe = (0..<rows).map { Double($0 % 97) }
        let calibration = median {
            var sums = [Double](repeating: 0, count: 104)
            let ids = groupIds.phaseWeek
            probe.withUnsafeBufferPointer { xp in
                ids.withUnsafeBufferPointer { ip in
                    sums.withUnsafeMutableBufferPointer { sp in
                        for i in 0..<xp.count { sp[Int(ip[i])] += xp[i] }
                    }
                }
            }
            sink += sums[0]
        }
        func ms(_ d: Duration) -> String {
            let value = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            return NumberFormat.fixed(value, 1)
        }
        print("formula: \(formulas.count) KPIs × \(rows) rows, compile \(ms(compileTime)) ms (all KPIs)")
        print("formula: phase×week (104 groups) median \(ms(weekly)) ms CPU (\(ms(wall)) ms wall) over \(runs) runs (target ≤ 100 ms)")
        BenchResults.append(stage: "formula", measurement: "phase-week-\(formulas.count)kpis", rows: rows, wall: wallTimes.map(seconds), cpu: [seconds(weekly)])
        print("formula: calibration: bare grouped sum of one 1M column \(ms(calibration)) ms CPU (= \(NumberFormat.fixed(Double(weekly.components.attoseconds + weekly.components.seconds * 1_000_000_000_000_000_000) / Double(max(1, calibration.components.attoseconds + calibration.components.seconds * 1_000_000_000_000_000_000)), 1))× for all KPIs)\(sink < 0 ? "" : "")")
        print("formula: per phase (2 groups) median \(ms(phases)) ms CPU; per week (52 groups) median \(ms(weeks)) ms CPU")
        // Per-KPI timings show where the time goes.
        for (name, formula) in formulas {
            guard let program = set.programs[name], program.kpiDependencies.isEmpty else { continue }
            let t = median { _ = program.evaluate(table: table, groupIds: groupIds.phaseWeek, groupCount: 104) }
            print("formula:   \(ms(t)) ms CPU  \(name)  \(formula)  → group 0: \(sample[name]?.first?.description ?? "?")")
        }
    }

    /// A duration in seconds.
    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    /// The 20 KPI formulas measured: the built-in library plus typical hand-written ones.
    static func kpiFormulas() -> [(String, String)] {
        let library = ["csat", "nps", "ces", "fcr", "sla", "aht", "median_handle_time", "resolution_time_median",
                       "resolution_time_p90", "complaints_per_1000", "repeat_contact_rate", "abandonment_rate",
                       "mystery_shopper", "servqual_gap_reliability"]
        var formulas = library.compactMap { id in KPILibrary.definition(id: id).map { (id, $0.formula()) } }
        formulas += [
            ("phone_csat", "=AVERAGEIFS(csat,channel,\"phone\")"),
            ("team_a_fcr", "=COUNTIFS(team,\"A*\",fcr,TRUE)/COUNTIF(team,\"A*\")"),
            ("hours_open", "=AVERAGE(IF(ISBLANK(closed_at),\"\",(closed_at-opened_at)*24))"),
            ("aht_sd_seconds", "=STDEV.S(handle_time)*86400"),
            ("csat_weighted", "=SUMPRODUCT(csat,ces)/SUM(ces)"),
            ("fcr_gap", "=fcr-target"),
        ]
        return formulas
    }

    /// Group ids for the three groupings measured.
    struct GroupIds {
        var phaseWeek: [Int32]
        var phase: [Int32]
        var week: [Int32]
    }

    /// A seeded synthetic contact table with every column the formulas use.
    static func makeTable(rows n: Int) -> (Table, GroupIds) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        @inline(__always) func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
        func ints(_ name: String, _ range: ClosedRange<Int64>, missing: Double) -> Column {
            var values = [Int64](repeating: 0, count: n)
            var valid = ValidityBitmap(count: n)
            for i in 0..<n {
                values[i] = range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
                if uniform() < missing { valid.set(i, false); values[i] = 0 }
            }
            return Column(name: name, type: .integer, storage: .integers(values), validity: valid)
        }
        func seconds(_ name: String, mean: Double, missing: Double) -> Column {
            var values = [Double](repeating: 0, count: n)
            var valid = ValidityBitmap(count: n)
            for i in 0..<n {
                values[i] = (-mean * log1p(-uniform())).rounded()  // exponential
                if uniform() < missing { valid.set(i, false); values[i] = 0 }
            }
            return Column(name: name, type: .duration, storage: .numbers(values), validity: valid)
        }
        func flags(_ name: String, _ p: Double, missing: Double = 0) -> Column {
            var values = [Bool](repeating: false, count: n)
            var valid = ValidityBitmap(count: n)
            for i in 0..<n {
                values[i] = uniform() < p
                if missing > 0, uniform() < missing { valid.set(i, false); values[i] = false }
            }
            return Column(name: name, type: .boolean, storage: .booleans(values), validity: valid)
        }
        func category(_ name: String, _ levels: [String]) -> Column {
            let codes = (0..<n).map { _ in Int32(next() % UInt64(levels.count)) }
            return Column(name: name, type: .category, storage: .categories(codes: codes, levels: levels))
        }
        let start: Int64 = 1_767_225_600  // 2026-01-01T00:00Z
        var opened = [Int64](repeating: 0, count: n), closed = [Int64](repeating: 0, count: n)
        var closedValid = ValidityBitmap(count: n)
        var phase = [Int32](repeating: 0, count: n), week = [Int32](repeating: 0, count: n)
        var phaseWeek = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let t = start + Int64(Double(i) / Double(n) * 364 * 86_400)
            opened[i] = t
            closed[i] = t + Int64(-20 * 3600 * log1p(-uniform()))
            if uniform() < 0.03 { closedValid.set(i, false) }
            week[i] = Int32(min(51, (t - start) / (7 * 86_400)))
            phase[i] = week[i] < 26 ? 0 : 1
            phaseWeek[i] = phase[i] * 52 + week[i]
        }
        var columns = [
            ints("csat", 1...5, missing: 0.3), ints("nps", 0...10, missing: 0.4), ints("ces", 1...7, missing: 0.5),
            flags("fcr", 0.72, missing: 0.02), seconds("response_time", mean: 6 * 3600, missing: 0.01),
            seconds("handle_time", mean: 420, missing: 0.01), seconds("resolution_time", mean: 30 * 3600, missing: 0.05),
            flags("complaint", 0.02), ints("contact_id", 1...Int64(max(1, n)), missing: 0),
            flags("repeat_contact", 0.12), flags("abandoned", 0.06),
            category("team", ["Alpha", "Beta", "Gamma", "Aurora"]), category("channel", ["phone", "chat", "email"]),
            Column(name: "opened_at", type: .datetime, storage: .datetimes(opened)),
            Column(name: "closed_at", type: .datetime, storage: .datetimes(closed), validity: closedValid),
            ints("reliability_p", 1...7, missing: 0.8), ints("reliability_e", 1...7, missing: 0.8),
        ]
        var score = [Double](repeating: 0, count: n)
        for i in 0..<n { score[i] = (uniform() * 20).rounded() / 20 }
        columns.append(Column(name: "ms_score", type: .percent, storage: .numbers(score)))
        return (Table(name: "contacts", columns: columns, rowCount: n), GroupIds(phaseWeek: phaseWeek, phase: phase, week: week))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time consumed by the calling thread.
func threadCPUTime() -> Duration {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
}

/// Fixed-point formatting without Foundation.
enum NumberFormat {
    /// `value` with `decimals` places.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int((value * factor).rounded())
        let whole = scaled / Int(factor), fraction = abs(scaled % Int(factor))
        let fractionText = String(fraction)
        return decimals == 0 ? String(whole)
            : "\(whole).\(String(repeating: "0", count: decimals - fractionText.count))\(fractionText)"
    }
}
