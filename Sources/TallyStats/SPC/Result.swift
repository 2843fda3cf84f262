// What a control chart computation returns: per point, per phase, signals, runs analyses and warnings.

/// A problem or caveat found while computing a chart, as a stable code and a sentence for the report.
public struct ChartWarning: Sendable, Codable, Equatable {
    /// Stable identifier ("phase-unreliable", "zero-denominator", ...).
    public var code: String
    /// Human-readable explanation.
    public var message: String
    /// 0-based phase the warning concerns, if any.
    public var phase: Int?

    /// A warning from its parts.
    public init(code: String, message: String, phase: Int? = nil) {
        self.code = code
        self.message = message
        self.phase = phase
    }
}

/// The lines around the centre at ±1σ, ±2σ and ± the control-limit multiple, for one point.
///
/// Lines that would be impossible (negative counts, proportions above 1) are clamped and the clamp recorded.
public struct ControlBand: Sendable, Codable, Equatable {
    /// Lower control limit (after clamping).
    public var lowerLimit: Double
    /// Upper control limit (after clamping).
    public var upperLimit: Double
    /// Lower 2σ line ("warning" / 95% line).
    public var lower2Sigma: Double
    /// Upper 2σ line.
    public var upper2Sigma: Double
    /// Lower 1σ line.
    public var lower1Sigma: Double
    /// Upper 1σ line.
    public var upper1Sigma: Double
    /// True when the calculated lower limit was below the feasible minimum (0) and was clamped to it.
    public var lowerClamped: Bool
    /// True when the calculated upper limit was above the feasible maximum (1 for p, n for np) and was clamped.
    public var upperClamped: Bool

    /// A band from its lines.
    public init(lowerLimit: Double, upperLimit: Double, lower2Sigma: Double, upper2Sigma: Double,
                lower1Sigma: Double, upper1Sigma: Double, lowerClamped: Bool = false, upperClamped: Bool = false) {
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
        self.lower2Sigma = lower2Sigma
        self.upper2Sigma = upper2Sigma
        self.lower1Sigma = lower1Sigma
        self.upper1Sigma = upper1Sigma
        self.lowerClamped = lowerClamped
        self.upperClamped = upperClamped
    }

    /// A symmetric band centre ± k σ with limits at ± `multiplier` σ (no clamping).
    public init(centre: Double, sigma: Double, multiplier: Double = 3) {
        self.init(lowerLimit: centre - multiplier * sigma, upperLimit: centre + multiplier * sigma,
                  lower2Sigma: centre - 2 * sigma, upper2Sigma: centre + 2 * sigma,
                  lower1Sigma: centre - sigma, upper1Sigma: centre + sigma)
    }
}

/// One plotted point with its centre line, limits, phase and exclusion state.
public struct ControlChartPoint: Sendable, Codable, Equatable {
    /// 0-based position in the input.
    public var index: Int
    /// Plotted value (rate, mean, range, count...), nil when undefined (missing value, zero denominator).
    public var value: Double?
    /// Subgroup size or denominator behind the value, when the chart has one.
    public var subgroupSize: Double?
    /// Centre line at this point (constant within a phase except for R/S charts with variable sizes).
    public var centre: Double?
    /// Limits and zone lines at this point; nil for run charts or when σ could not be estimated.
    public var band: ControlBand?
    /// 0-based index of the phase the point belongs to.
    public var phase: Int
    /// True when the point was left out of the limit calculation (it is still plotted and tested).
    public var excluded: Bool
    /// Why the point was excluded.
    public var exclusionReason: String?
    /// Ids of the rules whose signals include this point.
    public var signalRules: [String]
}

/// Reliability of a phase's limits, from the number of points they were calculated on.
public enum LimitReliability: String, Sendable, Codable, Equatable {
    /// 20 or more points: limits can be used as they are.
    case ok
    /// 12 to 19 points: limits are provisional and should be revised as data accumulates.
    case provisional
    /// Fewer than 12 points: limits are unreliable.
    case unreliable
    /// No limits could be calculated (no usable points, or a run chart's median only).
    case none
}

/// Intermediate statistics of a phase's estimate, for the appendix and for checking against references.
public struct PhaseStatistics: Sendable, Codable, Equatable {
    /// Mean of the values the limits were calculated from (X, t on the transformed scale, g).
    public var mean: Double?
    /// Median of the values (run and g charts).
    public var median: Double?
    /// Mean moving range after screening (XmR, t, Laney).
    public var meanMovingRange: Double?
    /// Median moving range (Wheeler's median-mR method).
    public var medianMovingRange: Double?
    /// Moving ranges removed by screening.
    public var screenedMovingRanges: Int?
    /// Mean (or pooled) subgroup range / standard deviation for X̄ charts.
    public var meanSubgroupDispersion: Double?
    /// Laney's σz: the spread of the standardised values z_i (1 = no over-dispersion).
    public var sigmaZ: Double?

