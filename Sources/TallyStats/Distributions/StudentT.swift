#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Distributions {
    /// Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer: Welch's df).
    public struct StudentT: Sendable, Equatable {
        /// ν.
        public let degreesOfFreedom: Double

        /// Nil unless ν is finite and positive.
        public init?(degreesOfFreedom: Double) {
            guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return nil }
            self.degreesOfFreedom = degreesOfFreedom
        }

        /// P(T ≤ −|t|) = ½ I_{ν/(ν+t²)}(ν/2, ½), with x and 1 − x formed without cancellation (for large ν
        /// the incomplete beta switches to its large-a expansion, 1e-14 relative up to ν = 1e8 vs mpmath).
        func lowerTail(ofMagnitude magnitude: Double) -> Double {
            let t = abs(magnitude)
            if t == .infinity { return 0 }
            let nu = degreesOfFreedom
            let x: Double
            let y: Double
            if t * t > nu {
                let ratio = (nu / t) / t
                x = ratio / (1 + ratio)
                y = 1 / (1 + ratio)
            } else {
                x = nu / (nu + t * t)
                y = t * t / (nu + t * t)
            }
            return 0.5 * IncompleteBeta(a: nu / 2, b: 0.5, x: x, y: y).lower
        }

        /// P(T ≤ t).
        public func cdf(_ t: Double) -> Double {
            if t.isNaN { return .nan }
            let tail = lowerTail(ofMagnitude: t)
            return t < 0 ? tail : 1 - tail
        }

        /// P(T > t), computed directly in the upper tail.
        public func survival(_ t: Double) -> Double {
            if t.isNaN { return .nan }
            let tail = lowerTail(ofMagnitude: t)
            return t > 0 ? tail : 1 - tail
        }

        /// Two-sided p-value P(|T| ≥ |t|).
        public func twoSidedPValue(_ t: Double) -> Double {
            if t.isNaN { return .nan }
            return min(1, 2 * lowerTail(ofMagnitude: t))
        }

        /// The density.
        public func pdf(_ t: Double) -> Double {
            let nu = degreesOfFreedom
            return exp(
                -SpecialFunctions.logBeta(nu / 2, 0.5) - 0.5 * log(nu) - (nu + 1) / 2 * log1p(t * t / nu))
        }

        /// t with P(T ≤ t) = p (Cornish–Fisher start, then safeguarded Newton on ln P).
        public func quantile(_ p: Double) -> Double {
            if p.isNaN || p < 0 || p > 1 { return .nan }
            if p == 0.5 { return 0 }
            if p > 0.5 { return -lowerQuantile(1 - p) }
            return lowerQuantile(p)
        }

        /// t with P(T > t) = q, accurate for tiny q.
        public func inverseSurvival(_ q: Double) -> Double {
            if q.isNaN || q < 0 || q > 1 { return .nan }
            if q == 0.5 { return 0 }
            if q > 0.5 { return lowerQuantile(1 - q) }
            return -lowerQuantile(q)
        }

        /// The quantile for a lower-tail probability p < ½ (a negative t).
        func lowerQuantile(_ p: Double) -> Double {
            if p == 0 { return -.infinity }
            let nu = degreesOfFreedom
            let start: Double
            if nu == 1 {
                start = -1 / tan(Double.pi * p)
            } else if nu == 2 {
                start = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
            } else {
                let z = Normal.quantile(p)
                let z2 = z * z
                let g1 = (z2 + 1) * z / 4
                let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
                let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
                start = z + g1 / nu + g2 / (nu * nu) + g3 / (nu * nu * nu)
            }
            let logP = log(p)
            let g: (Double) -> (value: Double, derivative: Double) = { t in
                let tail = self.lowerTail(ofMagnitude: t)
                return (log(tail) - logP, self.pdf(t) / tail)
            }
            var lower = min(start, -1)
            var expansions = 0
            while g(lower).value > 0 && expansions < 2000 {
                lower *= 2
                expansions += 1
                if !lower.isFinite { return -.infinity }
            }
            return RootFinding.solveIncreasing(lower: lower, upper: 0, start: start, g)
        }
    }
}
