import Testing

@testable import TallyStats

/// Wilson intervals, Newcombe differences and the pooled z-test against statsmodels, plus every degenerate case.
@Suite struct ProportionInferenceTests {
    @Test func wilsonMatchesStatsmodels() {
        for (x, n, level, lower, upper) in InferenceReferences.wilson {
            let result = ProportionInference.wilson(successes: x, trials: n, level: level)
            #expect(result.method == .wilson)
            #expect(result.unavailable == nil)
            #expect(isClose(result.estimate, Double(x) / Double(n), rel: 1e-15))
            #expect(isClose(result.lower, lower, rel: 1e-9), "wilson(\(x)/\(n), \(level)) lower")
            #expect(isClose(result.upper, upper, rel: 1e-9), "wilson(\(x)/\(n), \(level)) upper")
            #expect(result.sampleSizes == [n])
        }
    }

    @Test func countsFromOutcomes() {
        let counts = ProportionCounts(outcomes: [true, false, true, true])
        #expect(counts == ProportionCounts(successes: 3, trials: 4))
        #expect(counts.proportion == 0.75)
        #expect(ProportionCounts(outcomes: []).proportion == nil)
    }

    @Test func wilsonBoundaryProportionsAreExactAndFlagged() {
        let none = ProportionInference.wilson(successes: 0, trials: 10)
        #expect(none.lower == 0)
        #expect(none.caveats.contains(.boundaryProportion))
        #expect(none.caveats.contains(.fewEvents))
        #expect(none.caveats.contains(.smallSample))
        let all = ProportionInference.wilson(successes: 10, trials: 10)
        #expect(all.upper == 1)
        #expect(all.caveats.contains(.boundaryProportion))
        let large = ProportionInference.wilson(successes: 512, trials: 1000)
        #expect(large.caveats.isEmpty)
    }

    @Test func wilsonDegenerateInputs() {
        let empty = ProportionInference.wilson(successes: 0, trials: 0)
        #expect(empty.unavailable?.code == .notEnoughData)
        #expect(empty.unavailable?.message == "not enough data: n = 0 in this phase")
        #expect(empty.estimate == nil && empty.lower == nil && empty.upper == nil)
        #expect(ProportionInference.wilson(successes: 5, trials: 3).unavailable?.code == .invalidInput)
        #expect(ProportionInference.wilson(successes: -1, trials: 3).unavailable?.code == .invalidInput)
        for level in [0.0, 1.0, -0.5, .nan] {
            #expect(ProportionInference.wilson(successes: 1, trials: 3, level: level).unavailable?.code == .invalidInput)
        }
    }

    @Test func newcombeAndPooledZMatchStatsmodels() {
        for (x1, n1, x2, n2, level, lower, upper, z, p) in InferenceReferences.newcombe {
            let result = ProportionInference.compare(
                baseline: ProportionCounts(successes: x1, trials: n1), later: ProportionCounts(successes: x2, trials: n2),
                level: level)
            let theta = 100 * (Double(x2) / Double(n2) - Double(x1) / Double(n1))
            #expect(result.difference.method == .newcombeHybridScore)
            #expect(isClose(result.difference.estimate, theta, rel: 1e-12))
            #expect(isClose(result.difference.lower, lower, rel: 1e-9), "newcombe lower \(x1)/\(n1) vs \(x2)/\(n2)")
            #expect(isClose(result.difference.upper, upper, rel: 1e-9), "newcombe upper \(x1)/\(n1) vs \(x2)/\(n2)")
            #expect(result.test.method == .twoProportionZPooled)
            #expect(isClose(result.test.statistic, z, rel: 1e-9))
            #expect(isClose(result.test.pValue, p, rel: 1e-9))
            #expect(result.difference.sampleSizes == [n1, n2])
        }
    }

    @Test func relativeChange() {
        let result = ProportionInference.compare(
            baseline: ProportionCounts(successes: 45, trials: 120), later: ProportionCounts(successes: 62, trials: 118))
        // (62/118 − 45/120) / (45/120) × 100
        #expect(isClose(result.relativeChangePercent.value, 40.1129943502825, rel: 1e-12))
        let fromZero = ProportionInference.compare(
            baseline: ProportionCounts(successes: 0, trials: 20), later: ProportionCounts(successes: 3, trials: 25))
        #expect(fromZero.relativeChangePercent.value == nil)
        #expect(fromZero.relativeChangePercent.unavailable?.code == .zeroBaseline)
    }

    @Test func comparisonDegenerateCases() {
        let empty = ProportionInference.compare(
            baseline: ProportionCounts(successes: 0, trials: 0), later: ProportionCounts(successes: 3, trials: 25))
        #expect(empty.difference.unavailable?.message == "not enough data: n = 0 in baseline")
        #expect(empty.difference.estimate == nil)
        #expect(empty.test.pValue == nil)
        #expect(empty.test.unavailable?.code == .notEnoughData)

        let emptyLater = ProportionInference.compare(
            baseline: ProportionCounts(successes: 1, trials: 2), later: ProportionCounts(successes: 0, trials: 0))
        #expect(emptyLater.difference.unavailable?.message == "not enough data: n = 0 in later phase")

        // No successes anywhere: the difference and its interval exist, the z-test does not.
        let noSuccesses = ProportionInference.compare(
            baseline: ProportionCounts(successes: 0, trials: 15), later: ProportionCounts(successes: 0, trials: 12))
        #expect(noSuccesses.difference.estimate == 0)
        #expect(noSuccesses.difference.lower != nil && noSuccesses.difference.upper != nil)
        #expect((noSuccesses.difference.lower ?? 0) < 0 && (noSuccesses.difference.upper ?? 0) > 0)
        #expect(noSuccesses.test.unavailable?.code == .zeroVariance)
        #expect(noSuccesses.test.statistic == nil && noSuccesses.test.pValue == nil)
        #expect(noSuccesses.caveats.contains(.boundaryProportion))

        let allSuccesses = ProportionInference.compare(
            baseline: ProportionCounts(successes: 15, trials: 15), later: ProportionCounts(successes: 12, trials: 12))
        #expect(allSuccesses.test.unavailable?.message == "zero variance: both groups have only successes")
        #expect(allSuccesses.relativeChangePercent.value == 0)

        // n = 1 in each group is defined (if uninformative).
        let single = ProportionInference.compare(
            baseline: ProportionCounts(successes: 1, trials: 1), later: ProportionCounts(successes: 0, trials: 1))
        #expect(single.difference.estimate == -100)
        #expect(single.test.pValue != nil)
        #expect(single.difference.lower.map { $0 >= -100 } == true)
    }
}
