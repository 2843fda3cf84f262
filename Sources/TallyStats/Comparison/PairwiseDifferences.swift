/// Order statistics of the m·n pairwise differences later[j] − baseline[i] without forming them.
///
/// One pass with two pointers over the sorted samples counts the differences ≤ d in O(m + n), and also
/// returns the largest difference ≤ d and the smallest difference > d (computed differences are monotone
/// in each argument, so the counts are exact for the floating-point differences). The k-th smallest
/// difference is found by narrowing a value bracket (lo, hi] with count(lo) < k ≤ count(hi), probing at
/// points interpolated from the counts (falling back to bisection when that stalls) and keeping the upper
/// end at an actual difference: it stops when the bracket holds a single distinct value (so heavy ties
/// cost nothing extra) or few enough pairs to list and sort (about (m + n)/16). O((m + n) log) time,
/// O((m + n)/16) extra memory.
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

    /// What one counting pass learns about a threshold d.
    struct Split {
        /// Number of differences ≤ d.
        var atMost: Int
        /// The largest difference ≤ d (−∞ when none).
        var largestAtMost: Double
        /// The smallest difference > d (+∞ when none).
        var smallestAbove: Double
    }

    /// Counts the differences ≤ d and finds the nearest differences on either side of d.
    func split(at d: Double) -> Split {
        baseline.withUnsafeBufferPointer { x in
            later.withUnsafeBufferPointer { y in
                let m = x.count
                var i = 0
                var total = 0
                var largest = -Double.infinity
                var smallest = Double.infinity
                for j in 0..<y.count {
                    let value = y[j]
                    while i < m && value - x[i] > d { i += 1 }
                    total += m - i
                    // Row j: differences ≤ d are value − x[i…], the largest is value − x[i];
                    // differences > d are value − x[…i−1], the smallest is value − x[i − 1].
                    if i < m { largest = max(largest, value - x[i]) }
                    if i > 0 { smallest = min(smallest, value - x[i - 1]) }
                }
                return Split(atMost: total, largestAtMost: largest, smallestAbove: smallest)
            }
        }
    }

    /// Number of pairs with later[j] − baseline[i] ≤ d.
    func countAtMost(_ d: Double) -> Int { split(at: d).atMost }

    /// The k-th smallest difference (1-based, 1 ≤ k ≤ m·n).
    func orderStatistic(_ k: Int) -> Double {
        guard let firstBaseline = baseline.first, let lastBaseline = baseline.last, let firstLater = later.first,
            let lastLater = later.last
        else { return 0 }
        // Bracket (lo, hi] with count(lo) < k ≤ count(hi); hi and `aboveLo` are actual differences.
        var hi = lastLater - firstBaseline
        var countHi = count
        var lo = -Double.infinity
        var countLo = 0
        var aboveLo = firstLater - lastBaseline
        let listLimit = max(256, (baseline.count + later.count) / 16)
        var interpolate = true
        while aboveLo < hi {
            let bracket = countHi - countLo
            if bracket <= listLimit { return listed(after: lo, through: hi, rank: k - countLo) }
            let low = lo == -.infinity ? aboveLo : lo
            // Probes: two points placed by linear interpolation of the counts, a margin below and above
            // rank k, so that one usually lands on each side and the bracket collapses by ~1/margin; when
            // that fails to shrink the bracket fourfold, the next round bisects.
            var probes: [Double] = []
            if interpolate {
                let margin = max(Double(listLimit) / 4, Double(bracket) * 0.01)
                let target = Double(k - countLo)
                for offset in [-margin, margin] {
                    let fraction = (target + offset) / Double(bracket)
                    if fraction > 0 && fraction < 1 { probes.append(low + (hi - low) * fraction) }
                }
            }
            if probes.isEmpty { probes = [low / 2 + hi / 2] }
            var progressed = false
            for probe in probes {
                let floor = lo == -.infinity ? aboveLo : lo
                guard probe >= floor && probe < hi else { continue }
                let part = split(at: probe)
                if part.atMost >= k {
                    hi = part.largestAtMost
                    countHi = part.atMost
                } else {
                    lo = probe
                    countLo = part.atMost
                    aboveLo = part.smallestAbove
                }
                progressed = true
            }
            if !progressed {
                // Probes fell outside the bracket (rounding): bisect, or step onto the lowest candidate.
                let floor = lo == -.infinity ? aboveLo : lo
                var mid = floor / 2 + hi / 2
                if !(mid >= floor && mid < hi) { mid = floor }
                let part = split(at: mid)
                if part.atMost >= k {
                    hi = part.largestAtMost
                    countHi = part.atMost
                } else {
                    lo = mid
                    countLo = part.atMost
                    aboveLo = part.smallestAbove
                }
            }
            interpolate = (countHi - countLo) * 4 <= bracket
        }
        return hi
    }

    /// The `rank`-th smallest of the differences in (lo, hi], listed and sorted.
    func listed(after lo: Double, through hi: Double, rank: Int) -> Double {
        var values: [Double] = []
        baseline.withUnsafeBufferPointer { x in
            later.withUnsafeBufferPointer { y in
                let m = x.count
                var first = 0  // first i with y[j] − x[i] ≤ hi
                var stop = 0  // first i with y[j] − x[i] ≤ lo
                for j in 0..<y.count {
                    let value = y[j]
                    while first < m && value - x[first] > hi { first += 1 }
                    while stop < m && value - x[stop] > lo { stop += 1 }
                    var i = first
                    while i < stop {
                        values.append(value - x[i])
                        i += 1
                    }
                }
            }
        }
        values = Sorting.ascending(values)
        return values[min(max(rank, 1), values.count) - 1]
    }

    /// The median of the differences (mean of the two middle ones when m·n is even).
    func median() -> Double {
        let total = count
        if total % 2 == 1 { return orderStatistic((total + 1) / 2) }
        let lower = orderStatistic(total / 2)
        let part = split(at: lower)
        // The upper middle difference equals the lower one when enough differences tie with it.
        let upper = part.atMost >= total / 2 + 1 ? lower : part.smallestAbove
        return (lower + upper) / 2
    }
}
