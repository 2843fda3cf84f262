import TallyCharts
import TallyCore
import TallyGraphics

/// A report to lay out: front matter, running header/footer text, and a sequence of blocks.
public struct Document: Sendable, Hashable, Codable {
    /// Report title (cover, header, PDF metadata).
    public var title: String
    /// Subtitle.
    public var subtitle: String?
    /// Organisation.
    public var organisation: String?
    /// Author.
    public var author: String?
    /// The period the report covers, as text.
    public var period: String?
    /// The as-of date, as text.
    public var asOf: String
    /// A short fingerprint of the inputs, printed in the footer.
    public var fingerprint: String
    /// Blocks in reading order.
    public var blocks: [DocumentBlock]
    /// Number the `.heading` sections "1", "1.1", "1.1.1" (in the text, contents, bookmarks and evidence);
    /// contents, evidence and audit headings stay unnumbered.
    public var numbersSections: Bool

    /// Creates a document.
    public init(
        title: String, subtitle: String? = nil, organisation: String? = nil, author: String? = nil,
        period: String? = nil, asOf: String, fingerprint: String, blocks: [DocumentBlock], numbersSections: Bool = false
    ) {
        self.numbersSections = numbersSections
        self.title = title
        self.subtitle = subtitle
        self.organisation = organisation
        self.author = author
        self.period = period
        self.asOf = asOf
        self.fingerprint = fingerprint
        self.blocks = blocks
    }
}

/// One unit of content in a document.
public enum DocumentBlock: Sendable, Hashable, Codable {
    /// The report's title block at the top of the first page (title, subtitle, who, when).
    case titleBlock
    /// A section or sub-section heading; `anchor` is its link destination and bookmark.
    case heading(String, level: Int, anchor: String)
    /// A paragraph of rich text.
    case paragraph(StyledText)
    /// A bulleted list.
    case bullets([StyledText])
    /// A numbered list (1., 2., …).
    case numbered([StyledText])
    /// A chart, `columns` wide on the 12-column grid.
    case chart(ChartModel, columns: Int)
    /// A table.
    case table(TableModel)
    /// Force a new page.
    case pageBreak
    /// A full cover page from the document's title, subtitle, organisation, author, period and as-of date.
    case cover
    /// A contents list of the document's headings with page numbers and internal links.
    case contents(title: String = "Contents", maxLevel: Int = 2)
    /// Text in the inline Markdown subset: paragraphs, **bold**, *italic*, `- ` bullet lists.
    case markdown(String)
    /// Blocks kept on one page when they fit (a caption with its chart, a signature panel).
    case keepTogether([DocumentBlock])
    /// The evidence page: qualification facts and criteria mapped to the sections that evidence them.
    case evidence(EvidenceModel)
    /// Signature-and-date blocks, two to a row.
    case signatures([SignatureLine])
    /// The audit appendix: inputs with checksums, rejected rows, filters, phases, methods, provenance.
    case audit(AuditModel)
}

/// A spreadsheet-style table: typed columns, rows of formatted cells, optional totals and footnotes.
public struct TableModel: Sendable, Hashable, Codable {
    /// A column's heading, number format and how its cells align.
    public struct Column: Sendable, Hashable, Codable {
        /// Heading text.
        public var title: String
        /// Cell alignment (numbers right-aligned).
        public var alignment: TextAlignment
        /// Relative width weight (auto-fit when nil).
        public var weight: Double?
        /// How cells with a `value` but no text are formatted (nil = text column).
        public var format: ValueFormat?
        /// Decimals for `format` (nil = the format's default).
        public var decimals: Int?
        /// Show a "+" on positive values (changes, variances).
        public var signed: Bool
        /// Whether long cell text may wrap; false keeps cells on one line (codes, hashes).
        public var wraps: Bool
        /// Locale for `format`.
        public var locale: ReportLocale

        /// Creates a column; numeric columns (with a `format`) are right-aligned unless told otherwise.
        public init(
            _ title: String, alignment: TextAlignment? = nil, weight: Double? = nil, format: ValueFormat? = nil,
            decimals: Int? = nil, signed: Bool = false, wraps: Bool? = nil, locale: ReportLocale = .enGB
        ) {
            self.title = title
            self.alignment = alignment ?? (format == nil ? .left : .right)
            self.weight = weight
            self.format = format
            self.decimals = decimals
            self.signed = signed
            self.wraps = wraps ?? (format == nil)
            self.locale = locale
        }

        /// The text for a numeric value in this column's format.
        public func formatted(_ value: Double) -> String {
            ValueFormatter.format(value, as: format ?? .number, decimals: decimals, locale: locale, signed: signed)
        }
    }

    /// One cell: text (or a value formatted by its column) plus optional emphasis and a link.
    public struct Cell: Sendable, Hashable, Codable {
        /// Displayed text; when empty and `value` is set, the column's format supplies it.
        public var text: String
        /// The number behind the text, used by conditional formatting and number formats.
        public var value: Double?
        /// Bold.
        public var bold: Bool
        /// Italic.
        public var italic: Bool
        /// Text colour override.
        public var color: Color?
        /// Background override.
        public var fill: Color?
        /// An internal destination (anchor) or URL the cell links to.
        public var link: String?
        /// One destination per `\n`-separated line of the text (a cell listing several linked sections).
        public var lineLinks: [String]

        /// Creates a text cell.
        public init(_ text: String, bold: Bool = false, color: Color? = nil, italic: Bool = false, fill: Color? = nil, link: String? = nil) {
            self.text = text
            self.value = nil
            self.bold = bold
            self.italic = italic
            self.color = color
            self.fill = fill
            self.link = link
            self.lineLinks = []
        }

