import Testing

@testable import TallyStats

/// t intervals, Welch comparisons and Hedges' g against SciPy, plus every degenerate case.
@Suite struct MeanInferenceTests {
    @Test func tIntervalMatchesSciPy() {
        let cases = [
            (InferenceData.welchBaseline, 0.95, InferenceReferences.tInterval_welchBaseline_95),
            (InferenceData.welchBaseline, 0.90, InferenceReferences.tInterval_welchBaseline_90),
            (InferenceData.skewed, 0.95, InferenceReferences.tInterval_skewed_95),
            (InferenceData.skewed, 0.90, InferenceReferences.tInterval_skewed_90),
        ]
        for (values, level, (mean, lower, upper)) in cases {
            let result = MeanInference.tInterval(values, level: level)
            #expect(result.method == .studentT)
            #expect(isClose(result.estimate, mean, rel: 1e-12))
            #expect(isClose(result.lower, lower, rel: 1e-9))
            #expect(isClose(result.upper, upper, rel: 1e-9))
            #expect(result.sampleSizes == [values.count])
        }
        #expect(MeanInference.tInterval(InferenceData.welchBaseline).caveats == [.smallSample])
        #expect(MeanInference.tInterval(InferenceData.skewed).caveats == [])
    }

    @Test func tIntervalDegenerateCases() {
        let empty = MeanInference.tInterval([])
        #expect(empty.unavailable?.code == .notEnoughData)
        #expect(empty.estimate == nil)
        let single = MeanInference.tInterval([4.5])
        #expect(single.estimate == 4.5)
        #expect(single.lower == nil && single.upper == nil)
        #expect(single.unavailable?.message == "not enough data: n = 1 in this phase (an interval needs n ≥ 2)")
        let constant = MeanInference.tInterval([3, 3, 3, 3])
        #expect(constant.estimate == 3)
        #expect(constant.unavailable?.code == .zeroVariance)
        #expect(constant.caveats.contains(.zeroVariance))
        let nonFinite = MeanInference.tInterval([1, .nan, 3])
        #expect(nonFinite.unavailable?.code == .invalidInput)
        #expect(MeanInference.tInterval([1, 2], level: 1).unavailable?.code == .invalidInput)
    }

    @Test func welchMatchesSciPy() {
        let (t, p, df, lower95, upper95, lower90, upper90) = InferenceReferences.welch
        let result = MeanInference.welch(baseline: InferenceData.welchBaseline, later: InferenceData.welchLater)
        #expect(result.test.method == .welchT)
        #expect(isClose(result.test.statistic, t, rel: 1e-10))
        #expect(isClose(result.test.degreesOfFreedom, df, rel: 1e-10))
        #expect(isClose(result.test.pValue, p, rel: 1e-10))
        #expect(isClose(result.difference.lower, lower95, rel: 1e-9))
        #expect(isClose(result.difference.upper, upper95, rel: 1e-9))
        #expect(result.difference.sampleSizes == [25, 31])
        let at90 = MeanInference.welch(
            baseline: InferenceData.welchBaseline, later: InferenceData.welchLater, level: 0.90)
        #expect(isClose(at90.difference.lower, lower90, rel: 1e-9))
        #expect(isClose(at90.difference.upper, upper90, rel: 1e-9))
        // Summaries give the same result as the raw values.
        let fromSummaries = MeanInference.welch(
            baseline: SampleSummary(InferenceData.welchBaseline), later: SampleSummary(InferenceData.welchLater))
        #expect(fromSummaries == result)
    }

    @Test func hedgesGMatchesFormula() {
        let (_, g, lower, upper) = InferenceReferences.hedges
        let result = MeanInference.welch(baseline: InferenceData.welchBaseline, later: InferenceData.welchLater)
        #expect(result.effectSize.method == .hedgesG)
        #expect(isClose(result.effectSize.estimate, g, rel: 1e-10))
        #expect(isClose(result.effectSize.lower, lower, rel: 1e-9))
        #expect(isClose(result.effectSize.upper, upper, rel: 1e-9))
        for (nu, j) in InferenceReferences.hedgesJ {
            #expect(isClose(MeanInference.correctionJ(degreesOfFreedom: nu), j, rel: 1e-12), "J(\(nu))")
        }
    }

    @Test func welchDegenerateCases() {
        let empty = MeanInference.welch(baseline: [], later: [1, 2, 3])
        #expect(empty.difference.unavailable?.message == "not enough data: n = 0 in baseline")
        #expect(empty.difference.estimate == nil)
        #expect(empty.test.pValue == nil)
        #expect(empty.effectSize.estimate == nil)

        let emptyLater = MeanInference.welch(baseline: [1, 2, 3], later: [])
        #expect(emptyLater.difference.unavailable?.message == "not enough data: n = 0 in later phase")
        let singleLater = MeanInference.welch(baseline: [1, 2, 3], later: [7])
        #expect(singleLater.difference.estimate == 5)
        #expect(singleLater.test.unavailable?.message == "not enough data: n = 1 in later phase (Welch needs n ≥ 2 per group)")
        #expect(MeanInference.welch(baseline: [1, 2], later: [3, 5], level: 0).test.unavailable?.code == .invalidInput)

        let single = MeanInference.welch(baseline: [5], later: [1, 2, 3])
        #expect(single.difference.estimate == -3)
        #expect(single.difference.unavailable?.message == "not enough data: n = 1 in baseline (Welch needs n ≥ 2 per group)")
        #expect(single.test.unavailable?.code == .notEnoughData)
        #expect(single.effectSize.unavailable?.code == .notEnoughData)

        let identical = MeanInference.welch(baseline: [3, 3, 3], later: [3, 3])
        #expect(identical.difference.estimate == 0)
        #expect(identical.difference.unavailable?.message == "zero variance: both groups are constant (all values equal 3.0)")
        #expect(identical.test.statistic == nil && identical.test.pValue == nil)
        #expect(identical.effectSize.unavailable?.code == .zeroVariance)
        #expect(identical.caveats.contains(.zeroVariance))

        let different = MeanInference.welch(baseline: [3, 3, 3], later: [5, 5])
        #expect(different.difference.estimate == 2)
        #expect(different.difference.unavailable?.message == "zero variance: both groups are constant (baseline 3.0, later phase 5.0)")
        #expect(different.test.pValue == nil)
        #expect(isClose(different.relativeChangePercent.value, 200.0 / 3, rel: 1e-15))

        // One constant group: Welch is defined (df = n_other − 1); flagged.
        let oneConstant = MeanInference.welch(baseline: [3, 3, 3], later: [4, 5, 6])
        // scipy.stats.ttest_ind([4, 5, 6], [3, 3, 3], equal_var=False): statistic 3.464101615137755, pvalue 0.07417990022744854, df 2
        #expect(isClose(oneConstant.test.statistic, 3.464101615137755, rel: 1e-12))
        #expect(isClose(oneConstant.test.pValue, 0.07417990022744854, rel: 1e-10))
        #expect(isClose(oneConstant.test.degreesOfFreedom, 2, rel: 1e-12))
        #expect(oneConstant.caveats.contains(.zeroVariance))

        let zeroMean = MeanInference.welch(baseline: [-1, 1], later: [2, 3])
        #expect(zeroMean.relativeChangePercent.unavailable?.code == .zeroBaseline)

        let nonFinite = MeanInference.welch(baseline: [1, 2], later: [.infinity, 3])
        #expect(nonFinite.test.unavailable?.message == "non-finite value inf at position 1 in later phase")
    }
}
