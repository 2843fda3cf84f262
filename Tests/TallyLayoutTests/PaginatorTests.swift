import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct PaginatorTests {
    /// Body units placed on a page (the running header and footer are loose items, units are groups).
    static func bodyGroups(_ page: Page) -> [(frame: Frame, at: Point)] {
        page.frame.items.compactMap { if case .group(let f, let at, _) = $0 { return (f, at) } else { return nil } }
    }

    @Test func headingsNeverEndAPage() {
        var blocks: [DocumentBlock] = []
        for i in 0..<40 {
            blocks.append(.heading("Section \(i)", level: 1 + i % 2, anchor: "s\(i)"))
            blocks.append(.paragraph(StyledText(plain: String(repeating: "Words fill the page. ", count: 8 + i % 5))))
        }
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: blocks), charts: Fixtures.charts())
        #expect(pages.count > 3)
        for page in pages {
            let last = Self.bodyGroups(page).last
            let isHeading = last?.frame.items.contains { if case .anchor = $0 { return true } else { return false } } ?? false
            #expect(!isHeading, "a heading was left at the bottom of a page")
        }
    }

    @Test func headingsGetSpaceAboveExceptAtTheTopOfAPage() throws {
        let engine = Fixtures.engine()
        let blocks: [DocumentBlock] = [.heading("First", level: 1, anchor: "a"), .paragraph("Text."), .heading("Second", level: 1, anchor: "b"), .paragraph("More.")]
        let page = try #require(engine.layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: blocks), charts: Fixtures.charts()).first)
        let groups = Self.bodyGroups(page)
        #expect(groups[0].at.y == engine.geometry.content.minY)
        let gapAboveSecond = groups[2].at.y - (groups[1].at.y + groups[1].frame.size.height)
        #expect(abs(gapAboveSecond - (7 + 10)) < 0.01, "paragraph space after plus heading space before")
    }

    @Test func explicitPageBreaksAndNoEmptyPages() {
        let blocks: [DocumentBlock] = [.pageBreak, .paragraph("one"), .pageBreak, .pageBreak, .paragraph("two"), .pageBreak]
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: blocks), charts: Fixtures.charts())
        #expect(pages.count == 2)
        #expect(pages[0].frame.allText.contains("one") && !pages[0].frame.allText.contains("two"))
        #expect(pages[1].frame.allText.contains("two"))
    }

    @Test func keepTogetherMovesTheWholeGroup() {
        let filler = DocumentBlock.paragraph(StyledText(plain: String(repeating: "Filler text. ", count: 300)))
        let group = DocumentBlock.keepTogether([.paragraph("Kept A"), .paragraph("Kept B"), .paragraph("Kept C")])
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: [filler, group]), charts: Fixtures.charts())
        let holding = pages.filter { $0.frame.allText.contains { $0.hasPrefix("Kept") } }
        #expect(holding.count == 1)
        #expect(holding.first?.frame.allText.filter { $0.hasPrefix("Kept") }.count == 3)
    }

    @Test func longParagraphsSplitBetweenLinesWithoutWidowsOrOrphans() {
        let long = StyledText([TextRun("Bold start ", bold: true), TextRun(String(repeating: "and a long sentence that keeps going ", count: 240))])
        let engine = Fixtures.engine()
        let pages = engine.layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: [.paragraph(long)]), charts: Fixtures.charts())
        #expect(pages.count >= 2)
        let lines = pages.flatMap { Self.bodyGroups($0) }
        // Every word survives, in order, and styling is kept.
        let joined = lines.flatMap { $0.frame.allText }.joined(separator: " ")
        #expect(joined.split(separator: " ") == long.plainText.split(separator: " "))
        #expect(lines.first?.frame.allTextBoxes.first?.text.runs.first == TextRun("Bold start", bold: true) || lines.first?.frame.allTextBoxes.first?.text.runs.first == TextRun("Bold start ", bold: true))
        for page in pages { #expect(Self.bodyGroups(page).count >= 2) }
        for line in lines { #expect(line.frame.allTextBoxes.first.map { $0.measured.height <= 9.5 * 1.2 * 1.15 + 0.01 } ?? false) }
    }

    @Test func chartsShareARowOnTheGrid() {
        let blocks: [DocumentBlock] = [
            .chart(Fixtures.chart("a", title: "A"), columns: 6), .chart(Fixtures.chart("b", title: "B"), columns: 6),
            .chart(Fixtures.chart("t1", title: "T1", width: 150, height: 90), columns: 4), .chart(Fixtures.chart("t2", title: "T2", width: 150, height: 90), columns: 4),
            .chart(Fixtures.chart("t3", title: "T3", width: 150, height: 90), columns: 4), .chart(Fixtures.chart("t4", title: "T4", width: 150, height: 90), columns: 4),
        ]
        let engine = Fixtures.engine()
        let pages = engine.layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: blocks), charts: Fixtures.charts())
        let rows = Self.bodyGroups(pages[0])
        #expect(rows.count == 3, "6+6, 4+4+4, 4")
        let firstRow = rows[0].frame.items.compactMap { if case .group(let f, let at, _) = $0 { return (f.size.width, at.x) } else { return nil } }
        #expect(firstRow.count == 2)
        #expect(abs(firstRow[0].0 - engine.geometry.gridWidth(columns: 6)) < 0.01)
        #expect(abs(firstRow[1].1 - (engine.geometry.gridWidth(columns: 6) + PageGeometry.gutter)) < 0.01)
        let tiles = rows[1].frame.items.filter { if case .group = $0 { return true } else { return false } }
        #expect(tiles.count == 3)
    }

    @Test func layoutIsDeterministic() {
        let engine = Fixtures.engine()
        #expect(engine.layout(Fixtures.report(), charts: Fixtures.charts()) == engine.layout(Fixtures.report(), charts: Fixtures.charts()))
    }
}
