import TallyCore

/// A titled section of the report (`sections:` item) holding blocks.
public struct SectionSpec: Sendable, Hashable {
    /// The id used by `evidenced_by` (defaults to a slug of the title).
    public var id: Located<String>
    /// The heading.
    public var title: String
    /// The content, in order.
    public var blocks: [BlockSpec]
    /// Where the section starts.
    public var location: SourceLocation

    /// Creates a section.
    public init(id: Located<String>, title: String, blocks: [BlockSpec], location: SourceLocation) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.location = location
    }
}

/// One block of a section: the settings every block shares plus its type-specific content.
public struct BlockSpec: Sendable, Hashable {
    /// The block's id (required for charts only to name the PNG; used by `evidenced_by`).
    public var id: Located<String>?
    /// A heading above the block.
    public var title: String?
    /// A line under the title.
    public var subtitle: String?
    /// A caption below the block.
    public var caption: String?
    /// Grid columns the block spans, 1–12 (nil: full width).
    public var width: Int?
    /// What the block shows.
    public var content: BlockContent
    /// Where the block starts.
    public var location: SourceLocation

    /// Creates a block.
    public init(
        id: Located<String>? = nil, title: String? = nil, subtitle: String? = nil, caption: String? = nil,
        width: Int? = nil, content: BlockContent, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.caption = caption
        self.width = width
        self.content = content
        self.location = location
    }

    /// The `type:` word of the block.
    public var type: String { content.type }
}

/// What a block shows, one case per `type:`.
public enum BlockContent: Sendable, Hashable {
    case text(TextBlock)
    case kpiTiles(KPIListBlock)
    case varianceTable(PhaseComparisonBlock)
    case prePostChart(PhaseComparisonBlock)
    case trendChart(TrendChartBlock)
    case controlChart(ControlChartBlock)
    case runChart(RunChartBlock)
    case pareto(ParetoBlock)
    case distribution(DistributionBlock)
    case likert(LikertBlock)
    case servqualGap(ServqualGapBlock)
    case smallMultiples(SmallMultiplesBlock)
    case table(TableBlock)
    case quotes(QuotesBlock)
    case findings(KPIListBlock)
    case pageBreak

    /// The `type:` word written in the spec.
    public var type: String {
        switch self {
        case .text: return "text"
        case .kpiTiles: return "kpi_tiles"
        case .varianceTable: return "variance_table"
        case .prePostChart: return "prepost_chart"
        case .trendChart: return "trend_chart"
        case .controlChart: return "control_chart"
        case .runChart: return "run_chart"
        case .pareto: return "pareto"
        case .distribution: return "distribution"
        case .likert: return "likert"
        case .servqualGap: return "servqual_gap"
        case .smallMultiples: return "small_multiples"
        case .table: return "table"
        case .quotes: return "quotes"
        case .findings: return "findings"
        case .pageBreak: return "page_break"
        }
    }

    /// True for blocks drawn as charts (exported as PNG/SVG files named by the block id).
    public var isChart: Bool {
        switch self {
        case .prePostChart, .trendChart, .controlChart, .runChart, .pareto, .distribution, .likert, .servqualGap,
            .smallMultiples:
            return true
        default: return false
        }
    }
}

/// Markdown-style text with `{{ kpi.phase | filter }}` placeholders.
public struct TextBlock: Sendable, Hashable {
    /// The parsed text.
    public var template: TextTemplate

    /// Creates a text block.
    public init(template: TextTemplate) { self.template = template }
}

/// A block listing KPIs (`kpi_tiles`, `findings`).
public struct KPIListBlock: Sendable, Hashable {
    /// The KPIs, in display order.
    public var kpis: [Located<String>]

    /// Creates the block.
    public init(kpis: [Located<String>]) { self.kpis = kpis }
}

/// A block comparing KPIs across phases (`variance_table`, `prepost_chart`).
public struct PhaseComparisonBlock: Sendable, Hashable {
    /// The KPIs, in display order.
    public var kpis: [Located<String>]
    /// The phases to show, in order (empty: every phase).
    public var phases: [Located<String>]

    /// Creates the block.
    public init(kpis: [Located<String>], phases: [Located<String>] = []) {
        self.kpis = kpis
        self.phases = phases
    }
}

/// A KPI over time by bucket, with phase boundaries (`trend_chart`).
public struct TrendChartBlock: Sendable, Hashable {
    /// The KPI.
    public var kpi: Located<String>
    /// The bucket (nil: the KPI's `period`).
    public var period: TimeBucket?
    /// Draw the KPI's target as a line.
    public var showTarget: Bool

