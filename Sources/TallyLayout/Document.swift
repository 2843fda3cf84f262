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

    /// Creates a document.
    public init(
        title: String, subtitle: String? = nil, organisation: String? = nil, author: String? = nil,
        period: String? = nil, asOf: String, fingerprint: String, blocks: [DocumentBlock]
    ) {
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
    /// A chart, `columns` wide on the 12-column grid.
    case chart(ChartModel, columns: Int)
    /// A table.
    case table(TableModel)
    /// Force a new page.
    case pageBreak
}

/// A spreadsheet-style table: typed columns, rows of formatted cells, optional totals and footnotes.
public struct TableModel: Sendable, Hashable, Codable {
    /// A column's heading and how its cells align.
    public struct Column: Sendable, Hashable, Codable {
        /// Heading text.
        public var title: String
        /// Cell alignment (numbers right-aligned).
        public var alignment: TextAlignment
        /// Relative width weight (auto-fit when nil).
        public var weight: Double?

        /// Creates a column.
        public init(_ title: String, alignment: TextAlignment = .left, weight: Double? = nil) {
            self.title = title
            self.alignment = alignment
            self.weight = weight
        }
    }

    /// One cell: text plus optional emphasis for conditional formatting.
    public struct Cell: Sendable, Hashable, Codable {
        /// Displayed text.
        public var text: String
        /// Bold.
        public var bold: Bool
        /// Text colour override.
        public var color: Color?

        /// Creates a cell.
        public init(_ text: String, bold: Bool = false, color: Color? = nil) {
            self.text = text
            self.bold = bold
            self.color = color
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

    /// Creates a table.
    public init(caption: String? = nil, columns: [Column], rows: [[Cell]], totals: [Cell]? = nil, footnotes: [String] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.footnotes = footnotes
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

    /// The area blocks flow in.
    public var content: Rect {
        Rect(x: marginSide, y: marginTop, width: size.width - 2 * marginSide, height: size.height - marginTop - marginBottom)
    }

    /// Width of `columns` of the 12-column grid (gutter 12 pt).
    public func gridWidth(columns: Int) -> Double {
        let gutter = 12.0
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
