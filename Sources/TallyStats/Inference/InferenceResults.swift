/// Stable identifiers of the statistical methods, written to results.json and read by the wording layer.
public enum InferenceMethod: String, Sendable, Codable, Hashable, CaseIterable {
    /// Wilson score interval for a proportion (no continuity correction).
    case wilson = "wilson"
    /// Student t interval for a mean.
    case studentT = "student-t"
    /// NPS interval from the multinomial variance and a normal approximation.
    case npsMultinomialNormal = "nps-multinomial-normal"
    /// Distribution-free interval for a quantile from order statistics and the binomial distribution.
    case orderStatistic = "order-statistic-binomial"
    /// Newcombe's hybrid score interval (method 10) for a difference of proportions.
    case newcombeHybridScore = "newcombe-hybrid-score"
    /// Two-proportion z-test with the pooled proportion under the null.
    case twoProportionZPooled = "two-proportion-z-pooled"
    /// Welch's unequal-variance t-test and interval (Welch–Satterthwaite degrees of freedom).
    case welchT = "welch-t"
    /// Hedges' g with the exact small-sample correction J and a normal-approximation interval.
    case hedgesG = "hedges-g"
    /// Mann–Whitney U test, normal approximation with tie and continuity corrections.
    case mannWhitneyNormal = "mann-whitney-u-normal-tie-corrected-cc"
    /// Mann–Whitney U test with the exact null distribution (no ties).
    case mannWhitneyExact = "mann-whitney-u-exact"
    /// Hodges–Lehmann shift estimate with its distribution-free interval.
    case hodgesLehmann = "hodges-lehmann"
    /// Difference of two independent NPS values (sum of multinomial variances, normal approximation).
    case npsDifferenceNormal = "nps-difference-normal"
    /// Holm–Bonferroni step-down adjustment of a family of p-values.
    case holmBonferroni = "holm-bonferroni"
}

/// Why a number could not be computed: a stable code plus an English sentence with the specifics.
public struct Unavailability: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Stable machine-readable category.
    public var code: Code
    /// One sentence naming the group and the count, e.g. "not enough data: n = 1 in baseline".
    public var message: String

    /// The categories of unavailability.
    public enum Code: String, Sendable, Codable, Hashable {
        /// Too few observations for the statistic (the message says how many there are and are needed).
        case notEnoughData = "not-enough-data"
        /// The data have no spread (constant values), so a standard error is zero.
        case zeroVariance = "zero-variance"
        /// The baseline value is zero, so a relative change is undefined.
        case zeroBaseline = "zero-baseline"
        /// Inputs outside the domain: negative counts, successes above trials, non-finite values, a level
        /// outside (0, 1).
        case invalidInput = "invalid-input"
    }

    /// Creates a reason.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Warnings attached to a computed result, for the wording layer to turn into English.
public enum InferenceCaveat: String, Sendable, Codable, Hashable, CaseIterable {
    /// Some group has fewer than `InferenceCaveat.smallSampleThreshold` (30) observations.
    case smallSample = "small-sample"
    /// Some group has fewer than 5 successes or 5 failures: normal approximations are rough.
    case fewEvents = "few-events"
    /// Some group's proportion is exactly 0 or 1.
    case boundaryProportion = "boundary-proportion"
    /// Some group has zero variance (all values equal).
    case zeroVariance = "zero-variance"
    /// Tied values: the exact rank distribution does not apply; the tie-corrected normal one is used.
    case ties = "ties"
    /// A discrete interval could not reach the requested level (see `achievedLevel`).
    case achievedLevelBelowNominal = "achieved-level-below-nominal"
    /// A normal-approximation interval crossed the range of the parameter and was clipped to it.
    case intervalClipped = "interval-clipped"
    /// The normal approximation was used (large samples, or ties) rather than an exact distribution.
    case normalApproximation = "normal-approximation"

