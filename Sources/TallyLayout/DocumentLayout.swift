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

    /// Lays out `document`, drawing charts with `charts` (the frames it returns are placed as groups).
    public func layout(_ document: Document, charts: ChartRenderer) -> [Page] {
        let units = measure(document, charts: charts)
        var pages = Paginator(geometry: geometry).paginate(units)
        for index in pages.indices {
            addRunningHeaderAndFooter(to: &pages[index], number: index + 1, of: pages.count, document: document)
        }
        return pages
    }

    // MARK: - Measuring blocks into units

    private var width: Double { geometry.content.width }

    private func measure(_ document: Document, charts: ChartRenderer) -> [LayoutUnit] {
        var units: [LayoutUnit] = []
        var index = 0
        let blocks = document.blocks
        while index < blocks.count {
            switch blocks[index] {
            case .titleBlock:
                units.append(titleUnit(document))
            case .heading(let text, let level, let anchor):
                units.append(headingUnit(text, level: level, anchor: anchor))
            case .paragraph(let text):
                units.append(textUnit(text, spaceAfter: 7))
            case .bullets(let items):
                units.append(bulletsUnit(items))
            case .chart:
                // Consecutive charts share a row while their grid columns add up to 12 or fewer.
                var row: [(ChartModel, Int)] = []
                var used = 0
                while index < blocks.count, case .chart(let model, let columns) = blocks[index], used + columns <= 12 || row.isEmpty {
                    row.append((model, columns))
                    used += columns
                    index += 1
                }
                index -= 1
                units.append(chartRowUnit(row, charts: charts))
            case .table(let table):
                units += TableLayout(theme: theme, measurer: measurer, width: width).units(table)
            case .pageBreak:
                units.append(.pageBreakMarker)
            }
            index += 1
        }
        return units
    }

    private func titleUnit(_ document: Document) -> LayoutUnit {
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
        frame.stroke(.line(from: Point(0, y), to: Point(width, y)), Stroke(color: theme.post, width: 1.5))
        frame.size.height = y + 2
        return LayoutUnit(frame: frame, spaceAfter: 14)
    }

    private func headingUnit(_ text: String, level: Int, anchor: String) -> LayoutUnit {
        let size = level <= 1 ? 14.0 : 11.5
        var frame = Frame(size: Size(width, 0))
        frame.add(.anchor(anchor, at: Point(0, 0)))
        let box = measurer.box(StyledText([TextRun(text, bold: true)]), font: theme.font(size: size, bold: true), color: theme.text, at: Point(0, 0), width: width)
        frame.add(.text(box))
        frame.size.height = box.measured.height
        var unit = LayoutUnit(frame: frame, spaceAfter: 6, keepWithNext: true)
        unit.outline = [OutlineEntry(title: text, destination: anchor, level: max(0, level - 1))]
        return unit
    }

    private func textUnit(_ text: StyledText, spaceAfter: Double) -> LayoutUnit {
        var frame = Frame(size: Size(width, 0))
        let box = measurer.box(text, font: theme.font(size: theme.bodySize), color: theme.text, at: .zero, width: width, lineSpacing: 1.15)
        frame.add(.text(box))
        frame.size.height = box.measured.height
        return LayoutUnit(frame: frame, spaceAfter: spaceAfter)
    }

    private func bulletsUnit(_ items: [StyledText]) -> LayoutUnit {
        var frame = Frame(size: Size(width, 0))
        var y = 0.0
        let font = theme.font(size: theme.bodySize)
        for item in items {
            frame.add(.text(measurer.box("•", font: font, color: theme.text, at: Point(4, y), width: nil)))
            let box = measurer.box(item, font: font, color: theme.text, at: Point(16, y), width: width - 16, lineSpacing: 1.15)
            frame.add(.text(box))
            y += box.measured.height + 3
        }
        frame.size.height = y
        return LayoutUnit(frame: frame, spaceAfter: 6)
    }

    private func chartRowUnit(_ row: [(ChartModel, Int)], charts: ChartRenderer) -> LayoutUnit {
        var frame = Frame(size: Size(width, 0))
        var x = 0.0, height = 0.0
        for (model, columns) in row {
            let slot = geometry.gridWidth(columns: columns)
            var sized = model
            // Charts keep their aspect ratio when they are given a narrower or wider slot.
            let scale = slot / max(1, model.size.width)
            sized.size = Size(slot, (model.size.height * min(1.25, max(0.75, scale))).rounded())
            frame.place(charts.render(sized), at: Point(x, 0), clip: true)
            frame.add(.anchor("chart-" + model.id, at: Point(x, 0)))
            x += slot + 12
            height = max(height, sized.size.height)
        }
        frame.size.height = height
        return LayoutUnit(frame: frame, spaceAfter: 12)
    }

    // MARK: - Running header and footer

    private func addRunningHeaderAndFooter(to page: inout Page, number: Int, of total: Int, document: Document) {
        let content = geometry.content
        let font = theme.font(size: theme.captionSize + 0.5)
        let headerY = content.minY - 22
        page.frame.add(.text(measurer.label(document.title, font: font, color: theme.mutedText, x: content.minX, y: headerY)))
        if let organisation = document.organisation {
            page.frame.add(.text(measurer.label(organisation, font: font, color: theme.mutedText, x: content.maxX, y: headerY, alignment: .right)))
        }
        page.frame.stroke(.line(from: Point(content.minX, headerY + 8), to: Point(content.maxX, headerY + 8)), Stroke(color: theme.grid, width: 0.6))
        let footerY = content.maxY + 24
        page.frame.stroke(.line(from: Point(content.minX, footerY - 9), to: Point(content.maxX, footerY - 9)), Stroke(color: theme.grid, width: 0.6))
        let left = "As of \(document.asOf)  ·  data fingerprint \(document.fingerprint)  ·  Tally \(TallyVersion.current)"
        page.frame.add(.text(measurer.label(left, font: font, color: theme.mutedText, x: content.minX, y: footerY)))
        page.frame.add(.text(measurer.label("Page \(number) of \(total)", font: font, color: theme.mutedText, x: content.maxX, y: footerY, alignment: .right)))
    }
}
