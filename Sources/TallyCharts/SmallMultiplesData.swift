import TallyCore

/// Data for small multiples: one small line panel per group (e.g. per team) on shared scales.
public struct SmallMultiplesData: Sendable, Hashable, Codable {
    /// One group's panel.
    public struct Panel: Sendable, Hashable, Codable {
        /// Group label (panel title).
        public var label: String
        /// Points in x order.
        public var points: [TimeSeriesData.Point]

        /// Creates a panel.
        public init(label: String, points: [TimeSeriesData.Point]) {
            self.label = label
            self.points = points
        }
    }

    /// Panels in display order (left to right, top to bottom).
    public var panels: [Panel]
    /// How x is read.
    public var xAxis: XAxisKind
    /// Where the change happened (x); the line is grey before it and strong after it.
    public var changeAt: Double?
    /// Target line in every panel.
    public var target: Double?
    /// Value format.
    public var format: ValueFormat
    /// Decimals for value labels.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale
    /// Start the shared value axis at zero.
    public var includeZero: Bool
    /// Columns; nil = as many as fit at about 150 pt each.
    public var columns: Int?

    /// Creates the model.
    public init(
        panels: [Panel], xAxis: XAxisKind, changeAt: Double? = nil, target: Double? = nil, format: ValueFormat, decimals: Int,
        locale: ReportLocale = .enGB, includeZero: Bool = false, columns: Int? = nil
    ) {
        self.panels = panels
        self.xAxis = xAxis
        self.changeAt = changeAt
        self.target = target
        self.format = format
        self.decimals = decimals
        self.locale = locale
        self.includeZero = includeZero
        self.columns = columns
    }
}
