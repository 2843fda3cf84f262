import TallyCore

/// A KPI definition (`kpis: <id>:`): what to compute, from which dataset, and how to show and judge it.
public struct KPISpec: Sendable, Hashable {
    /// The id used by blocks and templates.
    public var id: Located<String>
    /// The name shown in the report (defaults to the id).
    public var label: String
    /// A built-in KPI or a formula.
    public var definition: KPIDefinition
    /// The dataset it is computed over; nil when the spec has exactly one dataset.
    public var dataset: Located<String>?
    /// How values are shown.
    public var format: KPIFormat
    /// Decimal places shown (default: 1 for percent, 0 for integer, 2 otherwise).
    public var decimals: Int
    /// Which direction is an improvement; nil when neither is.
    public var better: Direction?
    /// The target value (percentages already divided by 100).
    public var target: Located<Double>?
    /// The value the project expected to reach.
    public var expected: Located<Double>?
    /// The statistical method for intervals and tests (`auto` lets the evaluator decide).
    public var method: KPIMethod
    /// The default time bucket for trends and control charts.
    public var period: TimeBucket
    /// A sentence explaining the KPI (shown in the appendix).
    public var description: String?
    /// Where the KPI's entry starts.
    public var location: SourceLocation
    /// Settings of a built-in KPI (`options: { sla_hours: 8 }`); unset ones use the built-in's defaults.
    public var options: [BuiltinOption] = []

    /// Creates a KPI.
    public init(
        id: Located<String>, label: String, definition: KPIDefinition, dataset: Located<String>? = nil,
        format: KPIFormat, decimals: Int, better: Direction? = nil, target: Located<Double>? = nil,
        expected: Located<Double>? = nil, method: KPIMethod = .auto, period: TimeBucket = .week,
        description: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.definition = definition
        self.dataset = dataset
        self.format = format
        self.decimals = decimals
        self.better = better
        self.target = target
        self.expected = expected
        self.method = method
        self.period = period
        self.description = description
        self.location = location
    }

    /// The method the spec implies: explicit, else the built-in's, else `proportion` for percent formulas.
    ///
    /// Nil means only the evaluator can tell (a formula KPI with `method: auto`).
    public var impliedMethod: KPIMethod? {
        if method != .auto { return method }
        if case .builtin(let builtin, _) = definition { return builtin.value.method }
        return format == .percent ? .proportion : nil
    }
}

/// What a KPI computes.
public enum KPIDefinition: Sendable, Hashable {
    /// A built-in KPI, with its column roles mapped to the dataset's columns (defaults filled in).
    case builtin(Located<BuiltinKPI>, columns: [ColumnRole])
    /// An aggregate formula such as `=COUNTIF(fcr,TRUE)/COUNT(fcr)`.
    case formula(Located<String>)
}

/// A built-in KPI's input (`role`) bound to a dataset column.
public struct ColumnRole: Sendable, Hashable {
    /// The role the built-in needs, e.g. `fcr` or `score`.
    public var role: String
    /// The column that plays it; its location is the mapping's, or the KPI's when the default name is used.
    public var column: Located<String>

    /// Binds a role to a column.
    public init(role: String, column: Located<String>) {
        self.role = role
        self.column = column
    }
}

/// The built-in KPIs, each with its inputs, method, format and direction.
public enum BuiltinKPI: String, Sendable, CaseIterable {
    case csat, nps, ces, fcr, sla, aht
    case medianHandleTime = "median_handle_time"
    case resolutionMedian = "resolution_median"
    case resolutionP90 = "resolution_p90"
    case complaintsPer1000 = "complaints_per_1000"
    case repeatRate = "repeat_rate"
    case abandonmentRate = "abandonment_rate"
    case mysteryScore = "mystery_score"
    case servqualGap = "servqual_gap"

    /// The inputs it needs; by default each is read from the column of the same name.
    ///
    /// These are the role names of the formula library (`TallyFormula.KPILibrary`), which computes built-ins.
    public var roles: [String] {
        switch self {
        case .csat: return ["csat"]
        case .nps: return ["nps"]
        case .ces: return ["ces"]
        case .mysteryScore: return ["ms_score"]
        case .fcr: return ["fcr"]
        case .sla: return ["response_time"]
        case .aht, .medianHandleTime: return ["handle_time"]
        case .resolutionMedian, .resolutionP90: return ["resolution_time"]
        case .complaintsPer1000: return ["complaint", "contact_id"]
        case .repeatRate: return ["repeat_contact"]
        case .abandonmentRate: return ["abandoned"]
        case .servqualGap: return ["perception", "expectation"]
        }
    }

    /// The settings it takes under `options:` (names of the formula library's parameters).
    public var optionNames: [String] {
        switch self {
        case .csat: return ["top_box_min"]
        case .nps: return ["promoter_min", "detractor_max"]
        case .sla: return ["sla_hours"]
        case .resolutionP90: return ["percentile"]
        default: return []
        }
    }

    /// The statistical method used for intervals and tests.
    public var method: KPIMethod {
        switch self {
        case .csat, .fcr, .sla, .repeatRate, .abandonmentRate: return .proportion
        case .nps: return .nps
        case .ces, .aht, .mysteryScore, .servqualGap: return .mean
        case .medianHandleTime, .resolutionMedian, .resolutionP90: return .median
        case .complaintsPer1000: return .rate
        }
    }

    /// How values are shown unless the KPI says otherwise.
    public var format: KPIFormat {
        switch self {
        case .csat, .fcr, .sla, .repeatRate, .abandonmentRate: return .percent
        case .nps, .ces, .mysteryScore, .servqualGap: return .score
        case .aht, .medianHandleTime, .resolutionMedian, .resolutionP90: return .duration
        case .complaintsPer1000: return .number
        }
    }

    /// Which direction is an improvement.
    public var better: Direction {
        switch self {
        case .csat, .nps, .ces, .fcr, .sla, .mysteryScore, .servqualGap: return .higher
        default: return .lower
        }
    }
}

/// A setting of a built-in KPI, e.g. `sla_hours: 8` (percentages already divided by 100).
public struct BuiltinOption: Sendable, Hashable {
    /// The setting's name.
    public var name: Located<String>
    /// Its value.
    public var value: Located<Double>

    /// Creates a setting.
    public init(name: Located<String>, value: Located<Double>) {
        self.name = name
        self.value = value
    }
}

/// How a value is shown.
public enum KPIFormat: String, Sendable, CaseIterable {
    case percent, number, integer, currency, duration, score
}

/// Which direction of change is an improvement.
public enum Direction: String, Sendable, CaseIterable {
    case higher, lower
}

/// The statistical method for confidence intervals and tests.
public enum KPIMethod: String, Sendable, CaseIterable {
    /// Chosen by the evaluator from the data and the formula.
    case auto
    /// A share of rows (Wilson intervals, two-proportion tests).
    case proportion
    /// A mean (t intervals, Welch tests).
    case mean
    /// A median or percentile (bootstrap intervals, Mann–Whitney tests).
    case median
    /// Net Promoter Score (promoters − detractors, variance of the difference).
    case nps
    /// Events per unit of exposure (Poisson intervals).
    case rate
}

/// A time bucket for trends.
public enum TimeBucket: String, Sendable, CaseIterable {
    case day, week, month, quarter
}
