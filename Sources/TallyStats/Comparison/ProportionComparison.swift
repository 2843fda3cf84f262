/// A later phase's proportion against the baseline's: difference, interval, test and relative change.
public struct ProportionComparison: Sendable, Codable, Equatable {
    /// Baseline counts.
    public var baseline: ProportionCounts
    /// Later-phase counts.
    public var later: ProportionCounts
    /// later − baseline in percentage points, with Newcombe's hybrid score interval (method 10).
    public var difference: IntervalEstimate
    /// Two-proportion z-test with the pooled proportion.
    public var test: HypothesisTest
    /// (p_later − p_baseline) / p_baseline × 100.
    public var relativeChangePercent: PointEstimate
    /// Union of the caveats of the parts.
    public var caveats: [InferenceCaveat]
}

extension ProportionInference {
    /// Compares `later` with `baseline`: Newcombe hybrid-score interval of the difference (in percentage
    /// points), pooled two-proportion z-test (two-sided), relative change.
    public static func compare(
        baseline: ProportionCounts, later: ProportionCounts, level: Double = 0.95
    ) -> ProportionComparison {
        let sizes = [baseline.trials, later.trials]
        let problem =
            InferenceSupport.levelProblem(level) ?? baseline.problem(group: "baseline")
            ?? later.problem(group: "later phase")
        if let problem {
            return ProportionComparison(
                baseline: baseline, later: later,
                difference: .unavailable(.newcombeHybridScore, level: level, sampleSizes: sizes, problem),
                test: .unavailable(.twoProportionZPooled, sampleSizes: sizes, problem),
                relativeChangePercent: PointEstimate(unavailable: problem), caveats: [])
        }
        let caveats = InferenceSupport.unique(baseline.caveats + later.caveats)
        let n1 = Double(baseline.trials)
        let n2 = Double(later.trials)
        let p1 = Double(baseline.successes) / n1
        let p2 = Double(later.successes) / n2
        let theta = p2 - p1

        // Newcombe (1998) method 10: combine the two Wilson intervals.
        let z = InferenceSupport.normalCritical(level)
        let (l1, u1) = wilsonBounds(successes: baseline.successes, trials: baseline.trials, z: z)
        let (l2, u2) = wilsonBounds(successes: later.successes, trials: later.trials, z: z)
        let lowerDistance = ((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1)).squareRoot()
        let upperDistance = ((u2 - p2) * (u2 - p2) + (p1 - l1) * (p1 - l1)).squareRoot()
        let difference = IntervalEstimate(
            method: .newcombeHybridScore, level: level, estimate: 100 * theta,
            lower: 100 * max(-1, theta - lowerDistance), upper: 100 * min(1, theta + upperDistance),
            sampleSizes: sizes, caveats: caveats)

        // Pooled z-test.
        let pooled = Double(baseline.successes + later.successes) / (n1 + n2)
        let test: HypothesisTest
        if pooled == 0 || pooled == 1 {
            let outcome = pooled == 0 ? "no successes" : "only successes"
            test = .unavailable(
                .twoProportionZPooled, sampleSizes: sizes,
                Unavailability(.zeroVariance, "zero variance: both groups have \(outcome)"), caveats: caveats)
        } else {
            let standardError = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
            let statistic = theta / standardError
            test = HypothesisTest(
                method: .twoProportionZPooled, statistic: statistic,
                pValue: Distributions.Normal.twoSidedPValue(statistic), sampleSizes: sizes, caveats: caveats)
        }

        let relative =
            p1 == 0
            ? PointEstimate(
                unavailable: Unavailability(.zeroBaseline, "relative change undefined: the baseline proportion is 0"))
            : PointEstimate(100 * theta / p1)
        return ProportionComparison(
            baseline: baseline, later: later, difference: difference, test: test, relativeChangePercent: relative,
            caveats: caveats)
    }
}
