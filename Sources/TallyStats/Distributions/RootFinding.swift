/// Safeguarded Newton iteration used by the quantile functions.
enum RootFinding {
    /// Solves g(x) = 0 for an increasing g on the bracket [lower, upper] with g(lower) ≤ 0 ≤ g(upper):
    /// Newton steps from `start`, falling back to bisection (geometric when the bracket spans orders of
    /// magnitude on one side of zero) whenever a step leaves the bracket.
    static func solveIncreasing(
        lower: Double, upper: Double, start: Double,
        _ g: (Double) -> (value: Double, derivative: Double)
    ) -> Double {
        var lo = lower
        var hi = upper
        var x = (start > lo && start < hi) ? start : midpoint(lo, hi)
        for _ in 0..<300 {
            let (value, derivative) = g(x)
            if value == 0 { return x }
            if value.isNaN { return x }
            if value < 0 { lo = x } else { hi = x }
            var next = x - value / derivative
            if !(next > lo && next < hi) || !next.isFinite { next = midpoint(lo, hi) }
            if abs(next - x) <= 2e-16 * abs(next) || hi.nextDown <= lo { return next }
            x = next
        }
        return x
    }

    /// The bisection point of [lo, hi]: geometric when both ends share a sign and differ by a factor > 4.
    static func midpoint(_ lo: Double, _ hi: Double) -> Double {
        if lo > 0 && hi > 4 * lo { return lo.squareRoot() * hi.squareRoot() }
        if hi < 0 && lo < 4 * hi { return -((-lo).squareRoot() * (-hi).squareRoot()) }
        return lo + (hi - lo) / 2
    }
}
