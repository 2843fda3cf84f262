/// Promoter, passive and detractor counts of one group of 0–10 "likelihood to recommend" answers.
public struct NPSCounts: Sendable, Codable, Equatable {
    /// Answers of 9 or 10.
    public var promoters: Int
    /// Answers of 7 or 8.
    public var passives: Int
    /// Answers of 0 to 6.
    public var detractors: Int

    /// Creates counts from the three categories.
    public init(promoters: Int, passives: Int, detractors: Int) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// Classifies 0–10 scores; scores outside 0…10 are not counted (see `outOfRange(scores:)`).
    public init(scores: [Int]) {
        var promoters = 0
        var passives = 0
        var detractors = 0
        for score in scores {
            switch score {
            case 9...10: promoters += 1
            case 7...8: passives += 1
            case 0...6: detractors += 1
            default: break
            }
        }
        self.init(promoters: promoters, passives: passives, detractors: detractors)
    }

    /// How many scores lie outside 0…10 (and were therefore not counted by `init(scores:)`).
    public static func outOfRange(scores: [Int]) -> Int { scores.filter { !(0...10).contains($0) }.count }

    /// All answers.
    public var total: Int { promoters + passives + detractors }

    /// NPS = 100 (p₊ − p₋) on −100…100, nil when there are no answers.
    public var score: Double? {
        guard total > 0 else { return nil }
        return 100 * (Double(promoters) - Double(detractors)) / Double(total)
    }

    /// Var(p̂₊ − p̂₋) = (p₊ + p₋ − (p₊ − p₋)²) / n on the proportion scale (multiply by 100² for NPS points).
    var varianceOfDifference: Double {
        let n = Double(total)
        let plus = Double(promoters) / n
        let minus = Double(detractors) / n
        let difference = plus - minus
        return max(0, plus + minus - difference * difference) / n
    }

    /// The reason these counts are unusable for `group`, or nil.
    func problem(group: String) -> Unavailability? {
        if promoters < 0 || passives < 0 || detractors < 0 {
            return Unavailability(.invalidInput, "negative NPS counts in \(group)")
        }
        if total < 2 {
            return Unavailability(
                .notEnoughData, "not enough data: n = \(total) in \(group) (an NPS interval needs n ≥ 2)")
        }
        return nil
    }

    /// The reason the variance is zero (every answer in one category), or nil.
    func zeroVarianceProblem(group: String) -> Unavailability? {
        guard varianceOfDifference == 0 else { return nil }
        let category = promoters == total ? "promoters" : (detractors == total ? "detractors" : "passives")
        return Unavailability(
            .zeroVariance, "zero variance: all \(total) answers in \(group) are \(category)")
    }
}

/// Intervals for a Net Promoter Score.
public enum NPSInference {
    /// NPS ± z · 100 √((p₊ + p₋ − (p₊ − p₋)²)/n), clipped to −100…100 (flagged when clipped).
    public static func interval(_ counts: NPSCounts, level: Double = 0.95) -> IntervalEstimate {
        let sizes = [counts.total]
        if let problem = InferenceSupport.levelProblem(level) ?? counts.problem(group: "this phase") {
            return .unavailable(.npsMultinomialNormal, level: level, sampleSizes: sizes, problem, estimate: counts.score)
        }
        let score = counts.score ?? 0
        var caveats = InferenceSupport.sizeCaveats(sizes)
        if let problem = counts.zeroVarianceProblem(group: "this phase") {
            caveats.append(.zeroVariance)
            return .unavailable(
                .npsMultinomialNormal, level: level, sampleSizes: sizes, problem, estimate: score, caveats: caveats)
        }
        let halfWidth = InferenceSupport.normalCritical(level) * 100 * counts.varianceOfDifference.squareRoot()
        var lower = score - halfWidth
        var upper = score + halfWidth
        if lower < -100 || upper > 100 {
            caveats.append(.intervalClipped)
            lower = max(lower, -100)
            upper = min(upper, 100)
        }
        return IntervalEstimate(
            method: .npsMultinomialNormal, level: level, estimate: score, lower: lower, upper: upper,
            sampleSizes: sizes, caveats: caveats)
    }
}
