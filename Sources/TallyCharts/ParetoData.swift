import TallyCore

/// Data for a Pareto chart: categories in descending order with their counts and cumulative shares.
public struct ParetoData: Sendable, Hashable, Codable {
    /// One category (e.g. a complaint reason).
    public struct Category: Sendable, Hashable, Codable {
        /// Label.
        public var label: String
        /// Count (or cost) of the category.
        public var value: Double
        /// Cumulative share up to and including this category (0…1).
        public var cumulativeShare: Double

        /// Creates a category.
        public init(label: String, value: Double, cumulativeShare: Double) {
            self.label = label
            self.value = value
            self.cumulativeShare = cumulativeShare
        }
    }

    /// Categories, largest first (an "Other" bucket last if any).
    public var categories: [Category]
    /// The "vital few" threshold (e.g. 0.8); nil hides the marker.
    public var threshold: Double?
    /// Format of the bar values.
    public var format: ValueFormat
    /// Decimals for bar labels.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale
    /// What is counted, for the legend and alt text (e.g. "complaints").
    public var unit: String

    /// Creates the model.
    public init(
        categories: [Category], threshold: Double? = 0.8, format: ValueFormat = .integer, decimals: Int = 0,
        locale: ReportLocale = .enGB, unit: String
    ) {
        self.categories = categories
        self.threshold = threshold
        self.format = format
        self.decimals = decimals
        self.locale = locale
        self.unit = unit
    }

    /// Number of categories up to the one where the cumulative share first reaches the threshold.
    public var vitalFewCount: Int {
        guard let threshold else { return 0 }
        if let i = categories.firstIndex(where: { $0.cumulativeShare >= threshold - 1e-9 }) { return i + 1 }
        return categories.count
    }
}
