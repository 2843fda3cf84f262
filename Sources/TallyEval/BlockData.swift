import TallyStats

/// Counts per response level for one phase of a Likert block.
public struct LikertPhase: Sendable, Codable, Hashable {
    /// Phase id ("all" when not split by phase).
    public var phase: String
    /// Phase label.
    public var label: String
    /// counts[k] = answers with level k + 1.
    public var counts: [Int]
    /// Answers in total (missing answers excluded).
    public var n: Int
}

/// Five-number summary, mean and histogram of one phase's values.
public struct DistributionPhase: Sendable, Codable, Hashable {
    /// Phase id.
    public var phase: String
    /// Phase label.
    public var label: String
    /// Number of values.
    public var n: Int
    /// Minimum, lower quartile, median, upper quartile, maximum (quartiles as PERCENTILE.INC).
    public var fiveNumber: [Double]
    /// Mean.
    public var mean: Double?
    /// Tukey whiskers: the most extreme values within 1.5 × IQR of the quartiles.
    public var whiskers: [Double]
    /// Values beyond the whiskers (at most 200, the most extreme first).
    public var outliers: [Double]
    /// Histogram counts per bin (bins shared by every phase of the block).
    public var histogram: [Int]
}

/// Mean expectation and perception per SERVQUAL dimension for one wave.
public struct ServqualDimension: Sendable, Codable, Hashable {
    /// Dimension name (tangibles, reliability, responsiveness, assurance, empathy).
    public var dimension: String
    /// Wave label.
    public var wave: String
    /// Mean expectation score.
    public var expectation: Double?
    /// Mean perception score.
    public var perception: Double?
    /// Perception − expectation.
    public var gap: Double?
    /// Respondents with at least one answered item of the dimension.
    public var n: Int
}

/// A KPI per period for one group (small multiples).
public struct GroupSeries: Sendable, Codable, Hashable {
    /// The group's value (e.g. team name).
    public var group: String
    /// Values per period (aligned with `periodStarts`).
    public var values: [Double?]
    /// Observations per period.
    public var n: [Int]
}

/// A KPI tile: latest value, change, weekly sparkline and NHS icons.
public struct TileData: Sendable, Codable, Hashable {
    /// KPI id.
    public var kpi: String
    /// Weekly values (gaps as nil).
    public var weekly: [Double?]
    /// First day of each week (days since epoch).
    public var weekStarts: [Int]
    /// NHS variation icon id, e.g. "special-cause-improving".
    public var variation: String?
    /// NHS assurance icon id, e.g. "inconsistent".
    public var assurance: String?
}

/// The data of a non-KPI block (Pareto, Likert, distribution, quotes, table, SERVQUAL, small multiples, tiles).
public struct BlockData: Sendable, Codable {
    /// Block id.
    public var blockId: String
    /// Block type, e.g. "pareto".
    public var blockType: String
    /// Dataset used.
    public var dataset: String?
    /// Rows considered after the block's phase and filter.
    public var rows: Int
    /// Pareto analysis.
    public var pareto: ParetoAnalysis?
    /// Likert counts per phase.
    public var likert: [LikertPhase]?
    /// Distribution summaries per phase.
    public var distribution: [DistributionPhase]?
    /// Histogram bin edges shared by the phases (count + 1 edges).
    public var binEdges: [Double]?
    /// Quotes: each with its text and attributes (date, rating, …).
    public var quotes: [[String: String]]?
    /// Table: header and formatted rows.
    public var tableHeader: [String]?
    /// Table rows, already formatted.
    public var tableRows: [[String]]?
    /// SERVQUAL means and gaps.
    public var servqual: [ServqualDimension]?
    /// Small multiples: one series per group.
    public var groups: [GroupSeries]?
    /// Period starts (days since epoch) for small multiples.
    public var periodStarts: [Int]?
    /// KPI tiles.
    public var tiles: [TileData]?

    /// An empty record for a block.
    public init(blockId: String, blockType: String, dataset: String?, rows: Int) {
        self.blockId = blockId
        self.blockType = blockType
        self.dataset = dataset
        self.rows = rows
    }
}