    /// Empty statistics.
    public init() {}
}

/// Per-phase summary: what the limits are, how they were estimated, and how far to trust them.
public struct PhaseSummary: Sendable, Codable, Equatable {
    /// 0-based phase index.
    public var index: Int
    /// Label of the phase.
    public var label: String
    /// Reason for the change point, if given.
    public var reason: String?
    /// 0-based index of the first point.
    public var start: Int
    /// Number of points in the phase.
    public var pointCount: Int
    /// Recalculated here, or extended from an earlier phase.
    public var limitsMode: PhaseLimits
    /// Phase whose points determined these limits (itself when recalculated).
    public var limitsFromPhase: Int
    /// Number of points the limits were calculated from (non-excluded, defined values of `limitsFromPhase`).
    public var calculationPointCount: Int
    /// Number of excluded points in this phase.
    public var excludedCount: Int
    /// Centre line (nil when it varies from point to point or could not be calculated).
    public var centre: Double?
    /// σ of a single plotted point (nil when it varies with the subgroup size).
    public var sigma: Double?
    /// Lower control limit when constant over the phase.
    public var lowerLimit: Double?
    /// Upper control limit when constant over the phase.
    public var upperLimit: Double?
    /// True when limits vary between points (variable subgroup sizes).
    public var limitsVary: Bool
    /// Estimate details.
    public var statistics: PhaseStatistics
    /// How far the limits can be trusted (≥ 20 points ok, 12–19 provisional, < 12 unreliable).
    public var reliability: LimitReliability
    /// Warnings about this phase (also listed in the chart's warnings).
    public var warnings: [ChartWarning]
}

/// A rule violation: which rule, which points, in which direction.
///
/// Flagging choice: `points` lists every point of the pattern (the whole run or trend, every point beyond
/// the 2σ line in a qualifying 2-of-3 window: NHSRplotthedots / PowerBI-SPC colouring). `completingPoints`
/// lists the points at which a window satisfying the rule ends (qcc / Nelson semantics: the 7th, 8th... point
/// of a run; for k-of-m rules only window ends that are themselves beyond the zone). Overlapping or adjacent
/// qualifying windows of the same rule and direction are reported as one signal.
public struct ControlChartSignal: Sendable, Codable, Equatable {
    /// Stable rule id ("nhs.shift", "we.2", "nelson.7", "anhoej.crossings"...).
    public var rule: String
    /// Short description of the rule as applied ("7 points in a row on the same side of the centre line").
    public var description: String
    /// 0-based indices of every point in the pattern.
    public var points: [Int]
    /// 0-based indices where a window satisfying the rule is completed.
    public var completingPoints: [Int]
    /// High (above / rising) or low (below / falling); nil for direction-free rules (Nelson 4, 7, 8, crossings).
    public var direction: SignalDirection?
    /// Phase of the first point of the pattern.
    public var phase: Int
}

/// Anhøj runs analysis of one segment (a calculated phase with the phases that extend its limits).
public struct RunsAnalysis: Sendable, Codable, Equatable {
    /// First phase of the segment.
    public var phase: Int
    /// Non-excluded points with a value.
    public var observations: Int
    /// Observations not on the centre line.
    public var usefulObservations: Int
    /// Longest run of useful observations on one side of the centre line.
    public var longestRun: Int
    /// Upper critical value: round(log2(n) + 3).
    public var longestRunMaximum: Int
    /// Number of times the series crosses the centre line.
    public var crossings: Int
    /// Lower critical value: qbinom(0.05, n − 1, 0.5).
    public var crossingsMinimum: Int
    /// True when the longest run is too long or there are too few crossings.
    public var signal: Bool
}

/// The complete result of a control (or run) chart computation, ready for results.json.
public struct ControlChartResult: Sendable, Codable, Equatable {
    /// Chart kind.
    public var kind: ControlChartKind
    /// How centre and limits were computed, e.g. "XmR; limits = mean ± 2.66 × mean moving range".
    public var method: String
    /// Plotted points in input order.
    public var points: [ControlChartPoint]
    /// One summary per phase.
    public var phases: [PhaseSummary]
    /// Rule violations, in rule-set order then position.
    public var signals: [ControlChartSignal]
    /// Runs analysis per segment (also computed for control charts, against their centre line).
    public var runsAnalyses: [RunsAnalysis]
    /// Rule sets applied ("nhs@1").
    public var ruleSets: [String]
    /// Problems and caveats (short phases, zero denominators, undefined σ...).
    public var warnings: [ChartWarning]

    /// Signals of one rule.
    public func signals(rule: String) -> [ControlChartSignal] { signals.filter { $0.rule == rule } }

    /// Sorted 0-based indices flagged by any signal of the given rule (all points of each pattern).
    public func flaggedPoints(rule: String) -> [Int] {
        Array(Set(signals(rule: rule).flatMap(\.points))).sorted()
    }
}
