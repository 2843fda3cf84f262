import TallyCore
import TallyGraphics

/// The audit appendix's facts — the same facts results.json records — so a reader can trace every number
/// back to the input files and the methods used.
public struct AuditModel: Sendable, Hashable, Codable {
    /// One input file as it was read.
    public struct InputFile: Sendable, Hashable, Codable {
        /// Path as the spec names it.
        public var path: String
        /// SHA-256 of the file's bytes, lowercase hex.
        public var sha256: String
        /// Size in bytes.
        public var bytes: Int
        /// Data rows read.
        public var rowsRead: Int
        /// Rows rejected.
        public var rowsRejected: Int
        /// The first rejected rows with their reasons (the full list is in results.json).
        public var rejections: [Rejection]

        /// Creates an input-file record.
        public init(path: String, sha256: String, bytes: Int, rowsRead: Int, rowsRejected: Int, rejections: [Rejection] = []) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.rowsRead = rowsRead
            self.rowsRejected = rowsRejected
            self.rejections = rejections
        }
    }

    /// A rejected row: where it was, what it said, why it was left out.
    public struct Rejection: Sendable, Hashable, Codable {
        /// 1-based line number in the file.
        public var line: Int
        /// The line's text (possibly shortened).
        public var text: String
        /// Why it was rejected.
        public var reason: String

        /// Creates a rejection.
        public init(line: Int, text: String, reason: String) {
            self.line = line
            self.text = text
            self.reason = reason
        }
    }

    /// A phase of the project (baseline, intervention, post…).
    public struct Phase: Sendable, Hashable, Codable {
        /// Phase name.
        public var name: String
        /// First day, as text.
        public var from: String
        /// Last day, as text.
        public var to: String
        /// How the phase was defined, or what happened in it.
        public var note: String

        /// Creates a phase definition.
        public init(name: String, from: String, to: String, note: String = "") {
            self.name = name
            self.from = from
            self.to = to
            self.note = note
        }
    }

    /// Heading of the appendix (also its bookmark and contents entry).
    public var title: String
    /// Link destination of the heading; sub-sections use it as a prefix.
    public var anchor: String
    /// Every input file, in the order they were read.
    public var inputs: [InputFile]
    /// Filters applied before any calculation, as sentences.
    public var filters: [String]
    /// Phase definitions.
    public var phases: [Phase]
    /// Methods: tests, confidence intervals, SPC constants and rule set, as named facts.
    public var methods: [KeyValue]
    /// Version of Tally that built the report.
    public var toolVersion: String
    /// The spec file's path.
    public var specPath: String
    /// SHA-256 of the spec file.
    public var specHash: String
    /// Further provenance (results.json path, build date, locale…).
    public var provenance: [KeyValue]
    /// Start the appendix on a new page.
    public var startsNewPage: Bool

    /// Creates an audit model.
    public init(
        title: String = "Appendix: audit trail", anchor: String = "audit", inputs: [InputFile], filters: [String] = [], phases: [Phase] = [],
        methods: [KeyValue] = [], toolVersion: String = TallyVersion.current, specPath: String, specHash: String,
        provenance: [KeyValue] = [], startsNewPage: Bool = true
    ) {
        self.title = title
        self.anchor = anchor
        self.inputs = inputs
        self.filters = filters
        self.phases = phases
        self.methods = methods
        self.toolVersion = toolVersion
        self.specPath = specPath
        self.specHash = specHash
        self.provenance = provenance
        self.startsNewPage = startsNewPage
    }

    /// The appendix heading and its sub-section headings, as the contents list shows them.
    var headings: [HeadingEntry] {
        var result = [HeadingEntry(title: title, level: 1, anchor: anchor)]
        for (suffix, name, present) in sections {
            if present { result.append(HeadingEntry(title: name, level: 2, anchor: anchor + "-" + suffix)) }
        }
        return result
    }

    /// Sub-sections in order: anchor suffix, title, and whether the model has content for it.
    var sections: [(String, String, Bool)] {
        [
            ("inputs", "Input files", true),
            ("rejected", "Rejected rows", inputs.contains { $0.rowsRejected > 0 || !$0.rejections.isEmpty }),
            ("filters", "Filters", !filters.isEmpty),
            ("phases", "Phase definitions", !phases.isEmpty),
            ("methods", "Methods", !methods.isEmpty),
            ("provenance", "Provenance", true),
        ]
    }
}

