import Testing
import TallyGraphics
@testable import TallyLayout

/// Inputs a compose stage might produce that must never trap or draw nonsense.
@Suite struct EdgeCaseTests {
    func layout(_ blocks: [DocumentBlock]) -> [Page] {
        Fixtures.engine().layout(Document(title: "T", asOf: "2026-01-01", fingerprint: "f", blocks: blocks), charts: Fixtures.charts())
    }

    @Test func emptyDocumentIsOnePageWithHeaderAndFooter() {
        let pages = layout([])
        #expect(pages.count == 1)
        #expect(pages[0].frame.allText.contains("Page 1 of 1"))
    }

    @Test func coverOnlyDocumentIsOneBarePage() {
        let pages = layout([.cover])
        #expect(pages.count == 1)
        #expect(!pages[0].frame.allText.contains("Page 1 of 1"))
    }

    @Test func contentsWithoutHeadingsIsJustItsTitle() {
        let pages = layout([.contents(), .paragraph("Body.")])
        #expect(pages.count == 1)
        #expect(pages[0].frame.allText.contains("Contents"))
    }

    @Test func raggedRowsAndOutOfRangeRulesAreTolerated() {
        let table = TableModel(
            columns: [TableModel.Column("A"), TableModel.Column("B", format: .number)],
            rows: [[TableModel.Cell("only one")], [TableModel.Cell("x"), TableModel.Cell(value: 1), TableModel.Cell("extra")]],
            totals: [],
            rules: [ConditionalRule(column: 7, condition: .above(0), color: .black, symbol: "!")])
        let texts = layout([.table(table)])[0].frame.allText
        #expect(texts.contains("only one") && texts.contains("1.0") && !texts.contains("extra"))
        #expect(!texts.contains { $0.hasPrefix("!") })
        // An empty totals row is no totals row: opening, two rows, closing.
        #expect(TableLayout(theme: .standard, measurer: Fixtures.fixed, width: 400).units(table).count == 4)
    }

    @Test func tableWithoutColumnsDrawsNoCells() {
        let pages = layout([.table(TableModel(columns: [], rows: [[TableModel.Cell("lost")]]))])
        #expect(!pages[0].frame.allText.contains("lost"))
    }

    @Test func chartColumnsAreClampedToTheGrid() {
        let pages = layout([.chart(Fixtures.chart("a", title: "A"), columns: 40), .chart(Fixtures.chart("b", title: "B"), columns: -3)])
        let engine = Fixtures.engine()
        for case .group(let row, let at, _) in pages[0].frame.items {
            #expect(at.x + row.size.width <= engine.geometry.content.maxX + 0.01)
        }
    }

    @Test func nonFiniteValuesShowADash() {
        let table = TableModel(columns: [TableModel.Column("V", format: .percent)], rows: [[TableModel.Cell(value: .nan)], [TableModel.Cell(value: .infinity)]])
        let texts = layout([.table(table)])[0].frame.allText
        #expect(texts.filter { $0 == "–" }.count == 2)
    }
}
