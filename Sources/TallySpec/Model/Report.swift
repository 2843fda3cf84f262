import TallyCore

/// A loaded, validated report spec: the input of the evaluator.
public struct Spec: Sendable, Hashable {
    /// The spec format version (always 1 today).
    public var version: Int
    /// The spec file path as given to the loader; data file paths are relative to its directory.
    public var file: String
    /// Title page and metadata.
    public var report: ReportInfo
    /// Typed parameters, overridable with `--param name=value`.
    public var params: [ParamSpec]
    /// Named datasets, in the order written.
    public var datasets: [DatasetSpec]
    /// How rows are placed into phases (baseline, post, …); nil when the spec has no `phases`.
    public var phases: PhasePlan?
    /// KPI definitions, in the order written.
    public var kpis: [KPISpec]
    /// The report body.
    public var sections: [SectionSpec]
    /// Portfolio evidence (criteria, signatures); nil when absent.
    public var evidence: EvidenceSpec?
    /// One report per value of a column; nil for a single report.
    public var batch: BatchSpec?
    /// Formats, directory, page and theme.
    public var output: OutputSpec

    /// Creates a spec (the loader is the usual way to get one).
    public init(
        version: Int, file: String, report: ReportInfo, params: [ParamSpec] = [], datasets: [DatasetSpec] = [],
        phases: PhasePlan? = nil, kpis: [KPISpec] = [], sections: [SectionSpec] = [], evidence: EvidenceSpec? = nil,
        batch: BatchSpec? = nil, output: OutputSpec = OutputSpec()
    ) {
        self.version = version
        self.file = file
        self.report = report
        self.params = params
        self.datasets = datasets
        self.phases = phases
        self.kpis = kpis
        self.sections = sections
        self.evidence = evidence
        self.batch = batch
        self.output = output
    }

    /// The dataset with this name.
    public func dataset(named name: String) -> DatasetSpec? { datasets.first { $0.name.value == name } }

    /// The KPI with this id.
    public func kpi(_ id: String) -> KPISpec? { kpis.first { $0.id.value == id } }

    /// The phase with this id.
    public func period(_ id: String) -> PeriodSpec? { phases?.periods.first { $0.id.value == id } }

    /// The dataset a reference names, or the only dataset when the reference is omitted.
    public func dataset(for reference: Located<String>?) -> DatasetSpec? {
        if let reference { return dataset(named: reference.value) }
        return datasets.count == 1 ? datasets.first : nil
    }

    /// The path of a dataset's file as the process should open it (relative to the spec's directory).
    public func filePath(of dataset: DatasetSpec) -> String {
        Path.join(Path.directory(of: file), dataset.file.value)
    }

    /// The column that places a dataset's rows into phases, or nil when the phases do not cover it.
    ///
    /// With the simple form `time: opened_at`, every dataset is placed by its column of that name (whether the
    /// CSV has it is checked when the data is read). With `time: { tickets: opened_at, surveys: sent_at }`,
    /// only the datasets named are covered.
    public func timeColumn(for dataset: DatasetSpec) -> Located<String>? {
        guard let phases else { return nil }
        if !phases.hasTimePerDataset { return phases.time }
        return phases.timeColumns.first { $0.dataset?.value == dataset.name.value }?.column
    }

    /// Every block of every section, in report order.
    public var allBlocks: [BlockSpec] { sections.flatMap(\.blocks) }
}

/// The report's title page and metadata (`report:`).
public struct ReportInfo: Sendable, Hashable {
    /// The report title (required).
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    /// Who the report is for or from.
    public var organisation: String?
    /// Who wrote it.
    public var author: String?
    /// The date the report describes: a fixed date, the latest data date, or the build date.
    public var asOf: AsOf
    /// Number and date formats.
    public var locale: ReportLocale
    /// IANA time zone used to place timestamps into days.
    public var timezone: Located<String>
    /// Keywords for the PDF metadata.
    public var keywords: [String]
    /// Where `report:` starts.
    public var location: SourceLocation

    /// Creates report metadata.
    public init(
        title: String, subtitle: String? = nil, organisation: String? = nil, author: String? = nil,
        asOf: AsOf = .buildDate, locale: ReportLocale = .enGB, timezone: Located<String>, keywords: [String] = [],
        location: SourceLocation
    ) {
        self.title = title
        self.subtitle = subtitle
        self.organisation = organisation
        self.author = author
        self.asOf = asOf
        self.locale = locale
        self.timezone = timezone
        self.keywords = keywords
        self.location = location
    }
}

/// The date a report describes.
public enum AsOf: Sendable, Hashable {
    /// The day the report is built (from the World clock or `SOURCE_DATE_EPOCH`).
    case buildDate
    /// A fixed date.
    case date(CivilDate)
    /// The latest date in the phases' time column.
    case latestData
}

/// The conventions for numbers, dates and currency in the report.
public enum ReportLocale: String, Sendable, CaseIterable {
    /// "23 Nov 2026", "£1,234.50" (the default).
    case enGB = "en-GB"
    /// "Nov 23, 2026", "$1,234.50".
    case enUS = "en-US"
}
