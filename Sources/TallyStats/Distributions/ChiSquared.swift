#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Distributions {
    /// The chi-squared distribution with k > 0 degrees of freedom.
    public struct ChiSquared: Sendable, Equatable {
        /// k.
        public let degreesOfFreedom: Double

        /// Nil unless k is finite and positive.
        public init?(degreesOfFreedom: Double) {
            guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return nil }
            self.degreesOfFreedom = degreesOfFreedom
        }

        /// P(X ≤ x) = P(k/2, x/2).
        public func cdf(_ x: Double) -> Double { IncompleteGamma(a: degreesOfFreedom / 2, x: x / 2).lower }

        /// P(X > x) = Q(k/2, x/2), computed directly in the upper tail.
        public func survival(_ x: Double) -> Double { IncompleteGamma(a: degreesOfFreedom / 2, x: x / 2).upper }

        /// The density.
        public func pdf(_ x: Double) -> Double {
            if x <= 0 { return degreesOfFreedom == 2 && x == 0 ? 0.5 : (degreesOfFreedom < 2 && x == 0 ? .infinity : 0) }
            return exp(SpecialFunctions.logGammaPrefactor(a: degreesOfFreedom / 2, x: x / 2)) / x
        }

        /// x with P(X ≤ x) = p (Wilson–Hilferty start, safeguarded Newton on the log of the smaller tail).
        public func quantile(_ p: Double) -> Double {
            if p.isNaN || p < 0 || p > 1 { return .nan }
            if p == 0 { return 0 }
            if p == 1 { return .infinity }
            return solve(lowerTail: p, upperTail: 1 - p)
        }

        /// x with P(X > x) = q, accurate for tiny q.
        public func inverseSurvival(_ q: Double) -> Double {
            if q.isNaN || q < 0 || q > 1 { return .nan }
            if q == 1 { return 0 }
            if q == 0 { return .infinity }
            return solve(lowerTail: 1 - q, upperTail: q)
        }

        /// Root of the smaller tail's log equation.
        func solve(lowerTail p: Double, upperTail q: Double) -> Double {
            let k = degreesOfFreedom
            var start: Double
            let h = 2 / (9 * k)
            let z = p <= 0.5 ? Normal.quantile(p) : Normal.inverseSurvival(q)
            let cube = 1 - h + z * h.squareRoot()
            start = k * cube * cube * cube
            if !(start > 0) || !start.isFinite {
                // Small-x behaviour P ≈ (x/2)^(k/2) / Γ(k/2 + 1).
                start = 2 * exp((log(p) + SpecialFunctions.logGamma(k / 2 + 1)) * 2 / k)
            }
            if !(start > 0) || !start.isFinite { start = k }
            let useLower = p <= 0.5
            let target = useLower ? log(p) : log(q)
            let g: (Double) -> (value: Double, derivative: Double) = { x in
                let tails = IncompleteGamma(a: k / 2, x: x / 2)
                let density = self.pdf(x)
                if useLower { return (log(tails.lower) - target, density / tails.lower) }
                return (target - log(tails.upper), density / tails.upper)
            }
            var lower = start
            var count = 0
            while g(lower).value > 0 && count < 2100 {
                lower /= 2
                count += 1
            }
            var upper = start
            count = 0
            while g(upper).value < 0 && count < 2100 {
                upper *= 2
                count += 1
                if !upper.isFinite { return .infinity }
            }
            return RootFinding.solveIncreasing(lower: lower, upper: upper, start: start, g)
        }
    }
}
