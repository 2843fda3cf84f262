import Testing

@testable import TallyStats

/// Mann–Whitney U and Hodges–Lehmann against SciPy and brute force, plus every degenerate case.
@Suite struct RankInferenceTests {
    @Test func exactWithoutTiesMatchesSciPy() {
        let (u, p, estimate, lower, upper, achieved) = InferenceReferences.mannWhitney_exact
        let result = RankInference.compare(baseline: InferenceData.exactBaseline, later: InferenceData.exactLater)
        #expect(result.test.method == .mannWhitneyExact)
        #expect(result.test.statistic == u)
        #expect(isClose(result.test.pValue, p, rel: 1e-10))
        #expect(result.shift.method == .hodgesLehmann)
        #expect(result.intervalCriticalValues == .mannWhitneyExact)
        #expect(isClose(result.shift.estimate, estimate, rel: 1e-12))
        #expect(result.shift.lower == lower)
        #expect(result.shift.upper == upper)
        #expect(isClose(result.shift.achievedLevel, achieved, rel: 1e-10))
        #expect(result.probabilityOfSuperiority == u / Double(12 * 15))
        #expect(result.caveats == [.smallSample])
    }

    @Test func tiesUseTheCorrectedNormalApproximation() {
        let (u, p, estimate, lower, upper, achieved) = InferenceReferences.mannWhitney_tied
        let result = RankInference.compare(baseline: InferenceData.tiedBaseline, later: InferenceData.tiedLater)
        #expect(result.test.method == .mannWhitneyNormal)
        #expect(result.test.statistic == u)
        #expect(isClose(result.test.pValue, p, rel: 1e-10))
        #expect((result.test.zScore ?? 0) < 0)
        #expect(result.shift.estimate == estimate)
        #expect(result.shift.lower == lower)
        #expect(result.shift.upper == upper)
        #expect(isClose(result.shift.achievedLevel, achieved, rel: 1e-10))
        #expect(result.caveats.contains(.ties))
        #expect(result.caveats.contains(.normalApproximation))
    }

    @Test func largeSamplesUseTheNormalApproximation() {
        let (u, p, estimate, lower, upper, achieved) = InferenceReferences.mannWhitney_large
        let result = RankInference.compare(baseline: InferenceData.largeBaseline, later: InferenceData.largeLater)
        #expect(result.test.method == .mannWhitneyNormal)
        #expect(result.test.statistic == u)
        #expect(isClose(result.test.pValue, p, rel: 1e-10))
        #expect(isClose(result.shift.estimate, estimate, rel: 1e-12))
        #expect(result.shift.lower == lower)
        #expect(result.shift.upper == upper)
        #expect(isClose(result.shift.achievedLevel, achieved, rel: 1e-10))
        #expect(result.intervalCriticalValues == .mannWhitneyNormal)
    }

    @Test func exactNullDistributionSmallCase() {
        // m = 2, n = 3: the 10 arrangements give U = 0,1,2,2,3,3,4,4,5,6.
        let null = MannWhitneyNullDistribution(2, 3)
        #expect(null.frequencies == [1, 1, 2, 2, 2, 1, 1])
        #expect(null.total == 10)
        #expect(null.cdf(2) == 0.4)
        #expect(null.survivalIncluding(5) == 0.2)
        // C(100, 50) arrangements for m = n = 50.
        #expect(isClose(MannWhitneyNullDistribution(50, 50).total, 1.008913445455642e+29, rel: 1e-14))
    }

    @Test func hodgesLehmannSelectionMatchesBruteForce() {
        var generator = SplitMix64(seed: 42)
        // Continuous values, values on a grid (ties), very heavy ties (six distinct values), tiny samples.
        let cases: [(Int, Int, Double, Double)] = [
            (600, 700, 0.0, 500), (333, 257, 1.0, 500), (400, 450, 1.0, 5), (1, 40, 0.0, 500), (9, 1, 0.5, 500),
        ]
        for (m, n, rounding, range) in cases {
            let baseline = (0..<m).map { _ in round(Double.random(in: 0..<range, using: &generator), to: rounding) }
            let later = (0..<n).map { _ in round(Double.random(in: 0..<range, using: &generator) + 0.3, to: rounding) }
            var differences: [Double] = []
            differences.reserveCapacity(m * n)
            for y in later { for x in baseline { differences.append(y - x) } }
            differences.sort()
            let selector = PairwiseDifferences(sortedBaseline: baseline.sorted(), sortedLater: later.sorted())
            for k in [1, 2, m * n / 3, m * n / 2, m * n / 2 + 1, m * n - 1, m * n] where k >= 1 {
                #expect(selector.orderStatistic(k) == differences[k - 1], "k = \(k) of \(m)×\(n)")
            }
            let total = m * n
            let median = total % 2 == 1
                ? differences[total / 2] : (differences[total / 2 - 1] + differences[total / 2]) / 2
            #expect(selector.median() == median)
        }
    }

    @Test func degenerateCases() {
        let empty = RankInference.compare(baseline: [], later: [1, 2])
        #expect(empty.test.unavailable?.message == "not enough data: n = 0 in baseline")
        #expect(empty.shift.estimate == nil)
        #expect(empty.test.pValue == nil)

        // One observation per group: exact distribution, p = 1, interval = the single difference.
        let single = RankInference.compare(baseline: [3], later: [5])
        #expect(single.test.pValue == 1)
        #expect(single.shift.estimate == 2)
        #expect(single.shift.lower == 2 && single.shift.upper == 2)
        #expect(single.caveats.contains(.achievedLevelBelowNominal))
        #expect(single.shift.achievedLevel == 0)

        let allEqual = RankInference.compare(baseline: [4, 4, 4], later: [4, 4])
        #expect(allEqual.test.unavailable?.message == "zero variance: all 5 values in both groups are equal")
        #expect(allEqual.shift.estimate == 0)
        #expect(allEqual.probabilityOfSuperiority == 0.5)

        // Constant but different groups: a perfect separation, defined p-value and shift.
        let separated = RankInference.compare(baseline: [4, 4, 4], later: [9, 9])
        #expect(separated.shift.estimate == 5)
        #expect(separated.probabilityOfSuperiority == 1)
        // scipy.stats.mannwhitneyu([9, 9], [4, 4, 4], method='asymptotic').pvalue
        #expect(isClose(separated.test.pValue, 0.0955807045456294, rel: 1e-10))

        #expect(RankInference.compare(baseline: [1, .nan], later: [2]).test.unavailable?.code == .invalidInput)
        #expect(RankInference.compare(baseline: [1, 2], later: []).shift.unavailable?.message == "not enough data: n = 0 in later phase")
        #expect(RankInference.compare(baseline: [1, 2], later: [3], level: 1).shift.unavailable?.code == .invalidInput)
    }

    func round(_ value: Double, to step: Double) -> Double {
        step == 0 ? value : (value / step).rounded() * step
    }
}
