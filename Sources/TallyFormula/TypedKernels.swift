/// Entry points of the grouped kernels for numbers read in place (`TypedNumbers`): each wraps a kernel of
/// RunKernels.swift / Aggregation.swift in a `NumberReading` so it is specialised per storage kind.
/// The kernels are the same code the converted-vector paths run, so results are bit-identical to them.
extension Aggregation {
    /// Count, sum, min, max and first error per group of one column over grouped rows (`Summary`'s fast path).
    /// Nil when the sizes do not line up (callers then take the general path).
    static func summary(_ numbers: TypedNumbers, ids: [Int32], groups: Int, mask: [Bool]?, minMax: Bool) -> Summary? {
        let n = numbers.count
        guard numbers.storage.count >= n, ids.count >= n, (mask?.count ?? n) >= n else { return nil }
        let codes = numbers.status.materialized(n) ?? []
        return numbers.storage.read(Summarise(rows: n, codes: codes, mask: mask, ids: ids, groups: groups, minMax: minMax))
    }

    /// `summariseRuns` as a `NumberReading`.
    private struct Summarise: NumberReading {
        let rows: Int, codes: [UInt8], mask: [Bool]?, ids: [Int32], groups: Int, minMax: Bool

        func read<R: NumberReader>(_ xs: R, count: Int) -> Summary {
            var summary = Summary(groups: groups)
            Aggregation.summariseRuns(xs, rows: rows, codes: codes, mask: mask, ids: ids, groups: groups,
                                      count: &summary.count, sum: &summary.sum, min: &summary.min, max: &summary.max,
                                      error: &summary.error, minMax: minMax)
            return summary
        }
    }

    /// Every counted number of one column bucketed by group (MEDIAN, PERCENTILE, …); nil when sizes do not line up.
    static func buckets(_ numbers: TypedNumbers, ids: [Int32], groups: Int) -> Buckets? {
        let n = numbers.count
        guard numbers.storage.count >= n, ids.count >= n else { return nil }
        return numbers.storage.read(Bucketing(rows: n, status: numbers.status, ids: ids, groups: groups))
    }

    /// `Buckets`' counting sort as a `NumberReading`.
    private struct Bucketing: NumberReading {
        let rows: Int, status: Status, ids: [Int32], groups: Int

        func read<R: NumberReader>(_ xs: R, count: Int) -> Buckets {
            Buckets(xs, rows: rows, status: status, ids: ids, groups: groups)
        }
    }

    /// Adds each group's sum of squared deviations from `means` (STDEV/VAR); false when sizes do not line up.
    static func squaredDeviations(_ numbers: TypedNumbers, ids: [Int32], means: [Double], into squares: inout [Double]) -> Bool {
        let n = numbers.count
        guard numbers.storage.count >= n, ids.count >= n else { return false }
        let codes = numbers.status.materialized(n) ?? []
        squares = numbers.storage.read(SquaredDeviations(rows: n, codes: codes, ids: ids, means: means, squares: squares))
        return true
    }

    /// `squaredDeviationRuns` as a `NumberReading`.
    private struct SquaredDeviations: NumberReading {
        let rows: Int, codes: [UInt8], ids: [Int32], means: [Double]
        var squares: [Double]

        func read<R: NumberReader>(_ xs: R, count: Int) -> [Double] {
            var out = squares
            Aggregation.squaredDeviationRuns(xs, rows: rows, codes: codes, ids: ids, means: means, into: &out)
            return out
        }
    }

    /// SUMPRODUCT(a, b) per group of two columns read in place; nil when sizes do not line up.
    static func sumProduct(_ a: TypedNumbers, _ b: TypedNumbers, ids: [Int32], groups: Int) -> (sums: [Double], errors: [UInt8])? {
        let n = a.count
        guard b.count == n, a.storage.count >= n, b.storage.count >= n, ids.count >= n else { return nil }
        let outer = SumProductOuter(rows: n, codesA: a.status.materialized(n) ?? [], b: b.storage,
                                    codesB: b.status.materialized(n) ?? [], ids: ids, groups: groups)
        return a.storage.read(outer)
    }

    /// Reads the first factor, then the second (one specialisation per pair of storage kinds).
    private struct SumProductOuter: NumberReading {
        let rows: Int, codesA: [UInt8], b: NumberStorage, codesB: [UInt8], ids: [Int32], groups: Int

        func read<R: NumberReader>(_ xs: R, count: Int) -> (sums: [Double], errors: [UInt8])? {
            b.read(SumProductInner(a: xs, outer: self))
        }
    }

    /// The fused SUMPRODUCT kernel once both readers are known.
    private struct SumProductInner<A: NumberReader>: NumberReading {
        let a: A, outer: SumProductOuter

        func read<R: NumberReader>(_ ys: R, count: Int) -> (sums: [Double], errors: [UInt8])? {
            var sums = [Double](repeating: 0, count: outer.groups)
            var errors = [UInt8](repeating: 0, count: outer.groups)
            guard Aggregation.sumProduct2Runs(a, outer.codesA, ys, outer.codesB, rows: outer.rows, ids: outer.ids,
                                              groups: outer.groups, sums: &sums, errors: &errors) else { return nil }
            return (sums, errors)
        }
    }
}

extension Aggregation.Summary {
    /// Empty accumulators for `groups` groups (count 0, sum 0, min +∞, max −∞, no error).
    init(groups: Int) {
        count = [Int](repeating: 0, count: groups)
        sum = [Double](repeating: 0, count: groups)
        min = [Double](repeating: .infinity, count: groups)
        max = [Double](repeating: -.infinity, count: groups)
        error = [UInt8](repeating: 0, count: groups)
    }
}
