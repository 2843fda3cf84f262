import TallyCore

/// Data for histograms comparing phases: shared bin edges and each phase's counts.
public struct HistogramData: Sendable, Hashable, Codable {
    /// One phase's distribution.
    public struct Group: Sendable, Hashable, Codable {
        /// Phase label.
        public var label: String
        /// Count per bin (`edges.count - 1` values).
        public var counts: [Int]

        /// Creates a group.
        public init(label: String, counts: [Int]) {
            self.label = label
            self.counts = counts
        }

        /// Observations in the group.
        public var n: Int { counts.reduce(0, +) }
    }

    /// Bin edges, ascending (k + 1 edges for k bins).
    public var edges: [Double]
    /// Phases, baseline first; each drawn in its own panel on shared scales.
    public var groups: [Group]
    /// Format of the measured value (x axis).
    public var format: ValueFormat
    /// Locale.
    public var locale: ReportLocale
    /// Show each panel as shares of its phase (so phases with different n compare).
    public var showShares: Bool

    /// Creates the model.
    public init(edges: [Double], groups: [Group], format: ValueFormat, locale: ReportLocale = .enGB, showShares: Bool = true) {
        self.edges = edges
        self.groups = groups
        self.format = format
        self.locale = locale
        self.showShares = showShares
    }
}

/// Data for box plots comparing phases (Tukey boxes: quartiles, whiskers to the last point within 1.5 IQR, outliers).
public struct BoxPlotData: Sendable, Hashable, Codable {
    /// One phase's summary.
    public struct Group: Sendable, Hashable, Codable {
        /// Phase label.
        public var label: String
        /// Observations.
        public var n: Int
        /// Lower whisker end.
        public var whiskerLow: Double
        /// First quartile.
        public var q1: Double
        /// Median.
        public var median: Double
        /// Third quartile.
        public var q3: Double
        /// Upper whisker end.
        public var whiskerHigh: Double
        /// Points beyond the whiskers.
        public var outliers: [Double]
        /// Mean (drawn as a small diamond), optional.
        public var mean: Double?

        /// Creates a group.
        public init(
            label: String, n: Int, whiskerLow: Double, q1: Double, median: Double, q3: Double, whiskerHigh: Double,
            outliers: [Double] = [], mean: Double? = nil
        ) {
            self.label = label
            self.n = n
            self.whiskerLow = whiskerLow
            self.q1 = q1
            self.median = median
            self.q3 = q3
            self.whiskerHigh = whiskerHigh
            self.outliers = outliers
            self.mean = mean
        }

        /// Every number of the summary.
        var allValues: [Double] { [whiskerLow, q1, median, q3, whiskerHigh] + outliers + (mean.map { [$0] } ?? []) }
    }

    /// Phases, baseline first.
    public var groups: [Group]
    /// Value format.
    public var format: ValueFormat
    /// Decimals for the median labels.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale

    /// Creates the model.
    public init(groups: [Group], format: ValueFormat, decimals: Int, locale: ReportLocale = .enGB) {
        self.groups = groups
        self.format = format
        self.decimals = decimals
        self.locale = locale
    }
}
