import TallyCore

/// A confidence interval as stored in results.json.
public struct IntervalFacts: Sendable, Codable, Hashable {
    /// Lower bound.
    public var lower: Double
    /// Upper bound.
    public var upper: Double
    /// Confidence level, e.g. 0.95.
    public var level: Double
    /// Method id, e.g. "wilson".
    public var method: String

    /// Creates an interval.
    public init(lower: Double, upper: Double, level: Double, method: String) {
        self.lower = lower
        self.upper = upper
        self.level = level
        self.method = method
    }
}

/// A KPI's value in one phase.
public struct KPIPhaseValue: Sendable, Codable, Hashable {
    /// Phase id.
    public var phase: String
    /// The value (unrounded); nil when it cannot be computed.
    public var value: Double?
    /// Observations behind the value (non-missing rows used).
    public var n: Int
    /// Confidence interval, when defined.
    public var interval: IntervalFacts?
    /// Spreadsheet error shown instead of a value (e.g. "#DIV/0!"), or a reason when not computable.
    public var problem: String?

    /// Creates a phase value.
    public init(phase: String, value: Double?, n: Int, interval: IntervalFacts? = nil, problem: String? = nil) {
        self.phase = phase
        self.value = value
        self.n = n
        self.interval = interval
        self.problem = problem
    }
}

/// A later phase compared with the baseline.
public struct KPIComparison: Sendable, Codable, Hashable {
    /// The later phase's id.
    public var phase: String
    /// Baseline phase id.
    public var baseline: String
    /// Test/interval method ids, e.g. ["newcombe-hybrid-score", "two-proportion-z"].
    public var methods: [String]
    /// Difference later − baseline in the KPI's unit (fractions for proportions).
    public var difference: Double?
    /// Interval of the difference.
    public var interval: IntervalFacts?
    /// Relative change in % of the baseline value.
    public var relativeChange: Double?
    /// Test statistic.
    public var statistic: Double?
    /// Two-sided p-value.
    public var pValue: Double?
    /// Holm-adjusted p-value across the report's KPIs.
    public var holmPValue: Double?
    /// Effect size (e.g. Hedges' g) with its name.
    public var effectSize: Double?
    /// Name of the effect size.
    public var effectSizeName: String?
    /// Why the comparison could not be made, when it could not.
    public var notComputable: String?
    /// Caveats to state with the finding (small samples, unequal periods, time-ordered data, …).
    public var caveats: [String]

    /// Creates a comparison.
    public init(
        phase: String, baseline: String, methods: [String], difference: Double? = nil, interval: IntervalFacts? = nil,
        relativeChange: Double? = nil, statistic: Double? = nil, pValue: Double? = nil, holmPValue: Double? = nil,
        effectSize: Double? = nil, effectSizeName: String? = nil, notComputable: String? = nil, caveats: [String] = []
    ) {
        self.phase = phase
        self.baseline = baseline
        self.methods = methods
        self.difference = difference
        self.interval = interval
        self.relativeChange = relativeChange
        self.statistic = statistic
        self.pValue = pValue
        self.holmPValue = holmPValue
        self.effectSize = effectSize
        self.effectSizeName = effectSizeName
        self.notComputable = notComputable
        self.caveats = caveats
    }
}

/// Status of a KPI against its target, respecting whether higher or lower is better.
public enum TargetStatus: String, Sendable, Codable, Hashable {
    /// The latest value meets or beats the target.
    case met
    /// It falls short.
    case notMet = "not-met"
    /// No value or no target yet.
    case notYetMeasurable = "not-yet-measurable"
}

/// One row of the variance table: latest value against target and expected.
public struct VarianceRow: Sendable, Codable, Hashable {
    /// Baseline value.
    public var baseline: Double?
    /// Latest phase value.
    public var actual: Double?
    /// Target.
    public var target: Double?
    /// Expected (the plan's forecast).
    public var expected: Double?
    /// actual − target.
    public var varianceToTarget: Double?
    /// (actual − target) / |target| × 100.
    public var varianceToTargetPercent: Double?
    /// actual − expected.
    public var varianceToExpected: Double?
    /// (actual − expected) / |expected| × 100.
    public var varianceToExpectedPercent: Double?
    /// Status against the target.
    public var status: TargetStatus

    /// Creates a variance row.
    public init(
        baseline: Double?, actual: Double?, target: Double?, expected: Double?, varianceToTarget: Double?,
        varianceToTargetPercent: Double?, varianceToExpected: Double?, varianceToExpectedPercent: Double?, status: TargetStatus
    ) {
        self.baseline = baseline
        self.actual = actual
        self.target = target
        self.expected = expected
        self.varianceToTarget = varianceToTarget
        self.varianceToTargetPercent = varianceToTargetPercent
        self.varianceToExpected = varianceToExpected
        self.varianceToExpectedPercent = varianceToExpectedPercent
        self.status = status
    }
}

/// A KPI evaluated: definition facts, values per phase, comparisons and variance.
public struct KPIResult: Sendable, Codable, Hashable {
    /// KPI id.
    public var id: String
    /// Label.
    public var label: String
    /// The formula evaluated (built-ins expanded), for the audit trail.
    public var formula: String
    /// Dataset it was evaluated on.
    public var dataset: String
    /// Display format.
    public var format: ValueFormat
    /// Display decimals.
    public var decimals: Int
    /// "higher" or "lower" is better (nil when neither).
    public var better: String?
    /// Statistical kind: proportion, mean, median, nps, rate.
    public var kind: String
    /// Target value.
    public var target: Double?
    /// Expected value.
    public var expected: Double?
    /// Values per phase, baseline first.
    public var phases: [KPIPhaseValue]
    /// Each later phase against the baseline.
    public var comparisons: [KPIComparison]
    /// Variance against target and expected for the latest phase.
    public var variance: VarianceRow

    /// Creates a KPI result.
    public init(
        id: String, label: String, formula: String, dataset: String, format: ValueFormat, decimals: Int, better: String?,
        kind: String, target: Double?, expected: Double?, phases: [KPIPhaseValue], comparisons: [KPIComparison], variance: VarianceRow
    ) {
        self.id = id
        self.label = label
        self.formula = formula
        self.dataset = dataset
        self.format = format
        self.decimals = decimals
        self.better = better
        self.kind = kind
        self.target = target
        self.expected = expected
        self.phases = phases
        self.comparisons = comparisons
        self.variance = variance
    }

    /// The value in phase `id`.
    public func value(in phase: String) -> KPIPhaseValue? { phases.first { $0.phase == phase } }
}
