import Testing
import TallyCore
import TallyData
@testable import TallyFormula

/// The register-run kernels (RunKernels.swift) and the histogram MEDIAN/PERCENTILE must give bit-identical results
/// to the general paths, on random data with blanks, errors, ±0, duplicates, sorted and shuffled group ids.
@Suite struct FastPathTests {
    /// A small seeded generator (xorshift).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    /// A number vector with status codes: values (some duplicates, negatives, ±0), blanks, errors, "" and omitted FALSE.
    static func vector(_ n: Int, _ r: inout Random) -> Vector {
        var xs = [Double](repeating: 0, count: n), codes = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            switch r.below(20) {
            case 0, 1, 2: codes[i] = statusBlank
            case 3: codes[i] = UInt8(2 + r.below(6))  // an error
            case 4: codes[i] = statusEmptyText
            case 5: codes[i] = statusOmittedFalse
            case 6: xs[i] = -0.0
            case 7: xs[i] = 0
            default: xs[i] = (r.unit() * 40).rounded() / 4 - 3
            }
            if codes[i] != 0 { xs[i] = r.unit() }  // garbage under a gap must not leak
        }
        return Vector(payload: .numbers(xs, isDate: false), status: .codes(codes), count: n)
    }

    static func ids(_ n: Int, groups: Int, sorted: Bool, _ r: inout Random) -> [Int32] {
        if sorted { return (0..<n).map { Int32($0 * groups / max(1, n)) } }
        return (0..<n).map { _ in r.below(7) == 0 ? -1 : Int32(r.below(groups)) }
    }

    @Test func summaryFastPathMatchesGeneral() {
        var r = Random(state: 0x1234_5678_9ABC_DEF1)
        for trial in 0..<24 {
            let n = 50 + r.below(3000), groups = 1 + r.below(9)
            let v = Self.vector(n, &r)
            let ids = Self.ids(n, groups: groups, sorted: trial % 2 == 0, &r)
            let masked = trial % 3 == 0
            let mask = (0..<n).map { _ in r.below(3) != 0 }
            let input = AggregateInput(vector: v, map: .rows(ids))
            // Fast: one input. General: the same input plus an all-blank second input (forces the closure path).
            let blank = Vector(payload: .numbers([Double](repeating: 0, count: n), isDate: false),
                               status: .codes([UInt8](repeating: statusBlank, count: n)), count: n)
            let blankInput = AggregateInput(vector: blank, map: .rows(ids))
            let fast = Aggregation.Summary([input], groups: groups, masks: masked ? [mask] : nil)
            let general = Aggregation.Summary([input, blankInput], groups: groups, masks: masked ? [mask, nil] : nil)
            #expect(fast.count == general.count)
            #expect(fast.sum.map(\.bitPattern) == general.sum.map(\.bitPattern))
            #expect(fast.min.map(\.bitPattern) == general.min.map(\.bitPattern))
            #expect(fast.error == general.error)
            if masked {
                #expect(fast.max.map(\.bitPattern) == general.max.map(\.bitPattern))
            } else {
                // The former unmasked loop used Swift.max (ties between ±0 take the later value).
                var expected = [Double](repeating: -.infinity, count: groups)
                Aggregation.forEachNumber(input, groups: groups, { g, x in expected[g] = Swift.max(expected[g], x) }, { _, _ in })
                #expect(fast.max.map(\.bitPattern) == expected.map(\.bitPattern))
            }
        }
    }

    @Test func squaredDeviationsMatchGeneral() {
        var r = Random(state: 0xDEAD_BEEF_0BAD_F00D)
        for trial in 0..<12 {
            let n = 50 + r.below(3000), groups = 1 + r.below(9)
            let v = Self.vector(n, &r)
            let ids = Self.ids(n, groups: groups, sorted: trial % 2 == 0, &r)
            let means = (0..<groups).map { _ in r.unit() * 4 - 2 }
            guard case .numbers(let xs, _) = v.payload else { return }
            var fast = [Double](repeating: 0, count: groups)
            Aggregation.squaredDeviationRuns(xs, codes: v.status.materialized(n) ?? [], ids: ids, means: means, into: &fast)
            var general = [Double](repeating: 0, count: groups)
            Aggregation.forEachNumber(AggregateInput(vector: v, map: .rows(ids)), groups: groups, { g, x in
                let d = x - means[g]
                general[g] += d * d
            }, { _, _ in })
            #expect(fast.map(\.bitPattern) == general.map(\.bitPattern))
        }
    }

    @Test func countPerGroupMatchesMask() {
        var r = Random(state: 0x0F0F_1234_AAAA_5555)
        let criteria: [FormulaValue] = [.text(">=1"), .text("<0"), .text("<>2"), .number(0), .text(""), .text("<>"),
                                        .text("=#N/A"), .boolean(true), .text("A*"), .text("?eta")]
        for trial in 0..<12 {
            let n = 50 + r.below(3000), groups = 1 + r.below(9)
            let ids = Self.ids(n, groups: groups, sorted: trial % 2 == 0, &r)
            let numbers = Self.vector(n, &r)
            var codes = [UInt8](repeating: 0, count: n)
            for i in 0..<n where r.below(5) == 0 { codes[i] = r.below(2) == 0 ? statusBlank : UInt8(2 + r.below(6)) }
            let booleans = Vector(payload: .booleans((0..<n).map { _ in r.below(2) == 0 }), status: .codes(codes), count: n)
            let categories = Vector(payload: .categories(codes: (0..<n).map { _ in Int32(r.below(5)) - (r.below(50) == 0 ? 9 : 0) },
                                                         levels: ["Alpha", "Beta", "Gamma", "Aurora"]),
                                    status: .codes(codes), count: n)
            for value in criteria {
                let criterion = Criterion(value)
                for v in [numbers, booleans, categories] {
                    guard let fast = criterion.countPerGroup(v, ids: ids, groups: groups) else { continue }
                    let mask = criterion.mask(v)
                    var general = [Double](repeating: 0, count: groups)
                    for i in 0..<n where ids[i] >= 0 && mask[i] { general[Int(ids[i])] += 1 }
                    #expect(fast == general, "criterion \(value) on \(v.payload)")
                    #expect(criterion.hitBytes(v) == mask.map { $0 ? 1 : 0 }, "hit bytes \(value)")
                }
            }
        }
    }

    @Test func statusCountsMatchElementKinds() {
        // COUNT / COUNTA / COUNTBLANK from status codes alone against the per-element rule of `counting`.
        var r = Random(state: 0x3C3C_5A5A_9696_0F0F)
        let rules: [(String, (AggregateFunctions.ElementKind) -> Bool)] = [
            ("COUNT", { if case .number = $0 { return true }; if case .logical(counted: true) = $0 { return true }; return false }),
            ("COUNTA", { if case .blank = $0 { return false }; return true }),
            ("COUNTBLANK", { kind in
                switch kind {
                case .blank, .text(isEmpty: true): return true
                default: return false
                }
            }),
        ]
        for trial in 0..<12 {
            let n = 50 + r.below(3000), groups = 1 + r.below(9)
            let v = Self.vector(n, &r)
            let ids = Self.ids(n, groups: groups, sorted: trial % 2 == 0, &r)
            for (name, rule) in rules {
                var fast = [Double](repeating: 0, count: groups)
                #expect(AggregateFunctions.countStatusRows(v.status, count: n, ids: ids, name: name, into: &fast))
                var general = [Double](repeating: 0, count: groups)
                AggregateFunctions.forEachElement(AggregateInput(vector: v, map: .rows(ids)), groups: groups) { g, kind in
                    if rule(kind) { general[g] += 1 }
                }
                #expect(fast == general, "\(name)")
            }
        }
    }

    @Test func sumProductFastPathMatchesGeneral() {
        var r = Random(state: 0x5555_AAAA_1234_0001)
        for trial in 0..<12 {
            let n = 50 + r.below(3000), groups = 1 + r.below(9)
            let ids = Self.ids(n, groups: groups, sorted: trial % 2 == 0, &r)
            let a = Self.vector(n, &r)
            var b = Self.vector(n, &r)
            if trial % 3 == 1, case .numbers(var values, let isDate) = b.payload {
                // Infinities in b: a blank a times ±inf is NaN in the general kernel, which the fused one must keep.
                for _ in 0..<3 { values[r.below(n)] = r.below(2) == 0 ? .infinity : -.infinity }
                b.payload = .numbers(values, isDate: isDate)
            }
            guard case .numbers(let xa, _) = a.payload, case .numbers(let xb, _) = b.payload else { return }
            var sums = [Double](repeating: 0, count: groups)
            var errors = [UInt8](repeating: 0, count: groups)
            #expect(Aggregation.sumProduct2Runs(xa, a.status.materialized(n) ?? [], xb, b.status.materialized(n) ?? [],
                                                ids: ids, groups: groups, sums: &sums, errors: &errors))
            // The general kernel's arithmetic, row by row over product arrays.
            let ca = a.status.materialized(n) ?? [], cb = b.status.materialized(n) ?? []
            var product = [Double](repeating: 1, count: n)
            var rowError = [UInt8](repeating: 0, count: n)
            for (xs, codes) in [(xa, ca), (xb, cb)] {
                for i in 0..<n { product[i] *= xs[i] }
                for i in 0..<n where codes[i] != statusValue {
                    if Aggregation.isError(codes[i]), rowError[i] == 0 { rowError[i] = codes[i] }
                    product[i] = 0
                }
            }
            var expected = [Double](repeating: 0, count: groups), expectedErrors = [UInt8](repeating: 0, count: groups)
            for i in 0..<n where ids[i] >= 0 {
                let g = Int(ids[i])
                if rowError[i] != 0 { if expectedErrors[g] == 0 { expectedErrors[g] = rowError[i] } } else { expected[g] += product[i] }
            }
            #expect(sums.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(errors == expectedErrors)
        }
    }

    @Test func validityExpansionMatchesPerRowCodes() {
        var r = Random(state: 0x7777_0000_1111_ABCD)
        for n in [0, 1, 63, 64, 65, 127, 128, 1000, 4097] {
            for density in [0, 1, 3, 10] {
                let flags = (0..<n).map { _ in density == 0 ? true : r.below(density + 1) != 0 }
                let status = Status.validity(ValidityBitmap(flags))
                let expected: [UInt8] = (0..<n).map { flags[$0] ? 0 : 1 }
                #expect(status.materialized(n) ?? [UInt8](repeating: 0, count: n) == expected, "n \(n) density \(density)")
                #expect((0..<n).map { status.code($0) } == expected)
            }
        }
        // Converted columns keep their values: integers, durations and datetimes through the buffer-pointer map.
        let column = Column(name: "d", type: .duration, storage: .numbers([0, 86_400, 43_200, -3_600]),
                            validity: ValidityBitmap([true, true, false, true]))
        let v = ColumnAccess.convert(column)
        if case .numbers(let xs, _) = v.payload { #expect(xs == [0, 1, 0.5, -3_600.0 / 86_400]) } else { Issue.record("not numbers") }
    }

    @Test func histogramSelectionMatchesQuickselect() {
        var r = Random(state: 0x9999_1111_2222_3333)
        for trial in 0..<60 {
            let m = Aggregation.histogramSelectMinimum + r.below(6000)
            var values: [Double] = (0..<m).map { _ in
                switch trial % 4 {
                case 0: return (-4000 * log1p(-r.unit())).rounded() / 86_400      // exponential, many ties
                case 1: return Double(r.below(7))                               // few distinct values
                case 2: return r.unit() * 2e6 - 1e6                            // signed, wide
                default: return r.below(100) == 0 ? .infinity : r.unit()
                }
            }
            if trial % 5 == 0 { values[r.below(m)] = -.infinity }
            let ranks = [Double(m - 1) / 2, 0.9 * Double(m - 1), 0, Double(m - 1), 0.25 * Double(m + 1) - 1, r.unit() * Double(m - 1)]
            for h in ranks where h >= 0 {
                var a = values, b = values
                let fast = a.withUnsafeMutableBufferPointer { Aggregation.interpolated(in: $0, rank: h) }
                let general = b.withUnsafeMutableBufferPointer { Aggregation.quickselectInterpolated(in: $0, rank: h) }
                #expect(fast.bitPattern == general.bitPattern || (fast.isNaN && general.isNaN), "m \(m) rank \(h)")
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
