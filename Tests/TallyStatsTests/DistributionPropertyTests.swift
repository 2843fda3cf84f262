import Foundation
import Testing

@testable import TallyStats

/// Properties over random parameters: tails in [0, 1] summing to 1, monotone CDFs, quantiles inverting CDFs.
@Suite struct DistributionPropertyTests {
    @Test func studentTTailsAndQuantiles() throws {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let df = exp(Double.random(in: log(0.5)...log(2e6), using: &generator))
            let t = Double.random(in: -60...60, using: &generator)
            let distribution = try #require(Distributions.StudentT(degreesOfFreedom: df))
            let lower = distribution.cdf(t)
            let upper = distribution.survival(t)
            #expect(lower >= 0 && lower <= 1 && upper >= 0 && upper <= 1)
            #expect(abs(lower + upper - 1) < 1e-14, Comment(rawValue: "t = \(t), df = \(df)"))
            #expect(distribution.cdf(t + 0.01) >= lower)
            let p = Double.random(in: 1e-12...0.5, using: &generator)
            let q = distribution.quantile(p)
            #expect(isClose(distribution.cdf(q), p, rel: 1e-11), "quantile(\(p)), df = \(df)")
        }
    }

    @Test func chiSquaredTailsAndQuantiles() throws {
        var generator = SplitMix64(seed: 12)
        for _ in 0..<300 {
            let df = exp(Double.random(in: log(0.5)...log(1e5), using: &generator))
            let x = df * exp(Double.random(in: -5...2.5, using: &generator))
            let distribution = try #require(Distributions.ChiSquared(degreesOfFreedom: df))
            let lower = distribution.cdf(x)
            let upper = distribution.survival(x)
            #expect(lower >= 0 && lower <= 1 && upper >= 0 && upper <= 1)
            #expect(abs(lower + upper - 1) < 1e-14, Comment(rawValue: "x = \(x), df = \(df)"))
            let p = Double.random(in: 1e-12...(1 - 1e-12), using: &generator)
            let value = distribution.quantile(p)
            let reached = p <= 0.5 ? distribution.cdf(value) : distribution.survival(value)
            #expect(isClose(reached, p <= 0.5 ? p : 1 - p, rel: 1e-10), "quantile(\(p)), df = \(df)")
        }
    }

    @Test func fAndBetaTails() throws {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<300 {
            let d1 = exp(Double.random(in: log(0.5)...log(1e5), using: &generator))
            let d2 = exp(Double.random(in: log(0.5)...log(1e5), using: &generator))
            let x = exp(Double.random(in: -6...6, using: &generator))
            let distribution = try #require(
                Distributions.F(numeratorDegreesOfFreedom: d1, denominatorDegreesOfFreedom: d2))
            let lower = distribution.cdf(x)
            let upper = distribution.survival(x)
            #expect(lower >= 0 && lower <= 1 && upper >= 0 && upper <= 1)
            #expect(abs(lower + upper - 1) < 1e-14, Comment(rawValue: "x = \(x), d1 = \(d1), d2 = \(d2)"))
        }
    }

    @Test func normalQuantileInvertsCDF() {
        var generator = SplitMix64(seed: 14)
        for _ in 0..<500 {
            let z = Double.random(in: -37...37, using: &generator)
            let p = Distributions.Normal.cdf(z)
            let back = z < 0 ? Distributions.Normal.quantile(p) : Distributions.Normal.inverseSurvival(Distributions.Normal.survival(z))
            #expect(isClose(back, z, rel: 1e-12) || abs(back - z) < 1e-14, "z = \(z)")
        }
    }
}