    /// Creates the block.
    public init(kpi: Located<String>, period: TimeBucket? = nil, showTarget: Bool = true) {
        self.kpi = kpi
        self.period = period
        self.showTarget = showTarget
    }
}

/// A statistical process control chart (`control_chart`).
public struct ControlChartBlock: Sendable, Hashable {
    /// The KPI charted.
    public var kpi: Located<String>
    /// The chart type.
    public var chart: Located<ControlChartType>
    /// The bucket (nil: the KPI's `period`).
    public var period: TimeBucket?
    /// Which special-cause rules are applied.
    public var rules: ControlRules
    /// Whether limits are recalculated for each phase or frozen at the baseline.
    public var limits: LimitMode
    /// Shade the 1σ and 2σ zones.
    public var showZones: Bool

    /// Creates the block.
    public init(
        kpi: Located<String>, chart: Located<ControlChartType>, period: TimeBucket? = nil, rules: ControlRules = .nhs,
        limits: LimitMode = .recalculate, showZones: Bool = false
    ) {
        self.kpi = kpi
        self.chart = chart
        self.period = period
        self.rules = rules
        self.limits = limits
        self.showZones = showZones
    }
}

/// A control chart type.
public enum ControlChartType: String, Sendable, CaseIterable {
    case xmr
    case xbarR = "xbar_r"
    case xbarS = "xbar_s"
    case p, np, c, u
    case pPrime = "p_prime"
    case uPrime = "u_prime"
    case g, t

    /// The KPI methods the chart can show (proportion charts need proportions, count charts need rates).
    public var acceptedMethods: Set<KPIMethod> {
        switch self {
        case .xmr: return [.mean, .median, .proportion, .nps, .rate]
        case .xbarR, .xbarS: return [.mean]
        case .p, .np, .pPrime: return [.proportion]
        case .c, .u, .uPrime, .g, .t: return [.rate]
        }
    }
}

/// Special-cause rule sets for control charts.
public enum ControlRules: String, Sendable, CaseIterable {
    case nhs
    case westernElectric = "western-electric"
    case nelson
}

/// How control limits behave across phases.
public enum LimitMode: String, Sendable, CaseIterable {
    /// New limits per phase.
    case recalculate
    /// Baseline limits carried into later phases.
    case freeze
}

/// A run chart (`run_chart`).
public struct RunChartBlock: Sendable, Hashable {
    /// The KPI charted.
    public var kpi: Located<String>
    /// The bucket (nil: the KPI's `period`).
    public var period: TimeBucket?
    /// The run rules (only Anhøj today).
    public var rules: RunRules

    /// Creates the block.
    public init(kpi: Located<String>, period: TimeBucket? = nil, rules: RunRules = .anhoej) {
        self.kpi = kpi
        self.period = period
        self.rules = rules
    }
}

/// Run-chart rule sets.
public enum RunRules: String, Sendable, CaseIterable {
    case anhoej
}

/// A Pareto chart of a category column (`pareto`).
public struct ParetoBlock: Sendable, Hashable {
    /// The dataset (nil: the only one).
    public var dataset: Located<String>?
    /// The category column.
    public var category: Located<String>
    /// A numeric column to sum instead of counting rows.
    public var weight: Located<String>?
    /// The cumulative share marked as "the vital few" (fraction, default 0.8).
    public var threshold: Double
    /// Show at most this many categories; the rest become "Other".
    public var top: Int?
    /// Which phase's rows to count (nil: all rows in any phase).
    public var phase: Located<String>?

    /// Creates the block.
    public init(
        dataset: Located<String>? = nil, category: Located<String>, weight: Located<String>? = nil,
        threshold: Double = 0.8, top: Int? = nil, phase: Located<String>? = nil
    ) {
        self.dataset = dataset
        self.category = category
        self.weight = weight
        self.threshold = threshold
        self.top = top
        self.phase = phase
    }
}

/// A histogram or box plot of a KPI's row values or of a column (`distribution`).
public struct DistributionBlock: Sendable, Hashable {
    /// What is distributed.
    public var source: DistributionSource
    /// The dataset for a column source (nil: the only one).
    public var dataset: Located<String>?
    /// Histogram or box plot.
    public var kind: DistributionKind
    /// One distribution per phase.
    public var byPhase: Bool

