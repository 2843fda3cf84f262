import Testing

@testable import TallyStats

/// Holm–Bonferroni adjustment against statsmodels.
@Suite struct MultipleTestingTests {
    @Test func holmMatchesStatsmodels() {
        let adjusted = MultipleTesting.holmAdjusted(InferenceReferences.holmInput.map { Optional($0) })
        #expect(adjusted.count == InferenceReferences.holmAdjusted.count)
        for (actual, expected) in zip(adjusted, InferenceReferences.holmAdjusted) {
            #expect(isClose(actual, expected, rel: 1e-12))
        }
    }

    @Test func missingPValuesAreSkippedAndDoNotCount() {
        // Family of two: 0.01 × 2 = 0.02, then max(0.02, 0.04 × 1) = 0.04.
        let adjusted = MultipleTesting.holmAdjusted([0.04, nil, 0.01])
        #expect(adjusted[1] == nil)
        #expect(isClose(adjusted[0], 0.04, rel: 1e-15))
        #expect(isClose(adjusted[2], 0.02, rel: 1e-15))
        #expect(MultipleTesting.holmAdjusted([]).isEmpty)
        #expect(MultipleTesting.holmAdjusted([nil]) == [nil])
        #expect(MultipleTesting.holmAdjusted([0.6, 0.7]) == [1, 1])
    }

    @Test func holmOverTestResults() {
        let tests = [
            MeanInference.welch(baseline: InferenceData.welchBaseline, later: InferenceData.welchLater).test,
            MeanInference.welch(baseline: [3, 3], later: [3, 3]).test,
            ProportionInference.compare(
                baseline: ProportionCounts(successes: 45, trials: 120), later: ProportionCounts(successes: 62, trials: 118)
            ).test,
        ]
        let adjusted = MultipleTesting.holmAdjusted(tests: tests)
        #expect(adjusted[1] == nil)
        // Two available p-values (SciPy / statsmodels references): 0.019678 × 2 = 0.039356, then
        // max(0.039356, 0.042915 × 1) = 0.042915.
        #expect(isClose(adjusted[2], 2 * 0.019677996783463665, rel: 1e-9))
        #expect(isClose(adjusted[0], 0.04291471995911596, rel: 1e-9))
    }
}
