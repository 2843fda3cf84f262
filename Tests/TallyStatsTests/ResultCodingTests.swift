import Foundation
import Testing

@testable import TallyStats

/// Results round-trip through JSON unrounded, with stable method and reason identifiers.
@Suite struct ResultCodingTests {
    @Test func comparisonsRoundTripThroughJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let welch = MeanInference.welch(baseline: InferenceData.welchBaseline, later: InferenceData.welchLater)
        let decodedWelch = try JSONDecoder().decode(MeanComparison.self, from: encoder.encode(welch))
        #expect(decodedWelch == welch)

        let shift = RankInference.compare(baseline: InferenceData.exactBaseline, later: InferenceData.exactLater)
        let decodedShift = try JSONDecoder().decode(ShiftComparison.self, from: encoder.encode(shift))
        #expect(decodedShift == shift)

        let proportions = ProportionInference.compare(
            baseline: ProportionCounts(successes: 0, trials: 0), later: ProportionCounts(successes: 1, trials: 2))
        let text = String(decoding: try encoder.encode(proportions), as: UTF8.self)
        #expect(text.contains("\"method\":\"newcombe-hybrid-score\""))
        #expect(text.contains("\"code\":\"not-enough-data\""))
        #expect(try JSONDecoder().decode(ProportionComparison.self, from: encoder.encode(proportions)) == proportions)

        let nps = NPSInference.compare(
            baseline: NPSCounts(promoters: 5, passives: 0, detractors: 0),
            later: NPSCounts(promoters: 8, passives: 1, detractors: 1))
        #expect(try JSONDecoder().decode(NPSComparison.self, from: encoder.encode(nps)) == nps)
    }

    @Test func invalidInputsStillEncode() throws {
        // NaN levels, NaN data and NaN summaries are rejected with a reason and never reach the JSON.
        let encoder = JSONEncoder()
        let nanLevel = ProportionInference.wilson(successes: 1, trials: 3, level: .nan)
        #expect(nanLevel.unavailable?.code == .invalidInput)
        _ = try encoder.encode(nanLevel)
        let nanData = RankInference.compare(baseline: [1, .nan], later: [2, 3])
        #expect(nanData.baselineMedian == nil)
        _ = try encoder.encode(nanData)
        let nanSummary = MeanInference.welch(
            baseline: SampleSummary(count: 3, mean: .nan, variance: 1), later: SampleSummary(count: 3, mean: 1, variance: 1))
        #expect(nanSummary.test.unavailable?.message == "non-finite mean nan in baseline")
        _ = try encoder.encode(nanSummary)
        let badVariance = MeanInference.tInterval(summary: SampleSummary(count: 3, mean: 1, variance: -1))
        #expect(badVariance.unavailable?.code == .invalidInput)
        _ = try encoder.encode(MeanInference.welch(baseline: [1, .infinity], later: [2, 3], level: .infinity))
    }

    @Test func methodIdentifiersAreStable() {
        #expect(InferenceMethod.wilson.rawValue == "wilson")
        #expect(InferenceMethod.newcombeHybridScore.rawValue == "newcombe-hybrid-score")
        #expect(InferenceMethod.welchT.rawValue == "welch-t")
        #expect(InferenceMethod.mannWhitneyNormal.rawValue == "mann-whitney-u-normal-tie-corrected-cc")
        #expect(InferenceMethod.mannWhitneyExact.rawValue == "mann-whitney-u-exact")
        #expect(InferenceMethod.hodgesLehmann.rawValue == "hodges-lehmann")
        #expect(InferenceCaveat.smallSample.rawValue == "small-sample")
    }

    @Test func everyComputedNumberIsFinite() {
        // A sweep over small and degenerate inputs: nothing may produce NaN or infinity.
        var numbers: [Double] = []
        let samples: [[Double]] = [[], [1], [2, 2], [1, 2], [5, 5, 5, 9], InferenceData.exactBaseline]
        for first in samples {
            numbers += collect(MeanInference.tInterval(first))
            numbers += collect(QuantileInference.medianInterval(first))
            for second in samples {
                let welch = MeanInference.welch(baseline: first, later: second)
                numbers += collect(welch.difference) + collect(welch.effectSize) + collect(welch.test)
                let shift = RankInference.compare(baseline: first, later: second)
                numbers += collect(shift.shift) + collect(shift.test)
            }
        }
        for successes in 0...3 {
            for trials in successes...3 {
                numbers += collect(ProportionInference.wilson(successes: successes, trials: trials))
                let comparison = ProportionInference.compare(
                    baseline: ProportionCounts(successes: successes, trials: trials),
                    later: ProportionCounts(successes: 0, trials: 3))
                numbers += collect(comparison.difference) + collect(comparison.test)
            }
        }
        #expect(!numbers.isEmpty)
        #expect(numbers.allSatisfy { $0.isFinite })
    }

    func collect(_ estimate: IntervalEstimate) -> [Double] {
        [estimate.estimate, estimate.lower, estimate.upper, estimate.achievedLevel].compactMap { $0 }
    }

    func collect(_ test: HypothesisTest) -> [Double] {
        [test.statistic, test.degreesOfFreedom, test.zScore, test.pValue].compactMap { $0 }
    }
}

/// Missing numbers are written as explicit nulls beside their reason.
@Suite struct ExplicitNullTests {
    @Test func missingBoundsAreNull() throws {
        let single = MeanInference.tInterval([4.5])
        let text = String(decoding: try JSONEncoder().encode(single), as: UTF8.self)
        #expect(text.contains("\"lower\":null"))
        #expect(text.contains("\"upper\":null"))
        #expect(text.contains("\"estimate\":4.5"))
        #expect(try JSONDecoder().decode(IntervalEstimate.self, from: Data(text.utf8)) == single)
    }
}
