/// Order statistics of the m·n pairwise differences later[j] − baseline[i] without forming them.
///
/// For a candidate value d, the number of differences ≤ d is counted in O(m + n) with two pointers over the
/// sorted samples (computed differences are monotone in each argument, so the count is exact for the
/// floating-point differences). The k-th smallest difference is then found by bisection over the ordered
/// bit patterns of doubles between the smallest and largest difference: at most 64 counts, so
/// O((m + n) · 64) time and O(1) extra memory after sorting.
struct PairwiseDifferences: Sendable {
    /// Baseline values, ascending.
    let baseline: [Double]
    /// Later values, ascending.
    let later: [Double]

    /// Wraps two ascending, non-empty, finite samples.
    init(sortedBaseline: [Double], sortedLater: [Double]) {
        self.baseline = sortedBaseline
        self.later = sortedLater
    }

    /// m · n.
    var count: Int { baseline.count * later.count }

    /// Number of pairs with later[j] − baseline[i] ≤ d.
    func countAtMost(_ d: Double) -> Int {
        baseline.withUnsafeBufferPointer { x in
            later.withUnsafeBufferPointer { y in
                let m = x.count
                var i = 0
                var total = 0
                for j in 0..<y.count {
                    let value = y[j]
                    while i < m && value - x[i] > d { i += 1 }
                    total += m - i
                }
                return total
            }
        }
    }

    /// The k-th smallest difference (1-based, 1 ≤ k ≤ m·n).
    func orderStatistic(_ k: Int) -> Double {
        guard let firstBaseline = baseline.first, let lastBaseline = baseline.last, let firstLater = later.first,
            let lastLater = later.last
        else { return 0 }
        var lo = PairwiseDifferences.key(firstLater - lastBaseline)
        var hi = PairwiseDifferences.key(lastLater - firstBaseline)
        // Invariant: countAtMost(value(hi)) ≥ k, and every key below lo has count < k.
        while lo < hi {
            let span = UInt64(bitPattern: hi &- lo)
            let mid = lo &+ Int64(bitPattern: span / 2)
            if countAtMost(PairwiseDifferences.value(mid)) >= k { hi = mid } else { lo = mid + 1 }
        }
        return PairwiseDifferences.value(lo)
    }

    /// The median of the differences (mean of the two middle ones when m·n is even).
    func median() -> Double {
        let total = count
        if total % 2 == 1 { return orderStatistic((total + 1) / 2) }
        let lower = orderStatistic(total / 2)
        // When enough differences equal the lower middle one, the upper middle one is the same value.
        if countAtMost(lower) >= total / 2 + 1 { return lower }
        let upper = orderStatistic(total / 2 + 1)
        return (lower + upper) / 2
    }

    /// A signed integer whose order matches the order of finite doubles (−0 and +0 share key 0).
    static func key(_ value: Double) -> Int64 {
        let bits = Int64(bitPattern: value.bitPattern)
        return bits >= 0 ? bits : -(bits & Int64.max)
    }

    /// The double with the given key.
    static func value(_ key: Int64) -> Double {
        key >= 0 ? Double(bitPattern: UInt64(key)) : Double(bitPattern: UInt64(-key) | (1 << 63))
    }
}
