/// A later phase's distribution against the baseline's for skewed data (e.g. handling times):
/// Mann–Whitney U test and the Hodges–Lehmann shift with its distribution-free interval.
public struct ShiftComparison: Sendable, Codable, Equatable {
    /// Baseline median (nil when empty).
    public var baselineMedian: Double?
    /// Later-phase median (nil when empty).
    public var laterMedian: Double?
    /// Mann–Whitney U test; `statistic` is U of the later phase (pairs later > baseline, ties count ½).
    public var test: HypothesisTest
    /// Hodges–Lehmann estimate (median of later − baseline differences) with its interval.
    public var shift: IntervalEstimate
    /// U / (m·n): P(later > baseline) + ½ P(tie), the common-language effect size.
    public var probabilityOfSuperiority: Double?
    /// Which U distribution gave the interval's critical values (exact or normal approximation).
    public var intervalCriticalValues: InferenceMethod?
    /// Union of the caveats of the parts.
    public var caveats: [InferenceCaveat]
}

/// Rank-based comparison of two independent samples.
public enum RankInference {
    /// Both samples at most this large and no ties: exact U distribution; otherwise the normal approximation.
    public static let exactLimit = 50

    /// Mann–Whitney U test, Hodges–Lehmann shift (later − baseline) and its interval at `level`.
    ///
    /// - Test: exact two-sided p = min(1, 2 P(U ≥ max(U₁, U₂))) when there are no ties and both n ≤ 50
    ///   (SciPy `method='exact'`); otherwise z = (max(U₁, U₂) − mn/2 − ½)/σ with the tie-corrected
    ///   σ² = mn/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))), p = min(1, 2 (1 − Φ(z))) (SciPy `'asymptotic'`).
    ///   `zScore` carries that z with the sign of U_later − mn/2.
    /// - Interval: [D₍q₎, D₍mn+1−q₎] over the sorted differences D, with q the smallest integer such that
    ///   P(U ≤ q) ≥ α/2 (exact), or q = ⌈mn/2 − ½ − z₁₋α/₂ σ⌉ (normal, continuity-corrected); q ≥ 1.
    ///   `achievedLevel` = 1 − 2 P(U ≤ q − 1) under the distribution used.
    public static func compare(baseline: [Double], later: [Double], level: Double = 0.95) -> ShiftComparison {
        let sizes = [baseline.count, later.count]
        let problem =
            InferenceSupport.levelProblem(level)
            ?? InferenceSupport.nonFiniteProblem(baseline, group: "baseline")
            ?? InferenceSupport.nonFiniteProblem(later, group: "later phase")
            ?? (baseline.isEmpty ? Unavailability(.notEnoughData, "not enough data: n = 0 in baseline") : nil)
            ?? (later.isEmpty ? Unavailability(.notEnoughData, "not enough data: n = 0 in later phase") : nil)
        if let problem {
            return ShiftComparison(
                baselineMedian: finiteMedian(baseline), laterMedian: finiteMedian(later),
                test: .unavailable(.mannWhitneyNormal, sampleSizes: sizes, problem),
                shift: .unavailable(.hodgesLehmann, level: level, sampleSizes: sizes, problem),
                probabilityOfSuperiority: nil, intervalCriticalValues: nil, caveats: [])
        }
        let sortedBaseline = Sorting.ascending(baseline)
        let sortedLater = Sorting.ascending(later)
        let m = Double(baseline.count)
        let n = Double(later.count)
        let pairs = m * n
        let total = m + n

        // Rank sum of the later group and the tie term, by merging the two sorted samples.
        let pooled = RankInference.mergedRanks(sortedBaseline: sortedBaseline, sortedLater: sortedLater)
        let uLater = pooled.laterRankSum - n * (n + 1) / 2
        let uMax = max(uLater, pairs - uLater)
        let tieTerm = pooled.tieTerm
        let hasTies = pooled.largestTieGroup > 1
        let exact = !hasTies && baseline.count <= exactLimit && later.count <= exactLimit

        var caveats = InferenceSupport.sizeCaveats(sizes)
        if hasTies { caveats.append(.ties) }
        if !exact { caveats.append(.normalApproximation) }

        let differences = PairwiseDifferences(sortedBaseline: sortedBaseline, sortedLater: sortedLater)
        let estimate = differences.median()
        let medians = (Descriptive.quantile(sorted: sortedBaseline, probability: 0.5),
                       Descriptive.quantile(sorted: sortedLater, probability: 0.5))

        let allEqual = pooled.largestTieGroup == baseline.count + later.count
        if allEqual {
            caveats.append(.zeroVariance)
            let reason = Unavailability(
                .zeroVariance, "zero variance: all \(baseline.count + later.count) values in both groups are equal")
            return ShiftComparison(
                baselineMedian: medians.0, laterMedian: medians.1,
                test: .unavailable(.mannWhitneyNormal, sampleSizes: sizes, reason, caveats: caveats),
                shift: .unavailable(.hodgesLehmann, level: level, sampleSizes: sizes, reason, estimate: estimate, caveats: caveats),
                probabilityOfSuperiority: uLater / pairs, intervalCriticalValues: nil, caveats: caveats)
        }

        let sigma = (pairs / 12 * ((total + 1) - tieTerm / (total * (total - 1)))).squareRoot()
        let alpha = 1 - level
        let test: HypothesisTest
        let q: Int
        let achieved: Double
        if exact {
            let null = MannWhitneyNullDistribution(baseline.count, later.count)
            let p = min(1, 2 * null.survivalIncluding(Int(uMax.rounded())))
            test = HypothesisTest(
                method: .mannWhitneyExact, statistic: uLater, pValue: p, sampleSizes: sizes, caveats: caveats)
            q = max(1, null.quantile(alpha / 2))
            achieved = 1 - 2 * null.cdf(q - 1)
        } else {
            let centred = uLater - pairs / 2
            let magnitude = max(0, abs(centred) - 0.5) / sigma
            let z = centred < 0 ? -magnitude : magnitude
            let p = min(1, 2 * Distributions.Normal.survival((abs(centred) - 0.5) / sigma))
            test = HypothesisTest(
                method: .mannWhitneyNormal, statistic: uLater, zScore: z, pValue: p, sampleSizes: sizes,
                caveats: caveats)
            let critical = InferenceSupport.normalCritical(level)
            let raw = (pairs / 2 - 0.5 - critical * sigma).rounded(.up)
            q = max(1, Int(min(raw, (pairs / 2).rounded(.down))))
            achieved = 1 - 2 * Distributions.Normal.cdf((Double(q) - 0.5 - pairs / 2) / sigma)
        }
        if achieved < level { caveats.append(.achievedLevelBelowNominal) }
        let pairCount = differences.count
        let shift = IntervalEstimate(
            method: .hodgesLehmann, level: level, estimate: estimate, lower: differences.orderStatistic(q),
            upper: differences.orderStatistic(pairCount + 1 - q), achievedLevel: achieved, sampleSizes: sizes,
            caveats: caveats)
        return ShiftComparison(
            baselineMedian: medians.0, laterMedian: medians.1, test: test, shift: shift,
            probabilityOfSuperiority: uLater / pairs, intervalCriticalValues: exact ? .mannWhitneyExact : .mannWhitneyNormal,
            caveats: caveats)
    }

