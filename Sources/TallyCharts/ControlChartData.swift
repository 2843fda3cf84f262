import TallyCore
import TallyGraphics

/// A special-cause rule that flagged a point (the evaluator decides; the chart draws the rule's symbol).
public enum SPCRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// A point beyond a control limit (NHS: astronomical point on a run chart).
    case outsideLimits
    /// A run of points on one side of the centre line.
    case shift
    /// A run of points all increasing or all decreasing.
    case trend
    /// Two of three points beyond 2σ on the same side.
    case twoOfThree
    /// Too few or too many runs, or another rule (drawn with a cross).
    case other

    /// The rule's marker shape (shape, not colour, names the rule so it survives greyscale).
    public var marker: MarkerShape {
        switch self {
        case .outsideLimits: return .diamond
        case .shift: return .square
        case .trend: return .triangleUp
        case .twoOfThree: return .triangleDown
        case .other: return .cross
        }
    }

    /// The legend's words for the rule.
    public var legendLabel: String {
        switch self {
        case .outsideLimits: return "Outside limits"
        case .shift: return "Shift"
        case .trend: return "Trend"
        case .twoOfThree: return "2 of 3 near limit"
        case .other: return "Other rule"
        }
    }

    /// Priority when a point breaks several rules (the most striking rule's symbol is drawn).
    var priority: Int {
        switch self {
        case .outsideLimits: return 0
        case .shift: return 2
        case .trend: return 1
        case .twoOfThree: return 3
        case .other: return 4
        }
    }
}

/// Data for a control chart (any SPC type) or a run chart: already-computed centre, limits, zones and signals.
public struct ControlChartData: Sendable, Hashable, Codable {
    /// One subgroup or observation.
    public struct Point: Sendable, Hashable, Codable {
        /// Position: days since 1970 for `.time` axes, or the index for `.index`.
        public var x: Double
        /// Label for the point (period name), used on index axes and in alt text.
        public var label: String
        /// The plotted statistic; nil = missing (the line breaks).
        public var value: Double?
        /// Centre line at this point (mean, median or p̄).
        public var centre: Double?
        /// Lower control limit (nil for run charts or when it would be below a bound and is not shown).
        public var lower: Double?
        /// Upper control limit.
        public var upper: Double?
        /// One sigma at this point, for the optional 1σ/2σ zone lines.
        public var sigma: Double?
        /// Index into `phases`.
        public var phase: Int
        /// Rules this point breaks (empty = common cause).
        public var signals: [SPCRule]
        /// True when the point was excluded from the limit calculation (drawn hollow).
        public var excluded: Bool

        /// Creates a point.
        public init(
            x: Double, label: String, value: Double?, centre: Double?, lower: Double? = nil, upper: Double? = nil,
            sigma: Double? = nil, phase: Int = 0, signals: [SPCRule] = [], excluded: Bool = false
        ) {
            self.x = x
            self.label = label
            self.value = value
            self.centre = centre
            self.lower = lower
            self.upper = upper
            self.sigma = sigma
            self.phase = phase
            self.signals = signals
            self.excluded = excluded
        }
    }

    /// A phase: limits are recalculated per phase and drawn as steps.
    public struct Phase: Sendable, Hashable, Codable {
        /// Label shown at the top of the phase, e.g. "Baseline".
        public var label: String
        /// Index of the phase's first point.
        public var startIndex: Int
        /// The change that started the phase (drawn as an annotation), e.g. "New triage script".
        public var change: String?

        /// Creates a phase.
        public init(label: String, startIndex: Int, change: String? = nil) {
            self.label = label
            self.startIndex = startIndex
            self.change = change
        }
    }

    /// Points in time order.
    public var points: [Point]
    /// Phases in order (may be empty: one unnamed phase).
    public var phases: [Phase]
    /// How x is read.
    public var xAxis: XAxisKind
    /// Value format.
    public var format: ValueFormat
    /// Decimals for value labels.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale
    /// Which direction is an improvement (colours special causes blue or orange).
    public var improvementDirection: ImprovementDirection
    /// Optional target line.
    public var target: Double?
    /// The chart type's name shown in the legend, e.g. "XmR", "p′ (Laney)", "Run chart".
    public var chartKindLabel: String
    /// Draw dotted 1σ and 2σ zone lines (needs `sigma`).
    public var showZones: Bool

    /// Creates the model.
    public init(
        points: [Point], phases: [Phase] = [], xAxis: XAxisKind, format: ValueFormat, decimals: Int,
        locale: ReportLocale = .enGB, improvementDirection: ImprovementDirection, target: Double? = nil,
        chartKindLabel: String, showZones: Bool = false
    ) {
        self.points = points
        self.phases = phases
        self.xAxis = xAxis
        self.format = format
        self.decimals = decimals
        self.locale = locale
        self.improvementDirection = improvementDirection
        self.target = target
        self.chartKindLabel = chartKindLabel
        self.showZones = showZones
    }

    /// Whether a flagged point is an improvement (+1), a concern (−1) or neither (0), from its side of the centre.
    public func meaning(of point: Point) -> Int {
        guard !point.signals.isEmpty, let value = point.value, let centre = point.centre else { return 0 }
        return improvementDirection.judge(value - centre)
    }

    /// Phase index for each point, clamped to the phases that exist.
    func phaseIndex(_ point: Point) -> Int { phases.isEmpty ? 0 : max(0, min(phases.count - 1, point.phase)) }
}
