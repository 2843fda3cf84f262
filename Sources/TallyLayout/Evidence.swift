import TallyGraphics

/// The evidence page's content: who and what is assessed, and which sections evidence each criterion.
public struct EvidenceModel: Sendable, Hashable, Codable {
    /// One assessment criterion and the anchors of the sections, charts or tables that evidence it.
    public struct Criterion: Sendable, Hashable, Codable {
        /// Criterion reference, e.g. "3.2".
        public var id: String
        /// What the criterion asks for.
        public var text: String
        /// Anchors (heading, "chart-<id>" or table anchors) of the evidence.
        public var evidencedBy: [String]

        /// Creates a criterion.
        public init(id: String, text: String, evidencedBy: [String]) {
            self.id = id
            self.text = text
            self.evidencedBy = evidencedBy
        }
    }

    /// Heading of the evidence page (also its bookmark and contents entry).
    public var title: String
    /// Link destination of the heading.
    public var anchor: String
    /// Qualification, e.g. "Level 3 Diploma in Customer Service".
    public var qualification: String
    /// Unit, e.g. "Unit 12: Improve customer service delivery".
    public var unit: String
    /// Learner's name.
    public var learner: String
    /// Further facts shown under the learner (assessor, centre, registration number…), in order.
    public var details: [KeyValue]
    /// Criteria in the order the qualification lists them.
    public var criteria: [Criterion]
    /// Start the evidence on a new page.
    public var startsNewPage: Bool

    /// Creates an evidence model.
    public init(
        title: String = "Evidence of competence", anchor: String = "evidence", qualification: String, unit: String, learner: String,
        details: [KeyValue] = [], criteria: [Criterion], startsNewPage: Bool = true
    ) {
        self.title = title
        self.anchor = anchor
        self.qualification = qualification
        self.unit = unit
        self.learner = learner
        self.details = details
        self.criteria = criteria
        self.startsNewPage = startsNewPage
    }
}

/// A labelled fact (audit provenance, evidence details, method settings).
public struct KeyValue: Sendable, Hashable, Codable {
    /// The label.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a fact.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

extension BlockContext {
    /// The evidence page: heading, facts, and the criteria table with linked section titles and pages.
    func evidenceUnits(_ model: EvidenceModel) -> [LayoutUnit] {
        var units: [LayoutUnit] = model.startsNewPage ? [.pageBreakMarker] : []
        units.append(headingUnit(model.title, level: 1, anchor: model.anchor))
        let facts = [KeyValue("Qualification", model.qualification), KeyValue("Unit", model.unit), KeyValue("Learner", model.learner)] + model.details
        units += keptTogether(factsTable(facts))
        units += provenanceNote()

        // Fixed weights: the page-number column must not change width between layout passes.
        let criteriaColumns = [
            TableModel.Column("Criterion", weight: 1.1, wraps: false), TableModel.Column("Requirement", weight: 4.2),
            TableModel.Column("Evidenced in", weight: 3.4), TableModel.Column("Page", alignment: .right, weight: 0.9, wraps: false),
        ]
        let tables = tableLayout
        let missing = "\u{26A0}\u{2009}Not yet evidenced"
        var rows: [[TableModel.Cell]] = []
        var unevidenced = 0, broken = 0
        for criterion in model.criteria {
            var sections = TableModel.Cell("")
            var pages = TableModel.Cell("")
            if criterion.evidencedBy.isEmpty {
                unevidenced += 1
                sections = TableModel.Cell(missing, bold: true, color: theme.concern)
                pages = TableModel.Cell("—", color: theme.mutedText)
            } else {
                var titles: [String] = [], numbers: [String] = [], links: [String] = []
                for anchor in criterion.evidencedBy {
                    if let title = references.titleOf[anchor] {
                        titles.append(title)
                        numbers.append(references.pageLabel(anchor))
                        links.append(anchor)
                    } else {
                        // A reference to something that is not in the report is shown, never dropped.
                        broken += 1
                        titles.append("\u{26A0}\u{2009}missing: \(anchor)")
                        numbers.append("—")
                        links.append("")
                    }
                }
                sections = TableModel.Cell(titles.joined(separator: "\n"))
                sections.lineLinks = links
                if links.contains("") { sections.color = theme.concern }
                // A section title that wraps pushes the next page number down by as many lines.
                var pageLines: [String] = [], pageLinks: [String] = []
                for (i, title) in titles.enumerated() {
                    let lines = tables.lineCount(title, column: 2, of: criteriaColumns)
                    pageLines.append(numbers[i])
                    pageLinks.append(links[i])
                    for _ in 1..<max(1, lines) {
                        pageLines.append("")
                        pageLinks.append("")
                    }
                }
                pages = TableModel.Cell(pageLines.joined(separator: "\n"))
                pages.lineLinks = pageLinks
            }
            rows.append([TableModel.Cell(criterion.id, bold: true), TableModel.Cell(criterion.text), sections, pages])
        }
        var footnotes = ["Section titles and page numbers are links to the evidence in this report."]
        if unevidenced > 0 { footnotes.append("\u{26A0} \(unevidenced) of \(model.criteria.count) criteria are not yet evidenced in this report.") }
        if broken > 0 { footnotes.append("\u{26A0} \(broken) evidence reference(s) name a section that is not in this report.") }
        let table = TableModel(
            caption: "Assessment criteria and where they are evidenced",
            columns: criteriaColumns,
            rows: rows, footnotes: footnotes, anchor: model.anchor + "-criteria")
        units += tables.units(table)
        return units
    }

    /// "Produced from data as of … (fingerprint …); inputs and methods: audit appendix, p. N", linked to the
    /// appendix when the document has one.
    private func provenanceNote() -> [LayoutUnit] {
        var runs = [
            TextRun("Produced from data as of "), TextRun(document.asOf, bold: true), TextRun(" (data fingerprint "),
            TextRun(document.fingerprint, bold: true), TextRun(")"),
        ]
        let audit = document.blocks.lazy.compactMap { block -> AuditModel? in if case .audit(let model) = block { return model } else { return nil } }.first
        if let audit {
            runs.append(TextRun("; every input file, rejected row and method is listed in the "))
            runs.append(TextRun(audit.title, italic: true))
            runs.append(TextRun(", \(references.pageLabel(audit.anchor))."))
        } else {
            runs.append(TextRun("."))
        }
        var units = paragraphUnits(StyledText(runs), spaceAfter: 10)
        if let audit, units.count == 1 {
            let size = units[0].frame.size
            units[0].frame.add(.link(Rect(x: 0, y: 0, width: size.width, height: size.height), target: audit.anchor))
        }
        return units
    }

    /// A label/value list drawn as a headerless two-column table.
    func factsTable(_ facts: [KeyValue]) -> [LayoutUnit] {
        guard !facts.isEmpty else { return [] }
        let table = TableModel(
            columns: [TableModel.Column("Item", weight: 1), TableModel.Column("Value", weight: 3)],
            rows: facts.map { [TableModel.Cell($0.key, color: theme.mutedText), TableModel.Cell($0.value)] },
            zebra: false, showsHeader: false)
        return tableLayout.units(table)
    }
}
