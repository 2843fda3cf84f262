import TallyCore

/// What to build: a spec and the command-line overrides that apply to it.
public struct BuildRequest: Sendable {
    /// Path of the spec file.
    public var specPath: String
    /// Output directory overriding the spec's `output.directory` (the report goes in `<dir>/<spec stem>`).
    public var outputDirectory: String?
    /// Formats overriding the spec's `output.formats`.
    public var formats: [String]?
    /// Parameter overrides (`--param name=value`).
    public var parameters: [String: String]
    /// Pinned report date (`--as-of`), overriding the spec's `as_of`.
    public var asOf: CivilDate?
    /// Bounds on what the build may read and produce (`--max-dataset-memory` sets `maxDatasetMemory`).
    public var limits: Limits

    /// Creates a request.
    public init(
        specPath: String, outputDirectory: String? = nil, formats: [String]? = nil, parameters: [String: String] = [:], asOf: CivilDate? = nil,
        limits: Limits = .standard
    ) {
        self.specPath = specPath
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.parameters = parameters
        self.asOf = asOf
        self.limits = limits
    }
}

/// What a successful build produced.
public struct BuildSummary: Sendable {
    /// The spec that was built.
    public var specPath: String
    /// Directory the outputs went to.
    public var outputDirectory: String
    /// Every file written, relative paths joined to `outputDirectory`.
    public var files: [String]
    /// Pages in the PDF (0 when no PDF was requested).
    public var pages: Int
    /// Charts rendered.
    public var charts: Int
    /// Warnings worth showing (small samples, provisional limits, skipped rows, …).
    public var warnings: [Diagnostic]
    /// The batch value this report is for, when the spec has `batch`.
    public var item: String?

    /// Creates a summary.
    public init(specPath: String, outputDirectory: String, files: [String], pages: Int, charts: Int, warnings: [Diagnostic], item: String? = nil) {
        self.specPath = specPath
        self.outputDirectory = outputDirectory
        self.files = files
        self.pages = pages
        self.charts = charts
        self.warnings = warnings
        self.item = item
    }

    /// The one line `tally build` prints per report: name, pages, charts, path.
    public var line: String {
        "built \(Path.stem(of: specPath))\(item.map { " [\($0)]" } ?? ""): \(pages) page\(pages == 1 ? "" : "s"), \(charts) chart\(charts == 1 ? "" : "s") → \(outputDirectory)"
    }
}
