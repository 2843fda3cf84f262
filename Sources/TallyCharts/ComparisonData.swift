import TallyCore

/// Data for a dumbbell chart: many KPIs or teams, each with a baseline and a post value.
public struct DumbbellData: Sendable, Hashable, Codable {
    /// One row.
    public struct Row: Sendable, Hashable, Codable {
        /// Row label (KPI or team).
        public var label: String
        /// Baseline value.
        public var baseline: Double?
        /// Post value.
        public var post: Double?

        /// Creates a row.
        public init(label: String, baseline: Double?, post: Double?) {
            self.label = label
            self.baseline = baseline
            self.post = post
        }
    }

    /// Rows in display order (top first).
    public var rows: [Row]
    /// Legend name of the baseline, e.g. "Baseline (Jan–Mar)".
    public var baselineLabel: String
    /// Legend name of the post phase.
    public var postLabel: String
    /// Value format.
    public var format: ValueFormat
    /// Decimals for value labels.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale
    /// Which direction is better (colours the post dot).
    public var improvementDirection: ImprovementDirection
    /// Start the axis at zero.
    public var includeZero: Bool

    /// Creates the model.
    public init(
        rows: [Row], baselineLabel: String = "Baseline", postLabel: String = "After change", format: ValueFormat, decimals: Int,
        locale: ReportLocale = .enGB, improvementDirection: ImprovementDirection, includeZero: Bool = false
    ) {
        self.rows = rows
        self.baselineLabel = baselineLabel
        self.postLabel = postLabel
        self.format = format
        self.decimals = decimals
        self.locale = locale
        self.improvementDirection = improvementDirection
        self.includeZero = includeZero
    }
}

/// Data for a SERVQUAL gap chart: expectation and perception per service-quality dimension.
public struct ServqualData: Sendable, Hashable, Codable {
    /// One dimension (e.g. Reliability).
    public struct Dimension: Sendable, Hashable, Codable {
        /// Label.
        public var label: String
        /// Mean expectation score.
        public var expectation: Double?
        /// Mean perception score.
        public var perception: Double?

        /// Creates a dimension.
        public init(label: String, expectation: Double?, perception: Double?) {
            self.label = label
            self.expectation = expectation
            self.perception = perception
        }

        /// Perception − expectation (negative = service falls short).
        public var gap: Double? {
            guard let e = expectation, let p = perception, e.isFinite, p.isFinite else { return nil }
            return p - e
        }
    }

    /// Dimensions in display order.
    public var dimensions: [Dimension]
    /// Lowest point of the scale (e.g. 1).
    public var scaleMin: Double
    /// Highest point of the scale (e.g. 7).
    public var scaleMax: Double
    /// Decimals for scores and gaps.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale

    /// Creates the model.
    public init(dimensions: [Dimension], scaleMin: Double = 1, scaleMax: Double = 7, decimals: Int = 1, locale: ReportLocale = .enGB) {
        self.dimensions = dimensions
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.decimals = decimals
        self.locale = locale
    }
}

/// Data for diverging stacked bars of a Likert scale (e.g. CSAT 1–5), one bar per phase or question.
public struct LikertData: Sendable, Hashable, Codable {
    /// One bar.
    public struct Row: Sendable, Hashable, Codable {
        /// Label (phase or question).
        public var label: String
        /// Responses per level, in `levels` order (counts or shares; each row is normalised to 100%).
        public var counts: [Double]

        /// Creates a row.
        public init(label: String, counts: [Double]) {
            self.label = label
            self.counts = counts
        }

        /// Total responses.
        public var total: Double { counts.filter(\.isFinite).reduce(0, +) }
    }

    /// Level names, most negative first (e.g. "Very dissatisfied" … "Very satisfied").
    public var levels: [String]
    /// Rows in display order.
    public var rows: [Row]
    /// Decimals of the percentages.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale

    /// Creates the model.
    public init(levels: [String], rows: [Row], decimals: Int = 0, locale: ReportLocale = .enGB) {
        self.levels = levels
        self.rows = rows
        self.decimals = decimals
        self.locale = locale
    }

    /// The neutral level's index for an odd number of levels (split half each side of zero), else nil.
    public var neutralIndex: Int? { levels.count % 2 == 1 ? levels.count / 2 : nil }

    /// Shares of negative levels (below neutral) and positive levels (above neutral) of a row, 0…1.
    public func sides(_ row: Row) -> (negative: Double, neutral: Double, positive: Double) {
        let total = row.total
        guard total > 0 else { return (0, 0, 0) }
        let half = levels.count / 2
        var negative = 0.0, positive = 0.0, neutral = 0.0
        for (i, c) in row.counts.prefix(levels.count).enumerated() where c.isFinite {
            if i < half { negative += c } else if let n = neutralIndex, i == n { neutral += c } else { positive += c }
        }
        return (negative / total, neutral / total, positive / total)
    }
}
