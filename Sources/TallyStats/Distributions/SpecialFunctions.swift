#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Log-gamma and the accurate building blocks (Stirling correction, log1p(x) − x) the distributions share.
///
/// Every function here works in log space and is written so that its *absolute* error stays near machine
/// precision even for arguments in the millions: that is what keeps tail probabilities (which are
/// `exp` of these logs) within 1e-10 relative of reference implementations.
public enum SpecialFunctions {
    /// ln √(2π).
    static let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_4

    /// ln Γ(x) for x > 0 (Stirling series with correction term for x ≥ 10, upward recurrence below).
    public static func logGamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? .infinity : (x.isNaN ? .nan : .infinity) }
        if x >= 10 {
            return (x - 0.5) * log(x) - x + halfLogTwoPi + stirlingCorrection(x)
        }
        // Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1)), with x + k ≥ 10.
        var z = x
        var product = 1.0
        while z < 10 {
            product *= z
            z += 1
        }
        return logGamma(z) - log(product)
    }

    /// δ(x) = ln Γ(x) − [(x − ½) ln x − x + ln √(2π)], the Stirling correction, for x ≥ 10.
    static func stirlingCorrection(_ x: Double) -> Double {
        // Coefficients B₂ₖ / (2k (2k − 1)); at x = 10 the first omitted term is below 1e-17 of δ.
        let inverse = 1 / x
        let inverseSquared = inverse * inverse
        var series = -3617.0 / 122_400.0
        series = series * inverseSquared + 1.0 / 156.0
        series = series * inverseSquared - 691.0 / 360_360.0
        series = series * inverseSquared + 1.0 / 1188.0
        series = series * inverseSquared - 1.0 / 1680.0
        series = series * inverseSquared + 1.0 / 1260.0
        series = series * inverseSquared - 1.0 / 360.0
        series = series * inverseSquared + 1.0 / 12.0
        return series * inverse
    }

    /// ln Γ(a) − ln Γ(a + b) for a > 0, b ≥ 0, accurate even when both gammas are huge and nearly equal.
    public static func logGammaRatio(_ a: Double, _ b: Double) -> Double {
        if a >= 10 && b < a {
            // Stirling for both terms, with the large parts combined through log1p.
            return -b * log(a) - (a + b - 0.5) * log1p(b / a) + b + stirlingCorrection(a)
                - stirlingCorrection(a + b)
        }
        return logGamma(a) - logGamma(a + b)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b)
        let large = max(a, b)
        if large >= 10 {
            if small >= 10 {
                let sum = a + b
                return halfLogTwoPi + (small - 0.5) * log(small / sum) + large * log1p(-small / sum)
                    - 0.5 * log(large)
                    + stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(sum)
            }
            return logGamma(small) + logGammaRatio(large, small)
        }
        return logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// ln(1 + x) − x for x > −1, without cancellation near zero.
    public static func log1pMinusX(_ x: Double) -> Double {
        if abs(x) > 0.5 { return log1p(x) - x }
        // ln(1+x) = 2 atanh(r), r = x / (2 + x); 2r − x = −x² / (2 + x), the rest is an odd series in r.
        let r = x / (2 + x)
        let r2 = r * r
        var term = r2 * r
        var sum = 0.0
        var k = 3.0
        while true {
            let contribution = term / k
            sum += contribution
            if abs(contribution) <= abs(sum) * 1e-17 || k > 60 { break }
            term *= r2
            k += 2
        }
        return -x * x / (2 + x) + 2 * sum
    }

    /// ln(xᵃ e⁻ˣ / Γ(a)), the common factor of the regularised incomplete gamma functions.
    static func logGammaPrefactor(a: Double, x: Double) -> Double {
        if a >= 10 {
            // a ln x − x − ln Γ(a) = a [ln(1+e) − e] + ½ ln a − ln √(2π) − δ(a), with e = (x − a)/a.
            return a * log1pMinusX((x - a) / a) + 0.5 * log(a) - halfLogTwoPi - stirlingCorrection(a)
        }
        return a * log(x) - x - logGamma(a)
    }

    /// ln(xᵃ yᵇ / B(a, b)) with y = 1 − x supplied separately (so either may be tiny without loss).
    static func logBetaPrefactor(a: Double, b: Double, x: Double, y: Double) -> Double {
        let logX = x <= 0.5 ? log(x) : log1p(-y)
        let logY = y <= 0.5 ? log(y) : log1p(-x)
        if a >= 10 && b >= 10 {
            // Deviance form around the mode x₀ = a/(a+b): no large terms cancel.
            let sum = a + b
            let x0 = a / sum
            let y0 = b / sum
            let dx = x <= 0.5 ? x - x0 : y0 - y
            return a * log1pMinusX(dx / x0) + b * log1pMinusX(-dx / y0)
                + 0.5 * (log(a) + log(y0)) - halfLogTwoPi
                - stirlingCorrection(a) - stirlingCorrection(b) + stirlingCorrection(sum)
        }
        if a >= 10 {
            // ln B(a, b) = ln Γ(b) + [ln Γ(a) − ln Γ(a + b)].
            return a * logX + b * logY - logGamma(b) - logGammaRatio(a, b)
        }
        if b >= 10 {
            return a * logX + b * logY - logGamma(a) - logGammaRatio(b, a)
        }
        return a * logX + b * logY - (logGamma(a) + logGamma(b) - logGamma(a + b))
    }
}
