import TallyCharts
import TallyCore
import TallyGraphics

/// Lays out a document into pages: the single entry point of the layout stage.
public struct DocumentLayout: Sendable {
    /// Paper and margins.
    public var geometry: PageGeometry
    /// Visual theme.
    public var theme: Theme
    /// Text measurer (Pango in real builds).
    public var measurer: any TextMeasurer

    /// Creates a layout engine.
    public init(geometry: PageGeometry, theme: Theme, measurer: any TextMeasurer) {
        self.geometry = geometry
        self.theme = theme
        self.measurer = measurer
    }

    /// The most layout passes spent settling page numbers in the contents and evidence tables.
    static let maximumPasses = 4

    /// Lays out `document`, drawing charts with `charts` (the frames it returns are placed as groups).
    public func layout(_ document: Document, charts: ChartRenderer) -> [Page] {
        let registry = References.registry(for: document)
        var references = registry
        var cache: [Int: [LayoutUnit]] = [:]
        var pagination = Pagination(pages: [], coverPages: [])
        // Pass 1 lays out with unknown page numbers; later passes re-measure only the blocks that show page
        // numbers, until every anchor lands where the previous pass said (number columns have a fixed width,
        // so this normally settles on pass 2).
        for _ in 0..<Self.maximumPasses {
            var units: [LayoutUnit] = []
            let context = BlockContext(geometry: geometry, theme: theme, measurer: measurer, charts: charts, document: document, references: references)
            for segment in BlockContext.segments(document.blocks) {
                if let cached = cache[segment.lowerBound] {
                    units += cached
                    continue
                }
                let blocks = Array(document.blocks[segment])
                let measured = context.units(blocks)
                if !blocks.contains(where: \.showsPageNumbers) { cache[segment.lowerBound] = measured }
                units += measured
            }
            pagination = Paginator(geometry: geometry).paginate(units)
            let landed = pagination.anchorPages
            if landed == references.pageOf { break }
            references.pageOf = landed
        }
        var pages = pagination.pages
        let footer = RunningHeader(geometry: geometry, theme: theme, measurer: measurer, document: document)
        for index in pages.indices {
            if !pagination.coverPages.contains(index) { footer.add(to: &pages[index], number: index + 1, of: pages.count) }
            pages[index] = PageTags.hoisted(pages[index])
        }
        return pages
    }
}

/// Everything a block needs to measure itself: page geometry, theme, measurer, chart renderer and the
/// cross-references (anchor titles and, after the first pass, their page numbers).
struct BlockContext {
    let geometry: PageGeometry
    let theme: Theme
    let measurer: any TextMeasurer
    let charts: ChartRenderer
    let document: Document
    let references: References

    /// Width of the content area.
    var width: Double { geometry.content.width }

    /// Index ranges of blocks measured together: a run of consecutive charts shares a grid row (while
    /// their columns add up to 12 or fewer); every other block stands alone.
    static func segments(_ blocks: [DocumentBlock]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < blocks.count {
            var end = index + 1
            if case .chart(_, let first) = blocks[index] {
                var used = max(1, min(12, first))
                while end < blocks.count, case .chart(_, let columns) = blocks[end], used + max(1, min(12, columns)) <= 12 {
                    used += max(1, min(12, columns))
                    end += 1
                }
            }
            result.append(index..<end)
            index = end
        }
        return result
    }

    /// Measures a sequence of blocks, consecutive charts sharing grid rows.
    func units(_ blocks: [DocumentBlock]) -> [LayoutUnit] {
        var result: [LayoutUnit] = []
        for segment in Self.segments(blocks) {
            let charts = blocks[segment].compactMap { block -> (ChartModel, Int)? in
                if case .chart(let model, let columns) = block { return (model, columns) }
                return nil
            }
            if charts.count == segment.count, !charts.isEmpty {
                result.append(chartRowUnit(charts))
            } else {
                for block in blocks[segment] { result += units(block) }
            }
        }
        return result
    }