    /// The later group's rank sum in the pooled sample (average ranks for ties), Σ(t³ − t) over tie groups
    /// and the largest tie group, in one merge of the two sorted samples.
    static func mergedRanks(
        sortedBaseline x: [Double], sortedLater y: [Double]
    ) -> (laterRankSum: Double, tieTerm: Double, largestTieGroup: Int) {
        var i = 0
        var j = 0
        var position = 0
        var laterRankSum = 0.0
        var tieTerm = 0.0
        var largest = 0
        while i < x.count || j < y.count {
            let value: Double
            if i < x.count && j < y.count { value = min(x[i], y[j]) } else if i < x.count { value = x[i] } else { value = y[j] }
            var inBaseline = 0
            while i < x.count && x[i] == value {
                i += 1
                inBaseline += 1
            }
            var inLater = 0
            while j < y.count && y[j] == value {
                j += 1
                inLater += 1
            }
            let size = inBaseline + inLater
            // Positions position+1 … position+size share the average rank.
            let rank = Double(position) + Double(size + 1) / 2
            laterRankSum += Double(inLater) * rank
            if size > 1 {
                let t = Double(size)
                tieTerm += t * t * t - t
            }
            largest = max(largest, size)
            position += size
        }
        return (laterRankSum, tieTerm, largest)
    }

    /// The median when every value is finite, else nil.
    static func finiteMedian(_ values: [Double]) -> Double? {
        values.allSatisfy(\.isFinite) ? Descriptive.median(values) : nil
    }
}
