import Testing

@testable import TallyStats

/// Distributions against SciPy: every p-value and quantile within 1e-10 relative, tails included.
@Suite struct DistributionTests {
    let tolerance = 1e-10

    @Test func normalCDFAndSurvival() {
        for (z, cdf, sf) in DistributionReferences.normal {
            #expect(isClose(Distributions.Normal.cdf(z), cdf, rel: tolerance), "cdf(\(z))")
            #expect(isClose(Distributions.Normal.survival(z), sf, rel: tolerance), "sf(\(z))")
        }
    }

    @Test func normalFarTailAgainstMpmath() {
        // mpmath.ncdf(-z) at 40 digits; SciPy itself is ~6e-14 off here, Cody's algorithm is not.
        let cases: [(Double, Double)] = [
            (20, 2.7536241186062336951e-89), (30, 4.9067139271481870595e-198), (37, 5.7255712225245768227e-300),
            (8.3, 5.2055697448902540246e-17),
        ]
        for (z, expected) in cases {
            #expect(isClose(Distributions.Normal.survival(z), expected, rel: 1e-15), "sf(\(z))")
            #expect(isClose(Distributions.Normal.cdf(-z), expected, rel: 1e-15), "cdf(\(-z))")
        }
    }

    @Test func normalQuantiles() {
        for (p, expected) in DistributionReferences.normalQuantile {
            let actual = Distributions.Normal.quantile(p)
            #expect(isClose(actual, expected, rel: tolerance), "ppf(\(p)): \(relativeError(actual, expected))")
        }
        for (q, expected) in DistributionReferences.normalInverseSurvival {
            let actual = Distributions.Normal.inverseSurvival(q)
            #expect(isClose(actual, expected, rel: tolerance), "isf(\(q)): \(relativeError(actual, expected))")
        }
        #expect(Distributions.Normal.quantile(0.5) == 0)
        #expect(Distributions.Normal.quantile(0) == -.infinity)
        #expect(Distributions.Normal.quantile(1) == .infinity)
    }

    @Test func studentTCDFAndSurvival() throws {
        for (t, df, cdf, sf) in DistributionReferences.studentT {
            let distribution = try #require(Distributions.StudentT(degreesOfFreedom: df))
            let actualCDF = distribution.cdf(t)
            let actualSF = distribution.survival(t)
            #expect(isClose(actualCDF, cdf, rel: tolerance), "cdf(\(t), \(df)): \(relativeError(actualCDF, cdf))")
            #expect(isClose(actualSF, sf, rel: tolerance), "sf(\(t), \(df)): \(relativeError(actualSF, sf))")
        }
    }

    @Test func studentTFarTail() throws {
        // scipy.stats.t.sf(40, 5)
        let t5 = try #require(Distributions.StudentT(degreesOfFreedom: 5))
        #expect(isClose(t5.survival(40), 9.205981085886477e-08, rel: tolerance))
        // 2 * scipy.stats.t.sf(40, 5)
        #expect(isClose(t5.twoSidedPValue(-40), 1.8411962171772954e-07, rel: tolerance))
    }

    @Test func studentTLargeDegreesOfFreedomAgainstMpmath() throws {
        // Welch df reach 1e6 for 500k rows per group; the large-a expansion keeps ~1e-14 up to df = 1e8.
        for (t, df, expected) in DistributionReferences.studentTLargeDF {
            let distribution = try #require(Distributions.StudentT(degreesOfFreedom: df))
            let actual = distribution.cdf(t)
            #expect(isClose(actual, expected, rel: tolerance), "cdf(\(t), \(df)): \(relativeError(actual, expected))")
            #expect(isClose(distribution.survival(-t), expected, rel: tolerance))
        }
    }

    @Test func studentTQuantiles() throws {
        for (p, df, expected) in DistributionReferences.studentTQuantile {
            let distribution = try #require(Distributions.StudentT(degreesOfFreedom: df))
            let actual = distribution.quantile(p)
            #expect(isClose(actual, expected, rel: tolerance), "ppf(\(p), \(df)): \(relativeError(actual, expected))")
            let viaSurvival = distribution.inverseSurvival(p)
            #expect(isClose(viaSurvival, -expected, rel: tolerance), "isf(\(p), \(df))")
        }
        #expect(Distributions.StudentT(degreesOfFreedom: 0) == nil)
        #expect(Distributions.StudentT(degreesOfFreedom: .infinity) == nil)
    }

    @Test func chiSquaredCDFAndSurvival() throws {
        for (x, df, cdf, sf) in DistributionReferences.chiSquared {
            let distribution = try #require(Distributions.ChiSquared(degreesOfFreedom: df))
            let actualCDF = distribution.cdf(x)
            let actualSF = distribution.survival(x)
            #expect(isClose(actualCDF, cdf, rel: tolerance), "cdf(\(x), \(df)): \(relativeError(actualCDF, cdf))")
            #expect(isClose(actualSF, sf, rel: tolerance), "sf(\(x), \(df)): \(relativeError(actualSF, sf))")
        }
    }

