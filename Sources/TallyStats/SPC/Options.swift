// Options that choose between the published conventions for estimating σ and drawing limits.

/// How the individuals (X) chart of an XmR pair estimates σ.
public enum IndividualsMethod: String, Sendable, Codable, Equatable {
    /// Limits = mean ± 2.66 × mean moving range (NHS Making Data Count, Wheeler): σ̂ = 2.66 mR̄ / 3.
    case nhs = "mean-mr-2.66"
    /// σ̂ = mR̄ / d2(2) with d2(2) = 1.128 (qcc, qicharts2, PowerBI-SPC, Montgomery): limits mean ± 2.6596 mR̄.
    case d2 = "mean-mr-d2"
    /// σ̂ = median mR / 0.954 (Wheeler §10.2): limits mean ± 3.145 × median mR; mR limit 3.865 × median mR.
    case medianMovingRange = "median-mr"
    /// σ̂ = s / c4(n), the sample standard deviation of the phase (qcc `std.dev = "SD"`); not robust to shifts.
    case standardDeviation = "sd"
}

/// How X̄–S and S charts pool subgroup standard deviations into σ̂.
public enum SubgroupSigmaMethod: String, Sendable, Codable, Equatable {
    /// `meanS` when all subgroup sizes are equal, `pooled` otherwise (Montgomery §6.3; qicharts2).
    case automatic
    /// S̄ = mean of s_i; σ̂ = S̄ / c4(n) (constant sizes).
    case meanS = "mean-s"
    /// S̄ = √(Σ(n_i − 1)s_i² / Σ(n_i − 1)) (Montgomery eq. 6.31); limits S̄ × B3/B4(n_i), X̄̄ ± A3(n_i) S̄.
    case pooled
    /// σ̂ = Σ h_i s_i/c4(n_i) / Σ h_i with h_i = c4²/(1 − c4²) (qcc "UWAVE-SD"); equals `meanS` for constant n.
    case unbiasedWeighted = "uwave-sd"
}

/// A point left out of the limit calculation, with the reason shown in the report.
public struct PointExclusion: Sendable, Codable, Equatable {
    /// 0-based index of the point.
    public var index: Int
    /// Why it is excluded (e.g. "new inspector", "known system outage").
    public var reason: String

    /// An exclusion of one point.
    public init(index: Int, reason: String) {
        self.index = index
        self.reason = reason
    }
}

/// Everything that varies between published SPC conventions, with defaults chosen for service data.
///
/// Defaults: 3σ limits; XmR σ̂ = mR̄/1.128 without screening (qcc, Montgomery); variable-size subgroups pooled;
/// rule set by kind (`anhoej` for run charts, `nhs` otherwise); the NHS-style 2.66 and MR screening are one
/// option away (`individualsMethod = .nhs`, `screenMovingRanges = true`).
public struct ControlChartOptions: Sendable, Codable, Equatable {
    /// Width of the control limits in σ (3 by default).
    public var sigmaMultiplier: Double
    /// σ estimate for individuals, moving-range and t charts.
    public var individualsMethod: IndividualsMethod
    /// Drop moving ranges ≥ `screeningFactor` × mR̄ and recompute mR̄ once (qicharts2, NHSRplotthedots, PowerBI-SPC).
    public var screenMovingRanges: Bool
    /// Screening threshold as a multiple of mR̄ (3.267 = D4(2)).
    public var screeningFactor: Double
    /// Upper limit of the moving-range chart as a multiple of mR̄ (3.267 = D4(2); Wheeler prints 3.268).
    public var movingRangeUpperFactor: Double
    /// Pooling of subgroup standard deviations for X̄–S and S charts.
    public var subgroupSigma: SubgroupSigmaMethod
    /// Scale factor for plotted rates (u, u′: e.g. 10 000 for "per 10 000 contacts"; p, p′: 100 for percent).
    public var multiplier: Double
    /// Exponent of the t-chart transformation y = x^(1/exponent) (Nelson 1994: 3.6).
    public var tTransformExponent: Double
    /// Points left out of the limit calculation (still plotted and still tested against the limits).
    public var exclusions: [PointExclusion]
    /// Rule sets to apply; nil means the kind's default (`anhoej` for run charts, `nhs` for control charts).
    public var ruleSets: [RuleSet]?
    /// Clamp impossible negative lower limits (and zone lines) at 0; nil = clamp for non-negative kinds.
    public var clampAtZero: Bool?

    /// Options with the documented defaults, any of which can be overridden.
    public init(
        sigmaMultiplier: Double = 3,
        individualsMethod: IndividualsMethod = .d2,
        screenMovingRanges: Bool = false,
        screeningFactor: Double = 3.267,
        movingRangeUpperFactor: Double = 3.267,
        subgroupSigma: SubgroupSigmaMethod = .automatic,
        multiplier: Double = 1,
        tTransformExponent: Double = 3.6,
        exclusions: [PointExclusion] = [],
        ruleSets: [RuleSet]? = nil,
        clampAtZero: Bool? = nil
    ) {
        self.sigmaMultiplier = sigmaMultiplier
        self.individualsMethod = individualsMethod
        self.screenMovingRanges = screenMovingRanges
        self.screeningFactor = screeningFactor
        self.movingRangeUpperFactor = movingRangeUpperFactor
        self.subgroupSigma = subgroupSigma
        self.multiplier = multiplier
        self.tTransformExponent = tTransformExponent
        self.exclusions = exclusions
        self.ruleSets = ruleSets
        self.clampAtZero = clampAtZero
    }

    /// The NHS Making Data Count convention: mean ± 2.66 mR̄ with moving-range screening, NHS rules.
    public static var nhsMakingDataCount: ControlChartOptions {
        ControlChartOptions(individualsMethod: .nhs, screenMovingRanges: true, ruleSets: [.nhs])
    }
}
