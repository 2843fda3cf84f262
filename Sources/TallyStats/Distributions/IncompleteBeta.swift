#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Both tails of the regularised incomplete beta function: Iₓ(a, b) and its complement 1 − Iₓ(a, b).
public struct IncompleteBeta: Sendable, Equatable {
    /// Iₓ(a, b).
    public let lower: Double
    /// 1 − Iₓ(a, b) = I₁₋ₓ(b, a).
    public let upper: Double

    /// Evaluates Iₓ(a, b) for a, b > 0 with `y` = 1 − x passed separately so either may be tiny without
    /// loss of precision; the tail on the near side of the mean comes from the continued fraction
    /// (modified Lentz), the other as its complement.
    public init(a: Double, b: Double, x: Double, y: Double) {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !x.isNaN, !y.isNaN else {
            self.lower = .nan
            self.upper = .nan
            return
        }
        if x <= 0 {
            self.lower = 0
            self.upper = 1
            return
        }
        if y <= 0 {
            self.lower = 1
            self.upper = 0
            return
        }
        if x < (a + 1) / (a + b + 2) {
            let value = exp(SpecialFunctions.logBetaPrefactor(a: a, b: b, x: x, y: y))
                * IncompleteBeta.continuedFraction(a: a, b: b, x: x, y: y) / a
            self.lower = min(value, 1)
            self.upper = max(1 - value, 0)
        } else {
            let value = exp(SpecialFunctions.logBetaPrefactor(a: b, b: a, x: y, y: x))
                * IncompleteBeta.continuedFraction(a: b, b: a, x: y, y: x) / b
            self.upper = min(value, 1)
            self.lower = max(1 - value, 0)
        }
    }

    /// Iₓ(a, b) with y = 1 − x computed here (use the four-argument form when 1 − x is known exactly).
    public init(a: Double, b: Double, x: Double) {
        self.init(a: a, b: b, x: x, y: 1 - x)
    }

    /// The continued fraction of Iₓ(a, b) (Numerical Recipes `betacf`), converging fast for x < (a+1)/(a+b+2).
    /// `y` = 1 − x is used for the first denominator, 1 − (a+b)x/(a+1) = (1 − b + (a+b)y)/(a+1), which
    /// would otherwise cancel catastrophically when x is close to 1 and a is large.
    static func continuedFraction(a: Double, b: Double, x: Double, y: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = x > 0.5 ? (1 - b + qab * y) / qap : 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 1_000_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 3e-16 { break }
            m += 1
        }
        return h
    }
}

extension SpecialFunctions {
    /// Regularised incomplete beta Iₓ(a, b).
    public static func regularizedBeta(_ x: Double, a: Double, b: Double) -> Double {
        IncompleteBeta(a: a, b: b, x: x).lower
    }
}
