import TallyCore
import TallyData

/// Every number a report shows, computed before anything is drawn; encoded as results.json.
public struct Results: Sendable, Codable {
    /// Producing tool and version, e.g. "Tally 0.1.0".
    public var tool: String
    /// The spec file and its SHA-256.
    public var spec: FileFacts
    /// Report-level facts.
    public var report: ReportFacts
    /// Every input dataset with its audit facts.
    public var datasets: [DatasetFacts]
    /// The phases as resolved against the data and `as_of`.
    public var phases: [PhaseFacts]
    /// KPI values per phase, comparisons with the baseline, and variance against targets.
    public var kpis: [KPIResult]
    /// Trend, run and control chart series with their SPC analysis, by block.
    public var monitoring: [MonitoringResult]
    /// Data of Pareto, Likert, distribution, quotes, table, SERVQUAL, small-multiples and tile blocks.
    public var blocks: [BlockData]
    /// Charts produced (filled when the report is composed).
    public var charts: [ChartFacts]
    /// Warnings raised while evaluating (small samples, skipped rows, provisional limits, …).
    public var warnings: [Diagnostic]

    /// Creates results.
    public init(
        tool: String, spec: FileFacts, report: ReportFacts, datasets: [DatasetFacts], phases: [PhaseFacts], kpis: [KPIResult],
        monitoring: [MonitoringResult] = [], blocks: [BlockData] = [], charts: [ChartFacts] = [], warnings: [Diagnostic] = []
    ) {
        self.tool = tool
        self.spec = spec
        self.report = report
        self.datasets = datasets
        self.phases = phases
        self.kpis = kpis
        self.monitoring = monitoring
        self.blocks = blocks
        self.charts = charts
        self.warnings = warnings
    }

    /// The KPI with `id`, if evaluated.
    public func kpi(_ id: String) -> KPIResult? { kpis.first { $0.id == id } }

    /// The data of block `id`, if any.
    public func block(_ id: String) -> BlockData? { blocks.first { $0.blockId == id } }

    /// The monitoring series of block `id`, if any.
    public func monitoring(block id: String) -> MonitoringResult? { monitoring.first { $0.blockId == id } }
}

/// A file's identity for the audit trail.
public struct FileFacts: Sendable, Codable, Hashable {
    /// Path as given (relative to the working directory).
    public var path: String
    /// Hex SHA-256 of the bytes read.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int

    /// Creates file facts.
    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// Report-level facts shown on the cover and in metadata.
public struct ReportFacts: Sendable, Codable, Hashable {
    /// Title.
    public var title: String
    /// The report date (ISO), from `as_of`, `--as-of`, the latest data, or the build date.
    public var asOf: String
    /// How `asOf` was decided: "spec", "command-line", "latest-data" or "build-date".
    public var asOfSource: String
    /// Locale identifier.
    public var locale: String
    /// Parameter values used (after overrides), as text.
    public var parameters: [String: String]

    /// Creates report facts.
    public init(title: String, asOf: String, asOfSource: String, locale: String, parameters: [String: String]) {
        self.title = title
        self.asOf = asOf
        self.asOfSource = asOfSource
        self.locale = locale
        self.parameters = parameters
    }
}

/// One rejected input row (physical line, record number, reason), for the data-quality appendix:
/// the CSV reader's own record of a skipped row.
public typealias RejectedRow = SkippedRow

/// A dataset as read: identity, dialect, counts, columns, filter.
public struct DatasetFacts: Sendable, Codable, Hashable {
    /// Dataset name in the spec.
    public var name: String
    /// The file.
    public var file: FileFacts
    /// Detected or declared delimiter, e.g. ",".
    public var delimiter: String
    /// Encoding read.
    public var encoding: String
    /// Data records read (after skipping blank lines).
    public var rowsRead: Int
    /// Records rejected under `bad_rows: skip`.
    public var rowsRejected: Int
    /// The first rejected rows with reasons.
    public var rejected: [RejectedRow]
    /// Columns and their types.
    public var columns: [ColumnFacts]
    /// The row filter formula, if any.
    public var filter: String?
    /// Rows left after the filter.
    public var rowsAfterFilter: Int
    /// Columns of the file the spec never mentions, so they were not read (their values were not checked).
    public var unreadColumns: [String] = []

    /// Creates dataset facts.
    public init(
        name: String, file: FileFacts, delimiter: String, encoding: String, rowsRead: Int, rowsRejected: Int,
        rejected: [RejectedRow], columns: [ColumnFacts], filter: String?, rowsAfterFilter: Int
    ) {
        self.name = name
        self.file = file
        self.delimiter = delimiter
        self.encoding = encoding
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.rejected = rejected
        self.columns = columns
        self.filter = filter
        self.rowsAfterFilter = rowsAfterFilter
    }
}

/// A column's name, type and missing count.
public struct ColumnFacts: Sendable, Codable, Hashable {
    /// Header name.
    public var name: String
    /// Type name, e.g. "datetime".
    public var type: String
    /// Rows with no value.
    public var missing: Int

    /// Creates column facts.
    public init(name: String, type: String, missing: Int) {
        self.name = name
        self.type = type
        self.missing = missing
    }
}

/// A phase resolved to dates, with how many rows fell in it.
public struct PhaseFacts: Sendable, Codable, Hashable {
    /// Phase id.
    public var id: String
    /// Label.
    public var label: String
    /// First day (ISO).
    public var from: String
    /// Last day (ISO, inclusive).
    public var to: String
    /// Rows of the phase dataset in the phase.
    public var rows: Int
    /// Length in days.
    public var days: Int
    /// The change that starts this phase, if any.
    public var change: String?
    /// Why the change was made.
    public var changeReason: String?

    /// Creates phase facts.
    public init(id: String, label: String, from: String, to: String, rows: Int, days: Int, change: String? = nil, changeReason: String? = nil) {
        self.id = id
        self.label = label
        self.from = from
        self.to = to
        self.rows = rows
        self.days = days
        self.change = change
        self.changeReason = changeReason
    }
}

/// A chart as shipped: id, words and the file it was written to.
public struct ChartFacts: Sendable, Codable, Hashable {
    /// Chart id.
    public var id: String
    /// Title.
    public var title: String
    /// Alternative text.
    public var altText: String
    /// PNG path relative to the report directory, when written.
    public var file: String?

    /// Creates chart facts.
    public init(id: String, title: String, altText: String, file: String?) {
        self.id = id
        self.title = title
        self.altText = altText
        self.file = file
    }
}
