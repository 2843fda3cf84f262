import TallyStats

/// One period's KPI value in a trend, run or control chart.
public struct PeriodValue: Sendable, Codable, Hashable {
    /// First day of the period (ISO).
    public var start: String
    /// First day as days since 1970-01-01 (the chart's x).
    public var startDay: Int
    /// Label, e.g. "w/c 3 Mar 2025".
    public var label: String
    /// The KPI value; nil for a period without data (a gap, never a zero).
    public var value: Double?
    /// Observations behind it (the subgroup size).
    public var n: Int
    /// Index of the phase the period belongs to (−1: none).
    public var phase: Int
}

/// The numbers behind a trend, run or control chart block: KPI per period and, for SPC, limits and signals.
public struct MonitoringResult: Sendable, Codable {
    /// The block's id (also the chart id).
    public var blockId: String
    /// Block type: trend_chart, run_chart or control_chart.
    public var blockType: String
    /// KPI id.
    public var kpi: String
    /// Period unit: day, week, month or quarter.
    public var period: String
    /// Values per period, gaps included.
    public var points: [PeriodValue]
    /// Control or run chart: limits, phases, signals (nil for a plain trend).
    public var chart: ControlChartResult?
    /// NHS Making Data Count variation and assurance icons (nil for a plain trend).
    public var nhs: NHSSummary?
}
