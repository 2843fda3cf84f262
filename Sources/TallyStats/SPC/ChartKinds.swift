// The chart kinds Tally can draw, and the input shapes they accept.

/// A kind of SPC chart: what is plotted and how its centre line and limits are estimated.
public enum ControlChartKind: String, Sendable, Codable, CaseIterable, Equatable {
    /// Run chart: values against their median, judged with the Anhøj rules; no limits.
    case run
    /// Individuals (X) chart of an XmR pair: limits from the moving range (see `IndividualsMethod`).
    case individuals = "i"
    /// Moving-range (mR) chart of an XmR pair: mR̄ centre, upper limit 3.267 mR̄ (configurable).
    case movingRange = "mr"
    /// X̄ chart with σ estimated from subgroup ranges (R̄/d2).
    case xbarR = "xbar-r"
    /// Range chart paired with `xbarR`.
    case range = "r"
    /// X̄ chart with σ estimated from subgroup standard deviations (see `SubgroupSigmaMethod`).
    case xbarS = "xbar-s"
    /// Standard-deviation chart paired with `xbarS`.
    case standardDeviation = "s"
    /// Proportion of defectives: counts / subgroup sizes; binomial limits per point.
    case p
    /// Number of defectives: counts with binomial limits (n p̄); meant for constant subgroup sizes.
    case np
    /// Count of defects per constant area of opportunity; Poisson limits.
    case c
    /// Rate of defects per unit: counts / exposure; Poisson limits per point.
    case u
    /// Laney p′: p chart whose limits are widened by the between-subgroup variation σz (over-dispersion).
    case pPrime = "p-prime"
    /// Laney u′: u chart widened by σz.
    case uPrime = "u-prime"
    /// g chart: number of opportunities (e.g. tickets) between rare events; geometric limits.
    case g
    /// t chart: time between rare events; individuals chart on x^(1/3.6), back-transformed.
    case t

    /// True when the chart needs subgroups (raw observations or summaries) rather than one value per point.
    public var needsSubgroups: Bool {
        switch self {
        case .xbarR, .range, .xbarS, .standardDeviation: return true
        default: return false
        }
    }

    /// True when the chart plots a count or a ratio of counts and so needs subgroup sizes / denominators.
    public var usesDenominators: Bool {
        switch self {
        case .p, .np, .u, .pPrime, .uPrime: return true
        default: return false
        }
    }

    /// True when negative plotted values are impossible, so a negative lower limit is clamped at 0.
    public var isNonNegative: Bool {
        switch self {
        case .run, .individuals, .xbarR, .xbarS: return false
        default: return true
        }
    }
}

/// Summary of one subgroup when the raw observations are not available (mean, SD, size, optional range).
public struct SubgroupSummary: Sendable, Codable, Equatable {
    /// Number of observations in the subgroup.
    public var size: Int
    /// Subgroup mean.
    public var mean: Double
    /// Sample standard deviation (n − 1 denominator); nil when unknown or when `size` < 2.
    public var standardDeviation: Double?
    /// Subgroup range (max − min); needed for R and X̄–R charts only.
    public var range: Double?

    /// A summary from its parts.
    public init(size: Int, mean: Double, standardDeviation: Double? = nil, range: Double? = nil) {
        self.size = size
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.range = range
    }

    /// The summary of raw observations (NaN values are dropped); nil when no finite value remains.
    public init?(observations: [Double]) {
        let x = observations.filter { $0.isFinite }
        guard let m = SPCMath.mean(x), let lo = x.min(), let hi = x.max() else { return nil }
        self.init(size: x.count, mean: m, standardDeviation: SPCMath.standardDeviation(x), range: hi - lo)
    }
}

/// Direction of a signal or of a point relative to the centre line.
public enum SignalDirection: String, Sendable, Codable, Equatable {
    /// Above the centre line, or rising.
    case high
    /// Below the centre line, or falling.
    case low
}