    /// Groups smaller than this are flagged `smallSample`.
    public static let smallSampleThreshold = 30
}

/// A point estimate with its confidence interval; missing numbers are nil and `unavailable` says why.
public struct IntervalEstimate: Sendable, Codable, Equatable {
    /// How the interval was computed.
    public var method: InferenceMethod
    /// The requested confidence level, e.g. 0.95.
    public var level: Double
    /// The point estimate (nil only when there is nothing to estimate from).
    public var estimate: Double?
    /// Lower confidence bound.
    public var lower: Double?
    /// Upper confidence bound.
    public var upper: Double?
    /// The exact coverage of a discrete interval (order statistics, exact rank test), when known.
    public var achievedLevel: Double?
    /// Observations per group: one entry for a single phase, [baseline, later] for a comparison.
    public var sampleSizes: [Int]
    /// Warnings for the reader.
    public var caveats: [InferenceCaveat]
    /// Why the estimate or an interval bound is missing.
    public var unavailable: Unavailability?

    /// Creates an interval estimate (all numbers finite by construction of the callers).
    public init(
        method: InferenceMethod, level: Double, estimate: Double?, lower: Double?, upper: Double?,
        achievedLevel: Double? = nil, sampleSizes: [Int], caveats: [InferenceCaveat] = [],
        unavailable: Unavailability? = nil
    ) {
        self.method = method
        // A non-finite requested level (rejected with a reason) is stored as 0 so results stay encodable.
        self.level = level.isFinite ? level : 0
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.achievedLevel = achievedLevel
        self.sampleSizes = sampleSizes
        self.caveats = caveats
        self.unavailable = unavailable
    }

    /// An estimate with nothing computed.
    static func unavailable(
        _ method: InferenceMethod, level: Double, sampleSizes: [Int], _ reason: Unavailability,
        estimate: Double? = nil, caveats: [InferenceCaveat] = []
    ) -> IntervalEstimate {
        IntervalEstimate(
            method: method, level: level, estimate: estimate, lower: nil, upper: nil,
            sampleSizes: sampleSizes, caveats: caveats, unavailable: reason)
    }
}

/// The outcome of a two-sided hypothesis test; missing numbers are nil and `unavailable` says why.
public struct HypothesisTest: Sendable, Codable, Equatable {
    /// Which test.
    public var method: InferenceMethod
    /// The test statistic (t, z, or U of the later group).
    public var statistic: Double?
    /// Degrees of freedom, for t-based tests.
    public var degreesOfFreedom: Double?
    /// The standardised statistic, when the statistic itself is not a z (Mann–Whitney normal approximation).
    public var zScore: Double?
    /// Two-sided p-value.
    public var pValue: Double?
    /// Always "two-sided" for now.
    public var alternative: String
    /// Observations per group, [baseline, later].
    public var sampleSizes: [Int]
    /// Warnings for the reader.
    public var caveats: [InferenceCaveat]
    /// Why the statistic or p-value is missing.
    public var unavailable: Unavailability?

    /// Creates a test result.
    public init(
        method: InferenceMethod, statistic: Double?, degreesOfFreedom: Double? = nil, zScore: Double? = nil,
        pValue: Double?, sampleSizes: [Int], caveats: [InferenceCaveat] = [], unavailable: Unavailability? = nil
    ) {
        self.method = method
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.zScore = zScore
        self.pValue = pValue
        self.alternative = "two-sided"
        self.sampleSizes = sampleSizes
        self.caveats = caveats
        self.unavailable = unavailable
    }

    /// A test that could not be run.
    static func unavailable(
        _ method: InferenceMethod, sampleSizes: [Int], _ reason: Unavailability, caveats: [InferenceCaveat] = []
    ) -> HypothesisTest {
        HypothesisTest(
            method: method, statistic: nil, pValue: nil, sampleSizes: sampleSizes, caveats: caveats,
            unavailable: reason)
    }
}