        /// Creates a numeric cell; `text` overrides the column's format when given.
        public init(value: Double?, text: String = "", bold: Bool = false, color: Color? = nil) {
            self.text = text
            self.value = value
            self.bold = bold
            self.italic = false
            self.color = color
            self.fill = nil
            self.link = nil
            self.lineLinks = []
        }
    }

    /// Optional caption above the table.
    public var caption: String?
    /// Columns.
    public var columns: [Column]
    /// Body rows.
    public var rows: [[Cell]]
    /// A totals row drawn bold with a rule above it.
    public var totals: [Cell]?
    /// Footnotes under the table.
    public var footnotes: [String]
    /// Conditional formatting applied to cells with values, first matching rule wins.
    public var rules: [ConditionalRule]
    /// Alternate rows shaded.
    public var zebra: Bool
    /// Link destination at the top of the table (so evidence can point at it).
    public var anchor: String?
    /// Whether the header row is drawn (false for label/value lists).
    public var showsHeader: Bool

    /// Creates a table.
    public init(
        caption: String? = nil, columns: [Column], rows: [[Cell]], totals: [Cell]? = nil, footnotes: [String] = [],
        rules: [ConditionalRule] = [], zebra: Bool = true, anchor: String? = nil, showsHeader: Bool = true
    ) {
        self.showsHeader = showsHeader
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.footnotes = footnotes
        self.rules = rules
        self.zebra = zebra
        self.anchor = anchor
    }
}

/// A conditional-formatting rule: cells of one column whose value meets a condition get a colour and a symbol.
public struct ConditionalRule: Sendable, Hashable, Codable {
    /// When the rule applies to a value.
    public enum Condition: Sendable, Hashable, Codable {
        /// Strictly above the threshold.
        case above(Double)
        /// Strictly below the threshold.
        case below(Double)
        /// Outside the closed range (e.g. a variance beyond ±5%: `outside(-0.05, 0.05)`).
        case outside(Double, Double)
        /// Inside the closed range.
        case between(Double, Double)

        /// Whether `value` meets the condition.
        public func matches(_ value: Double) -> Bool {
            guard value.isFinite else { return false }
            switch self {
            case .above(let t): return value > t
            case .below(let t): return value < t
            case .outside(let lo, let hi): return value < lo || value > hi
            case .between(let lo, let hi): return value >= lo && value <= hi
            }
        }
    }

    /// Index of the column the rule looks at.
    public var column: Int
    /// The condition on the cell's value.
    public var condition: Condition
    /// Text colour of matching cells.
    public var color: Color
    /// A symbol placed before the text, so the meaning survives greyscale and colour-blindness (e.g. "▲").
    public var symbol: String?
    /// Background of matching cells.
    public var fill: Color?
    /// Bold matching cells.
    public var bold: Bool
    /// What the rule means, added to the table's footnotes as a key (e.g. "variance beyond ±5%").
    public var label: String?

    /// Creates a rule.
    public init(column: Int, condition: Condition, color: Color, symbol: String? = nil, fill: Color? = nil, bold: Bool = true, label: String? = nil) {
        self.column = column
        self.condition = condition
        self.color = color
        self.symbol = symbol
        self.fill = fill
        self.bold = bold
        self.label = label
    }
}

/// Paper, orientation and margins.
public struct PageGeometry: Sendable, Hashable, Codable {
    /// Paper size (already oriented).
    public var size: Size
    /// Margins: top, right, bottom, left.
    public var margins: (top: Double, right: Double, bottom: Double, left: Double) {
        (marginTop, marginSide, marginBottom, marginSide)
    }
    /// Top margin (room for the running header).
    public var marginTop: Double
    /// Left and right margins.
    public var marginSide: Double
    /// Bottom margin (room for the footer).
    public var marginBottom: Double

    /// Creates a geometry; landscape swaps width and height.
    public init(paper: Size, landscape: Bool, marginTop: Double = 62, marginSide: Double = 56, marginBottom: Double = 62) {
        size = landscape ? Size(paper.height, paper.width) : paper
        self.marginTop = marginTop
        self.marginSide = marginSide
        self.marginBottom = marginBottom
    }

    /// A paper size by name ("a4", "letter"), or nil.
    public static func paper(named name: String) -> Size? {
        switch name.lowercased() {
        case "a4": return .a4
        case "letter", "us-letter", "usletter": return .letter
        default: return nil
        }
    }

    /// Whether the page is wider than tall.
    public var isLandscape: Bool { size.width > size.height }

    /// The area blocks flow in.
    public var content: Rect {
        Rect(x: marginSide, y: marginTop, width: size.width - 2 * marginSide, height: size.height - marginTop - marginBottom)
    }

    /// Space between grid columns, in points.
    public static let gutter = 12.0

    /// Width of `columns` of the 12-column grid (gutter 12 pt).
    public func gridWidth(columns: Int) -> Double {
        let gutter = Self.gutter
        let column = (content.width - 11 * gutter) / 12
        let n = Double(max(1, min(12, columns)))
        return n * column + (n - 1) * gutter
    }

    /// Compares sizes and margins.
    public static func == (lhs: PageGeometry, rhs: PageGeometry) -> Bool {
        lhs.size == rhs.size && lhs.marginTop == rhs.marginTop && lhs.marginSide == rhs.marginSide && lhs.marginBottom == rhs.marginBottom
    }

    /// Hashes sizes and margins.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(marginTop)
        hasher.combine(marginSide)
        hasher.combine(marginBottom)
    }
}
