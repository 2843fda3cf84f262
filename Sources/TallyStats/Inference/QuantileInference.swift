#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Distribution-free intervals for a median or another quantile, from order statistics.
public enum QuantileInference {
    /// The median with its order-statistic interval.
    public static func medianInterval(_ values: [Double], level: Double = 0.95) -> IntervalEstimate {
        quantileInterval(values, probability: 0.5, level: level)
    }

    /// The p-quantile (type 7 point estimate) with the interval [x₍ₗ₎, x₍ᵤ₎]: with B ~ Binomial(n, p), l is
    /// the largest index with P(B ≤ l − 1) ≤ α/2 and u the smallest with P(B ≤ u − 1) ≥ 1 − α/2, so the
    /// coverage P(l ≤ B ≤ u − 1) ≥ level for any continuous distribution (reported as `achievedLevel`).
    public static func quantileInterval(
        _ values: [Double], probability p: Double, level: Double = 0.95
    ) -> IntervalEstimate {
        let n = values.count
        let sizes = [n]
        let method = InferenceMethod.orderStatistic
        if let problem = InferenceSupport.levelProblem(level)
            ?? InferenceSupport.nonFiniteProblem(values, group: "this phase")
        {
            return .unavailable(method, level: level, sampleSizes: sizes, problem)
        }
        guard p > 0, p < 1 else {
            return .unavailable(
                method, level: level, sampleSizes: sizes,
                Unavailability(.invalidInput, "quantile probability must lie strictly between 0 and 1 (got \(p))"))
        }
        guard n > 0 else {
            return .unavailable(
                method, level: level, sampleSizes: sizes, Unavailability(.notEnoughData, "not enough data: n = 0 in this phase"))
        }
        let sorted = Sorting.ascending(values)
        let estimate = Descriptive.quantile(sorted: sorted, probability: p)
        let caveats = InferenceSupport.sizeCaveats(sizes)
        guard let binomial = Distributions.Binomial(trials: n, probability: p) else {
            return .unavailable(method, level: level, sampleSizes: sizes, Unavailability(.invalidInput, "invalid quantile"))
        }
        let alpha = 1 - level
        // Largest k in −1…n−1 with P(B ≤ k) ≤ α/2; then l = k + 1 (1-based), usable only when l ≥ 1.
        let lowerK = largestIndex(from: -1, to: n - 1) { binomial.cdf($0) <= alpha / 2 }
        // Smallest k in 0…n with P(B > k) ≤ α/2, i.e. P(B ≤ k) ≥ 1 − α/2; then u = k + 1.
        let upperK = smallestIndex(from: 0, to: n) { binomial.survival($0) <= alpha / 2 }
        let l = lowerK + 1
        let u = upperK + 1
        let minimum = minimumSampleSize(probability: p, level: level)
        guard l >= 1, u <= n else {
            let side = l < 1 ? "lower" : "upper"
            return .unavailable(
                method, level: level, sampleSizes: sizes,
                Unavailability(
                    .notEnoughData,
                    "not enough data: n = \(n) in this phase; the \(side) bound of a \(percent(level)) interval for the \(percent(p, quantile: true)) needs n ≥ \(minimum)"),
                estimate: estimate, caveats: caveats)
        }
        let achieved = binomial.cdf(u - 1) - binomial.cdf(l - 1)
        return IntervalEstimate(
            method: method, level: level, estimate: estimate, lower: sorted[l - 1], upper: sorted[u - 1],
            achievedLevel: achieved, sampleSizes: sizes, caveats: caveats)
    }

    /// The smallest n for which both bounds exist: P(B = 0) = (1−p)ⁿ ≤ α/2 and P(B = n) = pⁿ ≤ α/2.
    public static func minimumSampleSize(probability p: Double, level: Double) -> Int {
        guard p > 0, p < 1, level > 0, level < 1 else { return 0 }
        let logHalfAlpha = log((1 - level) / 2)
        let needed = max(logHalfAlpha / log1p(-p), logHalfAlpha / log(p))
        var n = max(1, Int(needed.rounded(.up)) - 1)
        while Double(n) * log1p(-p) > logHalfAlpha || Double(n) * log(p) > logHalfAlpha { n += 1 }
        return n
    }

    /// Largest index in [from, to] where the monotone (true … true false … false) predicate holds; the
    /// predicate is assumed true at `from` without being evaluated.
    static func largestIndex(from: Int, to: Int, _ predicate: (Int) -> Bool) -> Int {
        var lo = from  // assumed to hold (for k = −1: P(B ≤ −1) = 0)
        var hi = to + 1  // treated as failing
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if predicate(mid) { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// Smallest index in [from, to] where the monotone (false … false true … true) predicate holds
    /// (predicate assumed true at `to`).
    static func smallestIndex(from: Int, to: Int, _ predicate: (Int) -> Bool) -> Int {
        var lo = from - 1  // treated as failing
        var hi = to  // assumed to hold (P(B > n) = 0)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if predicate(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }

    /// "95%" or "median" / "90th percentile" for messages.
    static func percent(_ value: Double, quantile: Bool = false) -> String {
        if quantile && value == 0.5 { return "median" }
        let scaled = value * 100
        let text = scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
        return quantile ? "\(text)th percentile" : "\(text)%"
    }
}