    /// Measures one block into units the paginator can place.
    func units(_ block: DocumentBlock) -> [LayoutUnit] {
        switch block {
        case .titleBlock: return [titleUnit()]
        case .heading(let text, let level, let anchor): return [headingUnit(references.displayTitle(text, anchor: anchor), level: level, anchor: anchor)]
        case .paragraph(let text): return paragraphUnits(text)
        case .bullets(let items): return bulletUnits(items)
        case .numbered(let items): return bulletUnits(items, numbered: true)
        case .markdown(let source): return units(InlineMarkdown.blocks(source))
        case .chart(let model, let columns): return [chartRowUnit([(model, columns)])]
        case .table(let table): return tableLayout.units(table)
        case .pageBreak: return [.pageBreakMarker]
        case .cover: return coverUnits()
        case .contents(let title, let maxLevel): return contentsUnits(title: title, maxLevel: maxLevel)
        case .keepTogether(let blocks): return keptTogether(units(blocks))
        case .evidence(let model): return evidenceUnits(model)
        case .signatures(let lines): return signatureUnits(lines)
        case .audit(let model): return auditUnits(model)
        }
    }

    /// Table layout for the content width: a row may be at most 60% of a page (room for a repeated header),
    /// and tables up to 40% of a page are kept whole.
    var tableLayout: TableLayout {
        TableLayout(
            theme: theme, measurer: measurer, width: width, maxRowHeight: max(60, geometry.content.height * 0.6),
            keepWholeHeight: geometry.content.height * 0.4)
    }

    /// Chains units so the paginator keeps them on one page when they fit.
    func keptTogether(_ units: [LayoutUnit]) -> [LayoutUnit] {
        var result = units
        for i in result.indices.dropLast() where !result[i].pageBreak { result[i].keepWithNext = true }
        return result
    }

    // MARK: - Text blocks

    /// The compact title block at the top of a report without a cover page.
    func titleUnit() -> LayoutUnit {
        var frame = Frame(size: Size(width, 0))
        var y = 0.0
        let title = measurer.box(StyledText([TextRun(document.title, bold: true)]), font: theme.font(size: 20, bold: true), color: theme.text, at: Point(0, y), width: width, lineSpacing: 1)
        frame.add(.text(title))
        y += title.measured.height + 4
        if let subtitle = document.subtitle {
            let box = measurer.box(StyledText(plain: subtitle), font: theme.font(size: 12), color: theme.mutedText, at: Point(0, y), width: width)
            frame.add(.text(box))
            y += box.measured.height + 6
        }
        let facts = [document.organisation, document.author, document.period.map { "Period: \($0)" }, "As of \(document.asOf)"].compactMap { $0 }
        let meta = measurer.box(StyledText(plain: facts.joined(separator: "  ·  ")), font: theme.font(size: theme.bodySize - 0.5), color: theme.mutedText, at: Point(0, y), width: width)
        frame.add(.text(meta))
        y += meta.measured.height + 8
        frame.fill(Rect(x: 0, y: y - 0.75, width: width, height: 1.5), theme.post)
        frame.size.height = y + 2
        return LayoutUnit(frame: frame, spaceAfter: 14)
    }

    /// A heading: an anchor, a bookmark, bold text; kept with the block after it.
    func headingUnit(_ text: String, level: Int, anchor: String) -> LayoutUnit {
        let size = level <= 1 ? 14.0 : (level == 2 ? 11.5 : 10.5)
        var frame = Frame(size: Size(width, 0))
        // Space above a heading belongs to the heading, so a heading at the top of a page sits flush.
        frame.add(.anchor(anchor, at: Point(0, 0)))
        let box = measurer.box(StyledText([TextRun(text, bold: true)]), font: theme.font(size: size, bold: true), color: theme.text, at: Point(0, 0), width: width)
        frame.add(.text(box))
        var height = box.measured.height
        if level <= 1 {
            height += 3
            frame.stroke(.line(from: Point(0, height), to: Point(width, height)), Stroke(color: theme.grid, width: 0.8))
            height += 2
        }
        frame.size.height = height
        var unit = LayoutUnit(frame: frame, spaceAfter: level <= 1 ? 8 : 5, spaceBefore: level <= 1 ? 10 : 5, keepWithNext: true)
        unit.outline = [OutlineEntry(title: text, destination: anchor, level: max(0, level - 1))]
        return unit
    }

