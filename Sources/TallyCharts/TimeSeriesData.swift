import TallyCore

/// Data for a time-series line chart: one or more series, phase shading, change annotations and a target.
public struct TimeSeriesData: Sendable, Hashable, Codable {
    /// One observation of a series.
    public struct Point: Sendable, Hashable, Codable {
        /// Days since 1970 (time axes) or the index (index axes).
        public var x: Double
        /// The value; nil = missing (the line breaks).
        public var value: Double?

        /// Creates a point.
        public init(x: Double, value: Double?) {
            self.x = x
            self.value = value
        }
    }

    /// A named line.
    public struct Series: Sendable, Hashable, Codable {
        /// Label (direct-labelled at the line's end).
        public var label: String
        /// Points in x order.
        public var points: [Point]

        /// Creates a series.
        public init(label: String, points: [Point]) {
            self.label = label
            self.points = points
        }
    }

    /// A phase of the project, shaded alternately and labelled at its top.
    public struct Phase: Sendable, Hashable, Codable {
        /// Label, e.g. "Baseline".
        public var label: String
        /// First x of the phase (days since 1970 or index).
        public var start: Double
        /// The change that started it (annotated on its left boundary).
        public var change: String?

        /// Creates a phase.
        public init(label: String, start: Double, change: String? = nil) {
            self.label = label
            self.start = start
            self.change = change
        }
    }

    /// A dated note, e.g. "Go-live" (a dashed vertical line with a label).
    public struct Annotation: Sendable, Hashable, Codable {
        /// Where (days since 1970 or index).
        public var x: Double
        /// The note.
        public var label: String

        /// Creates an annotation.
        public init(x: Double, label: String) {
            self.x = x
            self.label = label
        }
    }

    /// The lines.
    public var series: [Series]
    /// How x is read.
    public var xAxis: XAxisKind
    /// Labels per index for `.index` axes (unused for time axes).
    public var pointLabels: [String]
    /// Phases in order.
    public var phases: [Phase]
    /// Annotations.
    public var annotations: [Annotation]
    /// Target line.
    public var target: Double?
    /// Value format.
    public var format: ValueFormat
    /// Decimals for value labels.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale
    /// Start the value axis at zero.
    public var includeZero: Bool

    /// Creates the model.
    public init(
        series: [Series], xAxis: XAxisKind, pointLabels: [String] = [], phases: [Phase] = [], annotations: [Annotation] = [],
        target: Double? = nil, format: ValueFormat, decimals: Int, locale: ReportLocale = .enGB, includeZero: Bool = false
    ) {
        self.series = series
        self.xAxis = xAxis
        self.pointLabels = pointLabels
        self.phases = phases
        self.annotations = annotations
        self.target = target
        self.format = format
        self.decimals = decimals
        self.locale = locale
        self.includeZero = includeZero
    }
}
