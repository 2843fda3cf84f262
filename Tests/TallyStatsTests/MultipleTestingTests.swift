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
}
