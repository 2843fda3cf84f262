#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Both regularised incomplete gamma functions at once: P(a, x) (lower) and Q(a, x) = 1 − P (upper).
public struct IncompleteGamma: Sendable, Equatable {
    /// P(a, x) = γ(a, x) / Γ(a).
    public let lower: Double
    /// Q(a, x) = Γ(a, x) / Γ(a).
    public let upper: Double

    /// Evaluates P and Q for a > 0, x ≥ 0: the smaller of the two is computed directly (series for P
    /// when x < a + 1, Lentz's continued fraction for Q otherwise), the other as its complement.
    public init(a: Double, x: Double) {
        guard a > 0, a.isFinite, !x.isNaN else {
            self.lower = .nan
            self.upper = .nan
            return
        }
        if x <= 0 {
            self.lower = 0
            self.upper = 1
            return
        }
        if x == .infinity {
            self.lower = 1
            self.upper = 0
            return
        }
        let logPrefactor = SpecialFunctions.logGammaPrefactor(a: a, x: x)
        if x < a + 1 {
            let p = exp(logPrefactor) * IncompleteGamma.lowerSeries(a: a, x: x)
            self.lower = min(p, 1)
            self.upper = max(1 - p, 0)
        } else {
            let q = exp(logPrefactor) * IncompleteGamma.upperContinuedFraction(a: a, x: x)
            self.upper = min(q, 1)
            self.lower = max(1 - q, 0)
        }
    }

    /// Σₙ xⁿ / (a (a+1) … (a+n)), so that P(a, x) = xᵃ e⁻ˣ / Γ(a) × this sum.
    static func lowerSeries(a: Double, x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<1_000_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if term < sum * 1e-17 { break }
        }
        return sum
    }

    /// The continued fraction for Q(a, x) / (xᵃ e⁻ˣ / Γ(a)), evaluated by the modified Lentz method.
    static func upperContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 1_000_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 3e-16 { break }
            i += 1
        }
        return h
    }
}

extension SpecialFunctions {
    /// Regularised lower incomplete gamma P(a, x).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double { IncompleteGamma(a: a, x: x).lower }

    /// Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate when tiny.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double { IncompleteGamma(a: a, x: x).upper }
}