/// A single number that may be undefined (e.g. a relative change from a zero baseline).
public struct PointEstimate: Sendable, Codable, Equatable {
    /// The value, when defined.
    public var value: Double?
    /// Why the value is missing.
    public var unavailable: Unavailability?

    /// A defined value.
    public init(_ value: Double) {
        self.value = value
        self.unavailable = nil
    }

    /// An undefined value with its reason.
    public init(unavailable reason: Unavailability) {
        self.value = nil
        self.unavailable = reason
    }
}

/// Shared checks and helpers of the inference functions.
enum InferenceSupport {
    /// The reason a confidence level is unusable, or nil when it lies strictly between 0 and 1.
    static func levelProblem(_ level: Double) -> Unavailability? {
        if level > 0 && level < 1 { return nil }
        return Unavailability(.invalidInput, "confidence level must lie strictly between 0 and 1 (got \(level))")
    }

    /// The two-sided critical normal value z with P(Z > z) = (1 − level)/2.
    static func normalCritical(_ level: Double) -> Double {
        Distributions.Normal.inverseSurvival((1 - level) / 2)
    }

    /// The reason `values` cannot be used (a NaN or infinity), or nil.
    static func nonFiniteProblem(_ values: [Double], group: String) -> Unavailability? {
        guard let index = values.firstIndex(where: { !$0.isFinite }) else { return nil }
        return Unavailability(
            .invalidInput, "non-finite value \(values[index]) at position \(index + 1) in \(group)")
    }

    /// The reason a summary supplied by the caller is unusable (negative count, non-finite or negative
    /// statistics), or nil.
    static func summaryProblem(_ summary: SampleSummary, group: String) -> Unavailability? {
        if summary.count < 0 { return Unavailability(.invalidInput, "negative count in \(group)") }
        if let mean = summary.mean, !mean.isFinite {
            return Unavailability(.invalidInput, "non-finite mean \(mean) in \(group)")
        }
        if let variance = summary.variance, !(variance.isFinite && variance >= 0) {
            return Unavailability(.invalidInput, "invalid variance \(variance) in \(group)")
        }
        return nil
    }

    /// Caveats in first-seen order without duplicates.
    static func unique(_ caveats: [InferenceCaveat]) -> [InferenceCaveat] {
        var seen = Set<InferenceCaveat>()
        return caveats.filter { seen.insert($0).inserted }
    }

    /// `smallSample` when any of the sizes is below the threshold.
    static func sizeCaveats(_ sizes: [Int]) -> [InferenceCaveat] {
        sizes.contains(where: { $0 < InferenceCaveat.smallSampleThreshold }) ? [.smallSample] : []
    }
}

// Explicit nulls in results.json: a missing bound is written as `null` next to its `unavailable` reason
// rather than silently omitted, so every consumer sees the same keys for every result. Decoding is the
// synthesised one (it accepts both null and absent keys).

extension IntervalEstimate {
    /// Encodes every field, writing `null` for missing numbers and reasons.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(level, forKey: .level)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(achievedLevel, forKey: .achievedLevel)
        try container.encode(sampleSizes, forKey: .sampleSizes)
        try container.encode(caveats, forKey: .caveats)
        try container.encode(unavailable, forKey: .unavailable)
    }
}

extension HypothesisTest {
    /// Encodes every field, writing `null` for missing numbers and reasons.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(statistic, forKey: .statistic)
        try container.encode(degreesOfFreedom, forKey: .degreesOfFreedom)
        try container.encode(zScore, forKey: .zScore)
        try container.encode(pValue, forKey: .pValue)
        try container.encode(alternative, forKey: .alternative)
        try container.encode(sampleSizes, forKey: .sampleSizes)
        try container.encode(caveats, forKey: .caveats)
        try container.encode(unavailable, forKey: .unavailable)
    }
}

extension PointEstimate {
    /// Encodes both fields, writing `null` for the missing one.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(unavailable, forKey: .unavailable)
    }
}
