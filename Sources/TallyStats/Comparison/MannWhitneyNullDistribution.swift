/// The exact null distribution of the Mann–Whitney U statistic for sample sizes m and n without ties.
///
/// Frequencies come from the recurrence f(u; i, j) = f(u − j; i − 1, j) + f(u; i, j − 1) (the largest
/// observation belongs to the first or the second sample), which only adds non-negative numbers, so the
/// doubles stay accurate to a few ulps even when the counts exceed 2⁵³. Cost O(m²n²/4): meant for
/// m, n ≤ 50 (`RankInference.exactLimit`).
struct MannWhitneyNullDistribution: Sendable {
    /// The smaller sample size.
    let m: Int
    /// The larger sample size.
    let n: Int
    /// Number of arrangements giving U = u, for u = 0 … m·n.
    let frequencies: [Double]
    /// Sum of the frequencies, C(m + n, m).
    let total: Double

    /// Builds the distribution for sample sizes `first` and `second` (U's distribution is symmetric in them).
    init(_ first: Int, _ second: Int) {
        let m = min(first, second)
        let n = max(first, second)
        self.m = m
        self.n = n
        // previous[j] = frequencies for (i − 1, j); current[j] for (i, j).
        var previous = [[Double]](repeating: [1], count: n + 1)
        if m > 0 {
            for i in 1...m {
                var current = [[Double]](repeating: [1], count: n + 1)
                if n > 0 {
                    for j in 1...n {
                        var row = [Double](repeating: 0, count: i * j + 1)
                        // f(u; i, j − 1), u = 0 … i(j−1).
                        for (u, value) in current[j - 1].enumerated() { row[u] += value }
                        // f(u − j; i − 1, j), u = j … j + (i−1)j.
                        for (u, value) in previous[j].enumerated() { row[u + j] += value }
                        current[j] = row
                    }
                }
                previous = current
            }
        }
        let frequencies = previous[n]
        self.frequencies = frequencies
        var total = 0.0
        for value in frequencies { total += value }
        self.total = total
    }

    /// P(U ≤ u), summed from the small end.
    func cdf(_ u: Int) -> Double {
        if u < 0 { return 0 }
        if u >= m * n { return 1 }
        var sum = 0.0
        for k in 0...u { sum += frequencies[k] }
        return min(1, sum / total)
    }

    /// P(U ≥ u) = P(U ≤ mn − u) by symmetry.
    func survivalIncluding(_ u: Int) -> Double { cdf(m * n - u) }

    /// The smallest q with P(U ≤ q) ≥ p.
    func quantile(_ p: Double) -> Int {
        var sum = 0.0
        for (k, value) in frequencies.enumerated() {
            sum += value
            if sum / total >= p { return k }
        }
        return m * n
    }
}
