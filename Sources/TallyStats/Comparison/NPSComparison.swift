/// A later phase's NPS against the baseline's (independent samples).
public struct NPSComparison: Sendable, Codable, Equatable {
    /// Baseline counts.
    public var baseline: NPSCounts
    /// Later-phase counts.
    public var later: NPSCounts
    /// NPS_later − NPS_baseline in NPS points, interval from the sum of the two multinomial variances.
    public var difference: IntervalEstimate
    /// z = difference / standard error, two-sided normal p-value.
    public var test: HypothesisTest
    /// Union of the caveats of the parts.
    public var caveats: [InferenceCaveat]
}

extension NPSInference {
    /// Compares two independent NPS samples: difference ± z √(Var₁ + Var₂) (clipped to −200…200) and its z-test.
    public static func compare(baseline: NPSCounts, later: NPSCounts, level: Double = 0.95) -> NPSComparison {
        let sizes = [baseline.total, later.total]
        let method = InferenceMethod.npsDifferenceNormal
        let problem =
            InferenceSupport.levelProblem(level) ?? baseline.problem(group: "baseline")
            ?? later.problem(group: "later phase")
        let estimate = baseline.score.flatMap { first in later.score.map { $0 - first } }
        if let problem {
            return NPSComparison(
                baseline: baseline, later: later,
                difference: .unavailable(method, level: level, sampleSizes: sizes, problem, estimate: estimate),
                test: .unavailable(method, sampleSizes: sizes, problem), caveats: [])
        }
        var caveats = InferenceSupport.sizeCaveats(sizes)
        let difference = estimate ?? 0
        let variance = baseline.varianceOfDifference + later.varianceOfDifference
        if baseline.varianceOfDifference == 0 || later.varianceOfDifference == 0 { caveats.append(.zeroVariance) }
        guard variance > 0 else {
            // Both variances are zero, so both groups have a zero-variance reason.
            let parts = [baseline.zeroVarianceProblem(group: "baseline"), later.zeroVarianceProblem(group: "later phase")]
            let reason = Unavailability(
                .zeroVariance,
                "zero variance: " + parts.compactMap { $0?.message.replacingPrefix("zero variance: ") }.joined(separator: " and "))
            return NPSComparison(
                baseline: baseline, later: later,
                difference: .unavailable(method, level: level, sampleSizes: sizes, reason, estimate: difference, caveats: caveats),
                test: .unavailable(method, sampleSizes: sizes, reason, caveats: caveats), caveats: caveats)
        }
        let standardError = 100 * variance.squareRoot()
        let z = InferenceSupport.normalCritical(level)
        var lower = difference - z * standardError
        var upper = difference + z * standardError
        if lower < -200 || upper > 200 {
            caveats.append(.intervalClipped)
            lower = max(lower, -200)
            upper = min(upper, 200)
        }
        let statistic = difference / standardError
        return NPSComparison(
            baseline: baseline, later: later,
            difference: IntervalEstimate(
                method: method, level: level, estimate: difference, lower: lower, upper: upper, sampleSizes: sizes,
                caveats: caveats),
            test: HypothesisTest(
                method: method, statistic: statistic, pValue: Distributions.Normal.twoSidedPValue(statistic),
                sampleSizes: sizes, caveats: caveats),
            caveats: caveats)
    }
}

extension String {
    /// This string without `prefix` when it starts with it.
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