    @Test func chiSquaredLargeDegreesOfFreedomAgainstMpmath() throws {
        for (x, df, cdf, sf) in DistributionReferences.chiSquaredLargeDF {
            let distribution = try #require(Distributions.ChiSquared(degreesOfFreedom: df))
            let actualCDF = distribution.cdf(x)
            let actualSF = distribution.survival(x)
            #expect(isClose(actualCDF, cdf, rel: 1e-12), "cdf(\(x), \(df)): \(relativeError(actualCDF, cdf))")
            #expect(isClose(actualSF, sf, rel: 1e-12), "sf(\(x), \(df)): \(relativeError(actualSF, sf))")
        }
    }

    @Test func chiSquaredQuantiles() throws {
        for (p, df, expected) in DistributionReferences.chiSquaredQuantile {
            let distribution = try #require(Distributions.ChiSquared(degreesOfFreedom: df))
            let actual = distribution.quantile(p)
            #expect(isClose(actual, expected, rel: tolerance), "ppf(\(p), \(df)): \(relativeError(actual, expected))")
        }
        for (q, df, expected) in DistributionReferences.chiSquaredInverseSurvival {
            let distribution = try #require(Distributions.ChiSquared(degreesOfFreedom: df))
            let actual = distribution.inverseSurvival(q)
            #expect(isClose(actual, expected, rel: tolerance), "isf(\(q), \(df)): \(relativeError(actual, expected))")
        }
    }

    @Test func fisherFCDFAndSurvival() throws {
        for (x, d1, d2, cdf, sf) in DistributionReferences.fisherF {
            let distribution = try #require(
                Distributions.F(numeratorDegreesOfFreedom: d1, denominatorDegreesOfFreedom: d2))
            let actualCDF = distribution.cdf(x)
            let actualSF = distribution.survival(x)
            #expect(isClose(actualCDF, cdf, rel: tolerance), "cdf(\(x), \(d1), \(d2)): \(relativeError(actualCDF, cdf))")
            #expect(isClose(actualSF, sf, rel: tolerance), "sf(\(x), \(d1), \(d2)): \(relativeError(actualSF, sf))")
        }
    }

    @Test func fisherFLargeDenominatorAgainstMpmath() throws {
        // Small d1 with d2 up to 1e8: the regime where the plain continued fraction loses ~d2·1e-17.
        for (x, d1, d2, cdf, sf) in DistributionReferences.fisherFLargeDF {
            let distribution = try #require(
                Distributions.F(numeratorDegreesOfFreedom: d1, denominatorDegreesOfFreedom: d2))
            let actualCDF = distribution.cdf(x)
            let actualSF = distribution.survival(x)
            #expect(isClose(actualCDF, cdf, rel: 1e-12), "cdf(\(x), \(d1), \(d2)): \(relativeError(actualCDF, cdf))")
            #expect(isClose(actualSF, sf, rel: 1e-12), "sf(\(x), \(d1), \(d2)): \(relativeError(actualSF, sf))")
        }
    }

    @Test func binomialCDFAndSurvival() throws {
        for (n, p, k, cdf, sf) in DistributionReferences.binomial {
            let distribution = try #require(Distributions.Binomial(trials: Int(n), probability: p))
            let actualCDF = distribution.cdf(Int(k))
            let actualSF = distribution.survival(Int(k))
            #expect(isClose(actualCDF, cdf, rel: tolerance), "cdf(\(k); \(n), \(p)): \(relativeError(actualCDF, cdf))")
            #expect(isClose(actualSF, sf, rel: tolerance), "sf(\(k); \(n), \(p)): \(relativeError(actualSF, sf))")
        }
    }
}

/// The special functions underneath the distributions, against SciPy.
@Suite struct SpecialFunctionTests {
    @Test func logGamma() {
        for (x, expected) in DistributionReferences.logGamma {
            let actual = SpecialFunctions.logGamma(x)
            // Near the zeros of ln Γ (x = 1, 2) only absolute accuracy is meaningful.
            #expect(isClose(actual, expected, rel: 1e-12) || abs(actual - expected) < 1e-14, "lgamma(\(x))")
        }
    }

    @Test func incompleteGamma() {
        for (a, x, lower, upper) in DistributionReferences.incompleteGamma {
            let actual = IncompleteGamma(a: a, x: x)
            #expect(isClose(actual.lower, lower, rel: 1e-10), "P(\(a), \(x)): \(relativeError(actual.lower, lower))")
            #expect(isClose(actual.upper, upper, rel: 1e-10), "Q(\(a), \(x)): \(relativeError(actual.upper, upper))")
        }
    }

    @Test func incompleteBeta() {
        for (a, b, x, lower, upper) in DistributionReferences.incompleteBeta {
            let actual = IncompleteBeta(a: a, b: b, x: x)
            #expect(isClose(actual.lower, lower, rel: 1e-10), "I(\(x); \(a), \(b)): \(relativeError(actual.lower, lower))")
            #expect(isClose(actual.upper, upper, rel: 1e-10), "1−I(\(x); \(a), \(b)): \(relativeError(actual.upper, upper))")
        }
    }

    @Test func log1pMinusX() {
        // mpmath-free check: log1p(x) − x by its Taylor series −x²/2 + x³/3 − x⁴/4 … at x = 1e-5.
        let x = 1e-5
        let series = -x * x / 2 + x * x * x / 3 - x * x * x * x / 4
        #expect(isClose(SpecialFunctions.log1pMinusX(x), series, rel: 1e-14))
        #expect(isClose(SpecialFunctions.log1pMinusX(-0.4), -0.1108256237659907, rel: 1e-14))  // math.log1p(-0.4) + 0.4
    }
}
