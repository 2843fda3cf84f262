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
            let value = IncompleteBeta.nearSideTail(a: a, b: b, x: x, y: y)
            self.lower = min(value, 1)
            self.upper = max(1 - value, 0)
        } else {
            let value = IncompleteBeta.nearSideTail(a: b, b: a, x: y, y: x)
            self.upper = min(value, 1)
            self.lower = max(1 - value, 0)
        }
    }

    /// Iₓ(a, b) with y = 1 − x computed here (use the four-argument form when 1 − x is known exactly).
    public init(a: Double, b: Double, x: Double) {
        self.init(a: a, b: b, x: x, y: 1 - x)
    }

    /// The continued fraction of Iₓ(a, b) (Numerical Recipes `betacf`), converging fast for x < (a+1)/(a+b+2).
    /// Iₓ(a, b) for x below the mean: the continued fraction, or, for a ≥ 1000, b ≤ 100 and x ≥ 0.9 (where
    /// the fraction's terms cancel and lose about a·1e-17), the large-a expansion.
    static func nearSideTail(a: Double, b: Double, x: Double, y: Double) -> Double {
        if a >= 1000 && b <= 100 && y <= 0.1 {
            return largeAExpansion(a: a, b: b, y: y)
        }
        return exp(SpecialFunctions.logBetaPrefactor(a: a, b: b, x: x, y: y))
            * continuedFraction(a: a, b: b, x: x, y: y) / a
    }

    /// ℓₖ = B₂ₖ / (2k (2k)!), the coefficients of ln(2 sinh(u/2)/u) = Σ ℓₖ u²ᵏ.
    static let logSinhCoefficients: [Double] = [
        1.0 / 24, -1.0 / 2880, 1.0 / 181_440, -1.0 / 9_676_800, 1.0 / 479_001_600, -4.403491782239578e-11,
        9.55895466477477e-13, -2.1185501852016142e-14, 4.770034475709914e-16, -1.087434349279031e-17,
    ]

    /// Iₓ(a, b) for large a and small b with x = 1 − y close to 1 (the expansion behind Didonato and
    /// Morris's BGRAT). With t = e⁻ᵘ, T = −ln x and ν = a + (b − 1)/2,
    ///   Iₓ(a, b) = Γ(a+b) / (Γ(a) Γ(b)) ∫_T^∞ e^{−νu} u^{b−1} [2 sinh(u/2)/u]^{b−1} du,
    /// and [2 sinh(u/2)/u]^{b−1} = Σ eₙ u²ⁿ gives Iₓ = Γ(a+b)/(Γ(a) ν^b) Σ eₙ Hₙ with
    /// Hₙ = Γ(b + 2n, νT) / (Γ(b) ν²ⁿ), from Q(b, νT) by the upward recurrence
    /// Γ(s+2, z) = s(s+1) Γ(s, z) + zˢ e⁻ᶻ (s + 1 + z), which only adds positive terms. Terms fall like
    /// ((b + 2n)/ν)², so a few suffice for a ≥ 1000, b ≤ 100.
    static func largeAExpansion(a: Double, b: Double, y: Double) -> Double {
        let t = -log1p(-y)
        let nu = a + (b - 1) / 2
        let z = nu * t
        let logScale = -SpecialFunctions.logGammaRatio(a, b) - b * log(nu)
        // eₙ of exp((b − 1) Σ ℓₖ wᵏ): n eₙ = (b − 1) Σₖ k ℓₖ eₙ₋ₖ.
        let ell = logSinhCoefficients
        var e: [Double] = [1]
        for n in 1...ell.count {
            var sum = 0.0
            for k in 1...n { sum += Double(k) * ell[k - 1] * e[n - k] }
            e.append((b - 1) * sum / Double(n))
        }
        let tails = IncompleteGamma(a: b, x: z)
        let prefactor = exp(SpecialFunctions.logGammaPrefactor(a: b, x: z))  // zᵇ e⁻ᶻ / Γ(b)
        let inverseNuSquared = 1 / (nu * nu)
        var h = tails.upper
        var tPower = 1.0  // T²ⁿ
        var sum = h
        for n in 0..<ell.count {
            let s = b + 2 * Double(n)
            h = (s * (s + 1) * h + prefactor * tPower * (s + 1 + z)) * inverseNuSquared
            tPower *= t * t
            let term = e[n + 1] * h
            sum += term
            if abs(term) <= 1e-17 * abs(sum) { break }
        }
        return exp(logScale) * sum
    }

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