    /// Creates the block.
    public init(source: DistributionSource, dataset: Located<String>? = nil, kind: DistributionKind = .histogram, byPhase: Bool = true) {
        self.source = source
        self.dataset = dataset
        self.kind = kind
        self.byPhase = byPhase
    }
}

/// The values of a distribution block.
public enum DistributionSource: Sendable, Hashable {
    case kpi(Located<String>)
    case column(Located<String>)
}

/// The chart form of a distribution.
public enum DistributionKind: String, Sendable, CaseIterable {
    case histogram, boxplot
}

/// A diverging stacked bar of Likert answers (`likert`).
public struct LikertBlock: Sendable, Hashable {
    /// The dataset (nil: the only one).
    public var dataset: Located<String>?
    /// The answer column (values 1…scale).
    public var column: Located<String>
    /// Number of answer points (3–11).
    public var scale: Int
    /// A label per answer point, lowest first (empty: the numbers).
    public var labels: [String]

    /// Creates the block.
    public init(dataset: Located<String>? = nil, column: Located<String>, scale: Int = 5, labels: [String] = []) {
        self.dataset = dataset
        self.column = column
        self.scale = scale
        self.labels = labels
    }
}

/// SERVQUAL gap scores by dimension and wave (`servqual_gap`).
public struct ServqualGapBlock: Sendable, Hashable {
    /// The dataset (nil: the only one).
    public var dataset: Located<String>?
    /// The column naming the survey wave.
    public var waves: Located<String>
    /// The column naming the dimension (default `dimension`).
    public var dimension: Located<String>?

    /// Creates the block.
    public init(dataset: Located<String>? = nil, waves: Located<String>, dimension: Located<String>? = nil) {
        self.dataset = dataset
        self.waves = waves
        self.dimension = dimension
    }
}

/// A grid of small trend charts, one per value of a column (`small_multiples`).
public struct SmallMultiplesBlock: Sendable, Hashable {
    /// The KPI charted.
    public var kpi: Located<String>
    /// The column splitting the data.
    public var by: Located<String>
    /// The bucket (nil: the KPI's `period`).
    public var period: TimeBucket?
    /// Show at most this many panels (largest groups first).
    public var limit: Int?

    /// Creates the block.
    public init(kpi: Located<String>, by: Located<String>, period: TimeBucket? = nil, limit: Int? = nil) {
        self.kpi = kpi
        self.by = by
        self.period = period
        self.limit = limit
    }
}

/// A table of rows from a dataset (`table`).
public struct TableBlock: Sendable, Hashable {
    /// The dataset (nil: the only one).
    public var dataset: Located<String>?
    /// The columns shown, in order.
    public var columns: [Located<String>]
    /// Sort keys, most significant first.
    public var sort: [SortKey]
    /// Show at most this many rows.
    public var limit: Int?
    /// Display formats per column.
    public var formats: [ColumnFormat]
    /// A row formula keeping only matching rows.
    public var filter: Located<String>?

    /// Creates the block.
    public init(
        dataset: Located<String>? = nil, columns: [Located<String>], sort: [SortKey] = [], limit: Int? = nil,
        formats: [ColumnFormat] = [], filter: Located<String>? = nil
    ) {
        self.dataset = dataset
        self.columns = columns
        self.sort = sort
        self.limit = limit
        self.formats = formats
        self.filter = filter
    }
}

/// A sort key: a column, descending when written with a leading `-`.
public struct SortKey: Sendable, Hashable {
    /// The column.
    public var column: Located<String>
    /// True for largest first.
    public var descending: Bool

    /// Creates a sort key.
    public init(column: Located<String>, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// A display format for one table column.
public struct ColumnFormat: Sendable, Hashable {
    /// The column.
    public var column: Located<String>
    /// The format.
    public var format: KPIFormat

    /// Creates a column format.
    public init(column: Located<String>, format: KPIFormat) {
        self.column = column
        self.format = format
    }
}

/// Verbatim customer comments (`quotes`).
public struct QuotesBlock: Sendable, Hashable {
    /// The dataset (nil: the only one).
    public var dataset: Located<String>?
    /// The column holding the comment text.
    public var text: Located<String>
    /// A row formula choosing which comments qualify.
    public var filter: Located<String>?
    /// Show at most this many (default 5).
    public var limit: Int

    /// Creates the block.
    public init(dataset: Located<String>? = nil, text: Located<String>, filter: Located<String>? = nil, limit: Int = 5) {
        self.dataset = dataset
        self.text = text
        self.filter = filter
        self.limit = limit
    }
}
