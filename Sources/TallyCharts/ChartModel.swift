import TallyCore
import TallyGraphics

/// What one chart shows: its words (title, subtitle, caption, alt text) and its content.
public struct ChartModel: Sendable, Hashable, Codable {
    /// Stable id; also the PNG file name (`charts/<id>.png`).
    public var id: String
    /// Title, stating the finding or the measure.
    public var title: String
    /// Optional subtitle (method, unit or period).
    public var subtitle: String?
    /// Caption with source dataset, period and n, so an exported PNG stands alone.
    public var caption: String
    /// Alternative text describing the chart for screen readers and results.json.
    public var altText: String
    /// Size in points.
    public var size: Size
    /// The marks.
    public var content: ChartContent

    /// Creates a chart model.
    public init(id: String, title: String, subtitle: String? = nil, caption: String, altText: String, size: Size, content: ChartContent) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.caption = caption
        self.altText = altText
        self.size = size
        self.content = content
    }
}

/// The kinds of chart the renderer knows, each with its own data model.
public enum ChartContent: Sendable, Hashable, Codable {
    /// Bars per phase (baseline vs later phases) for one or more KPIs, with CI whiskers and value labels.
    case prePostBars(PrePostBars)
    /// Lines over time with phase shading, change annotations and a target.
    case timeSeries(TimeSeriesData)
    /// A control chart of any SPC type: centre and limits as steps per phase, special causes marked.
    case controlChart(ControlChartData)
    /// A run chart: data and median per phase, with run-chart signals.
    case runChart(ControlChartData)
    /// Pareto: bars largest first, the cumulative share line and the vital-few threshold.
    case pareto(ParetoData)
    /// Histograms of a value, one panel per phase on shared scales.
    case histogram(HistogramData)
    /// Box plots of a value per phase.
    case boxPlot(BoxPlotData)
    /// Diverging stacked bars of a Likert scale, one bar per phase or question.
    case likert(LikertData)
    /// Dumbbells from baseline to post for many KPIs or teams.
    case dumbbell(DumbbellData)
    /// A KPI tile: value, change, sparkline, NHS variation and assurance icons.
    case kpiTile(KPITileData)
    /// Small line panels per group on shared scales.
    case smallMultiples(SmallMultiplesData)
    /// SERVQUAL gap chart: expectation vs perception per dimension.
    case servqual(ServqualData)
}

/// Data for pre/post bars: groups (KPIs) of bars (phases).
public struct PrePostBars: Sendable, Hashable, Codable {
    /// One bar: a phase's value and its interval.
    public struct Bar: Sendable, Hashable, Codable {
        /// Phase label shown under the bar or in the legend.
        public var phase: String
        /// The value; nil when it could not be computed (drawn as "n/a").
        public var value: Double?
        /// Lower end of the confidence interval.
        public var lower: Double?
        /// Upper end of the confidence interval.
        public var upper: Double?
        /// Number of observations behind the value.
        public var n: Int

        /// Creates a bar.
        public init(phase: String, value: Double?, lower: Double? = nil, upper: Double? = nil, n: Int) {
            self.phase = phase
            self.value = value
            self.lower = lower
            self.upper = upper
            self.n = n
        }
    }

    /// A KPI's bars.
    public struct Group: Sendable, Hashable, Codable {
        /// KPI label.
        public var label: String
        /// Bars, baseline first.
        public var bars: [Bar]

        /// Creates a group.
        public init(label: String, bars: [Bar]) {
            self.label = label
            self.bars = bars
        }
    }

    /// The groups.
    public var groups: [Group]
    /// How values are formatted.
    public var format: ValueFormat
    /// Decimals for value labels.
    public var decimals: Int
    /// Locale for numbers.
    public var locale: ReportLocale
    /// A target line (drawn when there is one group).
    public var target: Double?
    /// Label of the interval, e.g. "95% CI".
    public var intervalLabel: String

    /// Creates the model.
    public init(groups: [Group], format: ValueFormat, decimals: Int, locale: ReportLocale = .enGB, target: Double? = nil, intervalLabel: String = "95% CI") {
        self.groups = groups
        self.format = format
        self.decimals = decimals
        self.locale = locale
        self.target = target
        self.intervalLabel = intervalLabel
    }
}
