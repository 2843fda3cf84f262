extension Distributions {
    /// The binomial distribution: successes in n independent trials with success probability p.
    public struct Binomial: Sendable, Equatable {
        /// Number of trials n ≥ 0.
        public let trials: Int
        /// Success probability p in [0, 1].
        public let probability: Double

        /// Nil unless n ≥ 0 and 0 ≤ p ≤ 1.
        public init?(trials: Int, probability: Double) {
            guard trials >= 0, probability >= 0, probability <= 1 else { return nil }
            self.trials = trials
            self.probability = probability
        }

        /// P(X ≤ k) = I_{1−p}(n − k, k + 1).
        public func cdf(_ k: Int) -> Double {
            if k < 0 { return 0 }
            if k >= trials { return 1 }
            return IncompleteBeta(
                a: Double(trials - k), b: Double(k + 1), x: 1 - probability, y: probability
            ).lower
        }

        /// P(X > k), computed directly in the upper tail.
        public func survival(_ k: Int) -> Double {
            if k < 0 { return 1 }
            if k >= trials { return 0 }
            return IncompleteBeta(
                a: Double(trials - k), b: Double(k + 1), x: 1 - probability, y: probability
            ).upper
        }
    }
}
