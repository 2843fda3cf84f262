import TallyCore

/// How rows are placed into phases (`phases:`): the time columns, the ordered periods, excluded ranges.
public struct PhasePlan: Sendable, Hashable {
    /// The dataset named by `phases: dataset:`; nil when omitted (one dataset) or when `time` names one per dataset.
    public var dataset: Located<String>?
    /// The time column of the phases' dataset (with `time` per dataset: the first one written).
    public var time: Located<String>
    /// The time column of every dataset rows are placed from; one entry in the simple `time: column` form.
    public var timeColumns: [TimeColumn]
    /// The phases in order; the first is the baseline.
    public var periods: [PeriodSpec]
    /// Date ranges left out of every phase, each with a reason shown in the report.
    public var exclusions: [ExclusionSpec]
    /// Where `phases:` starts.
    public var location: SourceLocation

    /// Creates a phase plan; without `timeColumns`, `time` is the column of `dataset` (or of the only dataset).
    public init(
        dataset: Located<String>? = nil, time: Located<String>, timeColumns: [TimeColumn]? = nil, periods: [PeriodSpec],
        exclusions: [ExclusionSpec] = [], location: SourceLocation
    ) {
        self.dataset = dataset
        self.time = time
        self.timeColumns = timeColumns ?? [TimeColumn(dataset: dataset, column: time)]
        self.periods = periods
        self.exclusions = exclusions
        self.location = location
    }

    /// True when `time` names a column per dataset (`time: { tickets: opened_at, … }`).
    public var hasTimePerDataset: Bool { timeColumns.count != 1 || timeColumns.first?.dataset != dataset }

    /// The first phase, against which the others are compared.
    public var baseline: PeriodSpec? { periods.first }
}

/// The date or datetime column that places one dataset's rows into phases.
public struct TimeColumn: Sendable, Hashable {
    /// The dataset; nil means the spec's only dataset.
    public var dataset: Located<String>?
    /// The column.
    public var column: Located<String>

    /// Creates a time column entry.
    public init(dataset: Located<String>?, column: Located<String>) {
        self.dataset = dataset
        self.column = column
    }
}

/// One phase (`periods:` item): an id, a label and a date range.
public struct PeriodSpec: Sendable, Hashable {
    /// The id used in templates (`{{ fcr.baseline }}`) and block `phases:` lists.
    public var id: Located<String>
    /// The label shown in charts and tables (defaults to the id).
    public var label: String
    /// The dates the phase covers.
    public var range: PeriodRange
    /// The change introduced at the start of this phase, annotated on charts.
    public var change: ChangeSpec?
    /// Where the period starts in the spec.
    public var location: SourceLocation

    /// Creates a period.
    public init(id: Located<String>, label: String, range: PeriodRange, change: ChangeSpec? = nil, location: SourceLocation) {
        self.id = id
        self.label = label
        self.range = range
        self.change = change
        self.location = location
    }
}

/// The dates of a phase.
public enum PeriodRange: Sendable, Hashable {
    /// From a date to a date, both included; `to` nil means up to the as-of date.
    case fixed(from: CivilDate, to: CivilDate?)
    /// The last `count` units up to and including the as-of date (for scheduled builds).
    case last(count: Int, unit: SpanUnit)
}

/// A unit of a relative period.
public enum SpanUnit: String, Sendable, CaseIterable {
    case days, weeks, months, quarters

    /// Parses `12 weeks` or `1 month` (singular or plural units); nil for anything else.
    public static func parse(_ text: String) -> (Int, SpanUnit)? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let count = Int(parts[0]), count >= 1 else { return nil }
        let word = parts[1].lowercased()
        let unit = SpanUnit(rawValue: word) ?? SpanUnit(rawValue: word + "s")
        guard let unit else { return nil }
        return (count, unit)
    }
}

/// A change annotated at the start of a phase.
public struct ChangeSpec: Sendable, Hashable {
    /// A short label on the chart marker.
    public var label: String
    /// Why the change was made (shown in the report's notes).
    public var reason: String?

    /// Creates a change annotation.
    public init(label: String, reason: String? = nil) {
        self.label = label
        self.reason = reason
    }
}

/// A date range excluded from every phase (`exclude:` item).
public struct ExclusionSpec: Sendable, Hashable {
    /// The first excluded day.
    public var from: CivilDate
    /// The last excluded day.
    public var to: CivilDate
    /// Why it is excluded (shown in the report).
    public var reason: String
    /// Where the exclusion starts in the spec.
    public var location: SourceLocation

    /// Creates an exclusion.
    public init(from: CivilDate, to: CivilDate, reason: String, location: SourceLocation) {
        self.from = from
        self.to = to
        self.reason = reason
        self.location = location
    }
}