    /// A paragraph; longer than four lines it splits between lines, at least two lines on either side.
    func paragraphUnits(_ text: StyledText, indent: Double = 0, spaceAfter: Double = 7) -> [LayoutUnit] {
        let font = theme.font(size: theme.bodySize)
        let boxWidth = width - indent
        let whole = measurer.box(text, font: font, color: theme.text, at: Point(indent, 0), width: boxWidth, lineSpacing: 1.15)
        let lineCount = measurer.measure(text, font: font, width: boxWidth, lineSpacing: 1.15).lineCount
        if lineCount <= 4 {
            var frame = Frame(size: Size(width, whole.measured.height))
            frame.add(.text(whole))
            return [LayoutUnit(frame: frame, spaceAfter: spaceAfter)]
        }
        let lines = TextLines(measurer: measurer).lines(text, font: font, width: boxWidth)
        let pitch = whole.measured.height / Double(max(1, lineCount))
        var units: [LayoutUnit] = []
        for (i, line) in lines.enumerated() {
            var frame = Frame(size: Size(width, pitch))
            frame.add(.text(measurer.box(line, font: font, color: theme.text, at: Point(indent, 0), width: boxWidth, lineSpacing: 1.15)))
            let last = i == lines.count - 1
            // Orphan and widow control: the first two and the last two lines stay together.
            units.append(LayoutUnit(frame: frame, spaceAfter: last ? spaceAfter : 0, keepWithNext: i == 0 || i == lines.count - 2))
        }
        return units
    }

    /// A bulleted or numbered list: one unit per item (long items split between lines like paragraphs).
    func bulletUnits(_ items: [StyledText], numbered: Bool = false) -> [LayoutUnit] {
        let font = theme.font(size: theme.bodySize)
        // Numbers are right-aligned in a gutter wide enough for the largest one.
        let gutter = numbered ? measurer.measure(StyledText(plain: "\(items.count)."), font: font, width: nil, lineSpacing: 1).width + 8 : 16
        var units: [LayoutUnit] = []
        for (i, item) in items.enumerated() {
            let last = i == items.count - 1
            var itemUnits = paragraphUnits(item, indent: gutter + (numbered ? 4 : 0), spaceAfter: last ? 8 : 3)
            if !itemUnits.isEmpty {
                let marker = numbered
                    ? measurer.box(StyledText(plain: "\(i + 1)."), font: font, color: theme.text, at: Point(0, 0), width: gutter, alignment: .right)
                    : measurer.box("•", font: font, color: theme.text, at: Point(4, 0), width: nil)
                itemUnits[0].frame.add(.text(marker))
            }
            if i == 0 && items.count > 1, let end = itemUnits.indices.last { itemUnits[end].keepWithNext = true }
            units += itemUnits
        }
        return units
    }

    // MARK: - Charts on the grid

    /// Charts (and KPI tiles) side by side; each takes its grid columns, heights capped to a page.
    func chartRowUnit(_ row: [(ChartModel, Int)]) -> LayoutUnit {
        var frame = Frame(size: Size(width, 0))
        var x = 0.0, height = 0.0
        let gutter = PageGeometry.gutter
        for (model, columns) in row {
            let slot = geometry.gridWidth(columns: columns)
            var sized = model
            // Charts keep roughly their aspect ratio in a narrower or wider slot, and never outgrow the page.
            let scale = slot / max(1, model.size.width)
            let natural = (model.size.height * min(1.25, max(0.75, scale))).rounded()
            sized.size = Size(slot, min(natural, (geometry.content.height - 4).rounded(.down)))
            frame.place(charts.render(sized), at: Point(x, 0), clip: true)
            frame.add(.anchor("chart-" + model.id, at: Point(x, 0)))
            x += slot + gutter
            height = max(height, sized.size.height)
        }
        frame.size.height = height
        return LayoutUnit(frame: frame, spaceAfter: 12)
    }
}

extension DocumentBlock {
    /// Whether the block prints page numbers of other blocks (re-measured on every layout pass).
    var showsPageNumbers: Bool {
        switch self {
        case .contents, .evidence: return true
        case .keepTogether(let blocks): return blocks.contains { $0.showsPageNumbers }
        default: return false
        }
    }
}