extension BlockContext {
    /// The audit appendix: inputs with checksums, rejected rows with reasons, filters, phases, methods and
    /// the tool and spec that produced the report.
    func auditUnits(_ model: AuditModel) -> [LayoutUnit] {
        var units: [LayoutUnit] = model.startsNewPage ? [.pageBreakMarker] : []
        units.append(headingUnit(model.title, level: 1, anchor: model.anchor))
        units += paragraphUnits(InlineMarkdown.styled(
            "Everything needed to check this report: the exact input files (identified by SHA-256), the rows left out and why, and the methods behind every figure. The same facts are in *results.json*."))
        let tables = tableLayout
        func heading(_ suffix: String) -> LayoutUnit? {
            guard let section = model.sections.first(where: { $0.0 == suffix }), section.2 else { return nil }
            return headingUnit(section.1, level: 2, anchor: model.anchor + "-" + suffix)
        }

        // Input files: counts, then checksums on one line each so they can be compared with `sha256sum`.
        if let h = heading("inputs") { units.append(h) }
        let totalsRead = model.inputs.map(\.rowsRead).reduce(0, +)
        let totalsRejected = model.inputs.map(\.rowsRejected).reduce(0, +)
        let inputTable = TableModel(
            caption: "Files read",
            columns: [
                TableModel.Column("File"), TableModel.Column("Size (bytes)", format: .integer),
                TableModel.Column("Rows read", format: .integer), TableModel.Column("Rows rejected", format: .integer),
                TableModel.Column("Rejected share", format: .percent, decimals: 2),
            ],
            rows: model.inputs.map { file in
                [TableModel.Cell(file.path), TableModel.Cell(value: Double(file.bytes)), TableModel.Cell(value: Double(file.rowsRead)),
                 TableModel.Cell(value: Double(file.rowsRejected)), share(file.rowsRejected, of: file.rowsRead + file.rowsRejected)]
            },
            totals: model.inputs.count > 1
                ? [TableModel.Cell("Total"), TableModel.Cell(value: Double(model.inputs.map(\.bytes).reduce(0, +))), TableModel.Cell(value: Double(totalsRead)),
                   TableModel.Cell(value: Double(totalsRejected)), share(totalsRejected, of: totalsRead + totalsRejected)]
                : nil,
            footnotes: ["Rejected share = rows rejected ÷ (rows read + rows rejected)."],
            anchor: model.anchor + "-files")
        units += tables.units(inputTable)
        let checksums = TableModel(
            caption: "SHA-256 checksums",
            columns: [TableModel.Column("File"), TableModel.Column("SHA-256", wraps: false)],
            rows: model.inputs.map { [TableModel.Cell($0.path), TableModel.Cell($0.sha256)] })
        units += tables.units(checksums)

        // Rejected rows: the first few per file, with line numbers and reasons.
        if let h = heading("rejected") {
            units.append(h)
            for file in model.inputs where file.rowsRejected > 0 || !file.rejections.isEmpty {
                let shown = file.rejections.count
                let caption = "\(file.path): \(file.rowsRejected) row\(file.rowsRejected == 1 ? "" : "s") rejected"
                    + (shown < file.rowsRejected ? " (first \(shown) shown; all are listed in results.json)" : "")
                let table = TableModel(
                    caption: caption,
                    columns: [TableModel.Column("Line", format: .integer), TableModel.Column("Reason"), TableModel.Column("Content")],
                    rows: file.rejections.map { [TableModel.Cell(value: Double($0.line)), TableModel.Cell($0.reason), TableModel.Cell(Self.excerpt($0.text))] })
                units += tables.units(table)
            }
        }
        if let h = heading("filters") {
            units.append(h)
            units += bulletUnits(model.filters.map(InlineMarkdown.styled))
        }
        if let h = heading("phases") {
            units.append(h)
            let table = TableModel(
                columns: [TableModel.Column("Phase"), TableModel.Column("From", wraps: false), TableModel.Column("To", wraps: false), TableModel.Column("Definition")],
                rows: model.phases.map { [TableModel.Cell($0.name, bold: true), TableModel.Cell($0.from), TableModel.Cell($0.to), TableModel.Cell($0.note)] })
            units += tables.units(table)
        }
        if let h = heading("methods") {
            units.append(h)
            units += factsTable(model.methods)
        }
        if let h = heading("provenance") {
            units.append(h)
            let facts = [
                KeyValue("Tool", "Tally \(model.toolVersion)"), KeyValue("Report spec", model.specPath), KeyValue("Spec SHA-256", model.specHash),
                KeyValue("Data as of", document.asOf), KeyValue("Data fingerprint", document.fingerprint),
            ] + model.provenance
            units += keptTogether(factsTable(facts))
        }
        return units
    }

    /// A rejected line as printed: at most 240 characters, so a runaway line cannot outgrow a page.
    static func excerpt(_ text: String) -> String {
        text.count <= 240 ? text : String(text.prefix(239)) + "…"
    }

    private func share(_ part: Int, of whole: Int) -> TableModel.Cell {
        whole > 0 ? TableModel.Cell(value: Double(part) / Double(whole)) : TableModel.Cell("–")
    }
}
