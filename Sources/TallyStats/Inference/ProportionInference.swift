/// Successes out of trials for one group (e.g. contacts resolved at first contact out of all contacts).
public struct ProportionCounts: Sendable, Codable, Equatable {
    /// Number of successes.
    public var successes: Int
    /// Number of trials.
    public var trials: Int

    /// Creates counts (validated by the functions that use them).
    public init(successes: Int, trials: Int) {
        self.successes = successes
        self.trials = trials
    }

    /// Counts the `true` outcomes among `outcomes`.
    public init(outcomes: [Bool]) {
        self.successes = outcomes.reduce(0) { $0 + ($1 ? 1 : 0) }
        self.trials = outcomes.count
    }

    /// successes / trials, nil when there are no trials.
    public var proportion: Double? { trials > 0 ? Double(successes) / Double(trials) : nil }

    /// The reason these counts are unusable for `group`, or nil.
    func problem(group: String) -> Unavailability? {
        if trials < 0 || successes < 0 || successes > trials {
            return Unavailability(
                .invalidInput, "invalid counts in \(group): \(successes) successes out of \(trials) trials")
        }
        if trials == 0 { return Unavailability(.notEnoughData, "not enough data: n = 0 in \(group)") }
        return nil
    }

    /// Caveats about the size and balance of these counts.
    var caveats: [InferenceCaveat] {
        var result = InferenceSupport.sizeCaveats([trials])
        if min(successes, trials - successes) < 5 { result.append(.fewEvents) }
        if successes == 0 || successes == trials { result.append(.boundaryProportion) }
        return result
    }
}

/// Intervals for one proportion (Wilson score).
public enum ProportionInference {
    /// The Wilson score interval for successes / trials on the 0…1 scale (bounds exact at 0 and 1).
    public static func wilson(successes: Int, trials: Int, level: Double = 0.95) -> IntervalEstimate {
        let counts = ProportionCounts(successes: successes, trials: trials)
        let sizes = [trials]
        if let problem = InferenceSupport.levelProblem(level) ?? counts.problem(group: "this phase") {
            return .unavailable(.wilson, level: level, sampleSizes: sizes, problem)
        }
        let (lower, upper) = wilsonBounds(successes: successes, trials: trials, z: InferenceSupport.normalCritical(level))
        return IntervalEstimate(
            method: .wilson, level: level, estimate: Double(successes) / Double(trials), lower: lower, upper: upper,
            sampleSizes: sizes, caveats: InferenceSupport.unique(counts.caveats))
    }

    /// Wilson bounds for valid counts (trials > 0): (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    static func wilsonBounds(successes: Int, trials: Int, z: Double) -> (lower: Double, upper: Double) {
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let lower = successes == 0 ? 0 : max(0, centre - halfWidth)
        let upper = successes == trials ? 1 : min(1, centre + halfWidth)
        return (lower, upper)
    }
}
