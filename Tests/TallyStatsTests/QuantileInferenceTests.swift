import Testing

@testable import TallyStats

/// Order-statistic intervals for the median and the 90th percentile against scipy.stats.quantile_test.
@Suite struct QuantileInferenceTests {
    @Test func matchesSciPyQuantileTest() {
        let cases = [
            (0.5, 0.95, InferenceReferences.quantile_50_95),
            (0.9, 0.95, InferenceReferences.quantile_90_95),
            (0.5, 0.80, InferenceReferences.quantile_50_80),
        ]
        for (p, level, (estimate, lower, upper, coverage)) in cases {
            let result = QuantileInference.quantileInterval(InferenceData.skewed, probability: p, level: level)
            #expect(result.method == .orderStatistic)
            #expect(isClose(result.estimate, estimate, rel: 1e-12))
            #expect(result.lower == lower)
            #expect(result.upper == upper)
            #expect(isClose(result.achievedLevel, coverage, rel: 1e-10))
            #expect((result.achievedLevel ?? 0) >= level)
        }
        #expect(QuantileInference.medianInterval(InferenceData.skewed) == QuantileInference.quantileInterval(InferenceData.skewed, probability: 0.5))
    }

    @Test func smallestSampleForAMedianInterval() {
        // n = 6: P(B = 0) = 1/64 ≤ 0.025, so [x(1), x(6)] with coverage 1 − 2/64.
        let six = QuantileInference.medianInterval([6, 1, 5, 2, 4, 3])
        #expect(six.lower == 1 && six.upper == 6)
        #expect(six.estimate == 3.5)
        #expect(six.achievedLevel == 1 - 2.0 / 64)
        // n = 5: P(B = 0) = 1/32 > 0.025.
        let five = QuantileInference.medianInterval([5, 1, 4, 2, 3])
        #expect(five.estimate == 3)
        #expect(five.lower == nil && five.upper == nil)
        #expect(five.unavailable?.message
            == "not enough data: n = 5 in this phase; the lower bound of a 95% interval for the median needs n ≥ 6")
        #expect(QuantileInference.minimumSampleSize(probability: 0.5, level: 0.95) == 6)
        // 0.9^n ≤ 0.025 first at n = 36 (0.9^35 = 0.02503).
        #expect(QuantileInference.minimumSampleSize(probability: 0.9, level: 0.95) == 36)
        let p90 = QuantileInference.quantileInterval(Array(stride(from: 1.0, through: 35, by: 1)), probability: 0.9)
        #expect(p90.unavailable?.message
            == "not enough data: n = 35 in this phase; the upper bound of a 95% interval for the 90th percentile needs n ≥ 36")
        let p90ok = QuantileInference.quantileInterval(Array(stride(from: 1.0, through: 36, by: 1)), probability: 0.9)
        // l = 29, u = 36 by the rule with scipy.stats.binom(36, 0.9); coverage binom.cdf(35) − binom.cdf(28).
        #expect(p90ok.lower == 29 && p90ok.upper == 36)
        #expect(isClose(p90ok.achievedLevel, 0.9539621052026521, rel: 1e-10))
    }

    @Test func degenerateInputs() {
        let empty = QuantileInference.medianInterval([])
        #expect(empty.unavailable?.code == .notEnoughData)
        #expect(empty.estimate == nil)
        let single = QuantileInference.medianInterval([7])
        #expect(single.estimate == 7)
        #expect(single.unavailable?.code == .notEnoughData)
        let constant = QuantileInference.medianInterval([Double](repeating: 4, count: 40))
        #expect(constant.estimate == 4 && constant.lower == 4 && constant.upper == 4)
        #expect(QuantileInference.medianInterval([1, .nan]).unavailable?.code == .invalidInput)
        #expect(QuantileInference.quantileInterval([1, 2, 3], probability: 1).unavailable?.code == .invalidInput)
    }
}
