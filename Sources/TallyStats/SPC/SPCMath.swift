// Small numeric helpers private to the SPC code (kept in a namespace so they never clash with other files).

import Foundation

/// Numeric helpers used by the control-chart and Pareto code.
enum SPCMath {
    /// Arithmetic mean, nil for an empty array.
    static func mean(_ x: [Double]) -> Double? {
        guard !x.isEmpty else { return nil }
        // Neumaier-compensated sum: ticket counts can be large and numerous.
        var sum = 0.0, compensation = 0.0
        for v in x {
            let t = sum + v
            compensation += abs(sum) >= abs(v) ? (sum - t) + v : (v - t) + sum
            sum = t
        }
        return (sum + compensation) / Double(x.count)
    }

    /// Median (mean of the two middle values for an even count), nil for an empty array.
    static func median(_ x: [Double]) -> Double? {
        guard !x.isEmpty else { return nil }
        let s = Sorting.ascending(x)
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// Sample standard deviation (n − 1 denominator), nil for fewer than two values.
    static func standardDeviation(_ x: [Double]) -> Double? {
        guard x.count >= 2, let m = mean(x) else { return nil }
        let ss = x.reduce(0.0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(x.count - 1)).squareRoot()
    }

    /// Absolute differences of consecutive values (the moving ranges of span 2).
    static func movingRanges(_ x: [Double]) -> [Double] {
        guard x.count >= 2 else { return [] }
        return (1..<x.count).map { abs(x[$0] - x[$0 - 1]) }
    }

    /// R's `qbinom(p, size, 0.5)`: the smallest k with P(X ≤ k) ≥ p for X ~ Binomial(size, 1/2).
    static func binomialHalfQuantile(_ p: Double, size: Int) -> Int {
        guard size > 0 else { return 0 }
        let n = Double(size)
        let logTotal = n * log(2.0)
        var cumulative = 0.0
        // R applies a relative fuzz of 64 ε so that p landing exactly on a CDF step is not missed.
        let target = p * (1 - 64 * Double.ulpOfOne)
        for k in 0...size {
            let kd = Double(k)
            cumulative += exp(lgamma(n + 1) - lgamma(kd + 1) - lgamma(n - kd + 1) - logTotal)
            if cumulative >= target { return k }
        }
        return size
    }
}
