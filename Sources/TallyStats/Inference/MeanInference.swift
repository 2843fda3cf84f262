/// Intervals for one mean (Student t).
public enum MeanInference {
    /// The t interval mean ± t(1 − α/2, n − 1) s/√n of `values`.
    public static func tInterval(_ values: [Double], level: Double = 0.95) -> IntervalEstimate {
        if let problem = InferenceSupport.nonFiniteProblem(values, group: "this phase") {
            return .unavailable(.studentT, level: level, sampleSizes: [values.count], problem)
        }
        return tInterval(summary: SampleSummary(values), level: level)
    }

    /// The t interval from a count, mean and variance.
    public static func tInterval(summary: SampleSummary, level: Double = 0.95) -> IntervalEstimate {
        let n = summary.count
        let sizes = [n]
        if let problem = InferenceSupport.levelProblem(level)
            ?? InferenceSupport.summaryProblem(summary, group: "this phase")
        {
            return .unavailable(.studentT, level: level, sampleSizes: sizes, problem)
        }
        guard let mean = summary.mean, n > 0 else {
            return .unavailable(
                .studentT, level: level, sampleSizes: sizes,
                Unavailability(.notEnoughData, "not enough data: n = 0 in this phase"))
        }
        var caveats = InferenceSupport.sizeCaveats(sizes)
        guard n >= 2, let variance = summary.variance else {
            return .unavailable(
                .studentT, level: level, sampleSizes: sizes,
                Unavailability(.notEnoughData, "not enough data: n = 1 in this phase (an interval needs n ≥ 2)"),
                estimate: mean, caveats: caveats)
        }
        guard variance > 0 else {
            caveats.append(.zeroVariance)
            return .unavailable(
                .studentT, level: level, sampleSizes: sizes,
                Unavailability(.zeroVariance, "zero variance: all \(n) values in this phase equal \(mean)"),
                estimate: mean, caveats: caveats)
        }
        let standardError = (variance / Double(n)).squareRoot()
        let critical = Distributions.StudentT(degreesOfFreedom: Double(n - 1))?.inverseSurvival((1 - level) / 2) ?? 0
        return IntervalEstimate(
            method: .studentT, level: level, estimate: mean, lower: mean - critical * standardError,
            upper: mean + critical * standardError, sampleSizes: sizes, caveats: caveats)
    }
}
