import Testing

@testable import TallyStats

/// NPS intervals and differences against the multinomial-variance formula, plus every degenerate case.
@Suite struct NPSInferenceTests {
    @Test func classification() {
        let counts = NPSCounts(scores: [10, 9, 8, 7, 6, 0, 5, 9, 11, -1])
        #expect(counts == NPSCounts(promoters: 3, passives: 2, detractors: 3))
        #expect(NPSCounts.outOfRange(scores: [10, 9, 8, 7, 6, 0, 5, 9, 11, -1]) == 2)
        #expect(counts.score == 0)
        #expect(NPSCounts(promoters: 0, passives: 0, detractors: 0).score == nil)
    }

    @Test func intervalMatchesFormula() {
        for (promoters, passives, detractors, level, score, lower, upper) in InferenceReferences.nps {
            let counts = NPSCounts(promoters: promoters, passives: passives, detractors: detractors)
            let result = NPSInference.interval(counts, level: level)
            #expect(result.method == .npsMultinomialNormal)
            #expect(isClose(result.estimate, score, rel: 1e-12))
            #expect(isClose(result.lower, lower, rel: 1e-9))
            #expect(isClose(result.upper, upper, rel: 1e-9))
        }
        // 3/1/1 at 95% crosses +100 and is clipped.
        let clipped = NPSInference.interval(NPSCounts(promoters: 3, passives: 1, detractors: 1))
        #expect(clipped.caveats.contains(.intervalClipped))
        #expect(clipped.upper == 100)
    }

    @Test func degenerateIntervals() {
        let allPromoters = NPSInference.interval(NPSCounts(promoters: 12, passives: 0, detractors: 0))
        #expect(allPromoters.estimate == 100)
        #expect(allPromoters.lower == nil && allPromoters.upper == nil)
        #expect(allPromoters.unavailable?.message == "zero variance: all 12 answers in this phase are promoters")
        #expect(allPromoters.caveats.contains(.zeroVariance))
        let allPassives = NPSInference.interval(NPSCounts(promoters: 0, passives: 40, detractors: 0))
        #expect(allPassives.estimate == 0)
        #expect(allPassives.unavailable?.code == .zeroVariance)
        let allDetractors = NPSInference.interval(NPSCounts(promoters: 0, passives: 0, detractors: 3))
        #expect(allDetractors.estimate == -100)
        let single = NPSInference.interval(NPSCounts(promoters: 1, passives: 0, detractors: 0))
        #expect(single.estimate == 100)
        #expect(single.unavailable?.message == "not enough data: n = 1 in this phase (an NPS interval needs n ≥ 2)")
        let empty = NPSInference.interval(NPSCounts(promoters: 0, passives: 0, detractors: 0))
        #expect(empty.estimate == nil)
        #expect(empty.unavailable?.code == .notEnoughData)
        #expect(NPSInference.interval(NPSCounts(promoters: -1, passives: 3, detractors: 0)).unavailable?.code == .invalidInput)
    }

    @Test func differenceMatchesFormula() {
        for row in InferenceReferences.npsDifference {
            let (p1, a1, d1, p2, a2, d2, level, difference, lower, upper, z, p) = row
            let result = NPSInference.compare(
                baseline: NPSCounts(promoters: p1, passives: a1, detractors: d1),
                later: NPSCounts(promoters: p2, passives: a2, detractors: d2), level: level)
            #expect(isClose(result.difference.estimate, difference, rel: 1e-12))
            #expect(isClose(result.difference.lower, lower, rel: 1e-9))
            #expect(isClose(result.difference.upper, upper, rel: 1e-9))
            #expect(isClose(result.test.statistic, z, rel: 1e-10))
            #expect(isClose(result.test.pValue, p, rel: 1e-10))
            #expect(result.test.method == .npsDifferenceNormal)
        }
    }

    @Test func degenerateDifferences() {
        let bothAllPromoters = NPSInference.compare(
            baseline: NPSCounts(promoters: 5, passives: 0, detractors: 0),
            later: NPSCounts(promoters: 8, passives: 0, detractors: 0))
        #expect(bothAllPromoters.difference.estimate == 0)
        #expect(bothAllPromoters.difference.unavailable?.message
            == "zero variance: all 5 answers in baseline are promoters and all 8 answers in later phase are promoters")
        #expect(bothAllPromoters.test.pValue == nil)

        // One group at the boundary: the other's variance carries the interval.
        let oneAtBoundary = NPSInference.compare(
            baseline: NPSCounts(promoters: 50, passives: 30, detractors: 20),
            later: NPSCounts(promoters: 10, passives: 0, detractors: 0))
        #expect(oneAtBoundary.difference.estimate == 70)
        #expect(oneAtBoundary.difference.lower != nil)
        #expect(oneAtBoundary.caveats.contains(.zeroVariance))
        #expect(oneAtBoundary.caveats.contains(.smallSample))

        let empty = NPSInference.compare(
            baseline: NPSCounts(promoters: 4, passives: 3, detractors: 2),
            later: NPSCounts(promoters: 0, passives: 0, detractors: 0))
        #expect(empty.difference.unavailable?.message == "not enough data: n = 0 in later phase (an NPS interval needs n ≥ 2)")
        #expect(empty.difference.estimate == nil)
        #expect(empty.test.pValue == nil)
        #expect(NPSInference.compare(
            baseline: NPSCounts(promoters: 4, passives: 3, detractors: 2),
            later: NPSCounts(promoters: 4, passives: 3, detractors: 2), level: 1.5).difference.unavailable?.code == .invalidInput)

        let tooSmall = NPSInference.compare(
            baseline: NPSCounts(promoters: 1, passives: 0, detractors: 0),
            later: NPSCounts(promoters: 3, passives: 2, detractors: 1))
        #expect(tooSmall.difference.unavailable?.message == "not enough data: n = 1 in baseline (an NPS interval needs n ≥ 2)")
        // NPS 33.33… − 100
        #expect(isClose(tooSmall.difference.estimate, -200.0 / 3, rel: 1e-15))
    }
}
