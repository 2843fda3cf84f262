extension Distributions {
    /// Snedecor's F distribution with (d₁, d₂) degrees of freedom.
    public struct F: Sendable, Equatable {
        /// Numerator degrees of freedom d₁.
        public let numeratorDegreesOfFreedom: Double
        /// Denominator degrees of freedom d₂.
        public let denominatorDegreesOfFreedom: Double

        /// Nil unless both degrees of freedom are finite and positive.
        public init?(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
            guard numeratorDegreesOfFreedom > 0, numeratorDegreesOfFreedom.isFinite,
                denominatorDegreesOfFreedom > 0, denominatorDegreesOfFreedom.isFinite
            else { return nil }
            self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
            self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
        }

        /// I_{d₁x/(d₁x+d₂)}(d₁/2, d₂/2) with both tails of the beta argument formed directly.
        func tails(_ x: Double) -> IncompleteBeta {
            let d1 = numeratorDegreesOfFreedom
            let d2 = denominatorDegreesOfFreedom
            if x <= 0 { return IncompleteBeta(a: d1 / 2, b: d2 / 2, x: 0, y: 1) }
            if x == .infinity { return IncompleteBeta(a: d1 / 2, b: d2 / 2, x: 1, y: 0) }
            let scaled = d1 * x
            return IncompleteBeta(a: d1 / 2, b: d2 / 2, x: scaled / (scaled + d2), y: d2 / (scaled + d2))
        }

        /// P(F ≤ x).
        public func cdf(_ x: Double) -> Double { x.isNaN ? .nan : tails(x).lower }

        /// P(F > x), computed directly in the upper tail.
        public func survival(_ x: Double) -> Double { x.isNaN ? .nan : tails(x).upper }
    }
}
