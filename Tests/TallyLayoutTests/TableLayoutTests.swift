import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct TableLayoutTests {
    let layout = TableLayout(theme: .standard, measurer: FixedWidthTextMeasurer(), width: 480)

    @Test func widthsFillTheLineAndNumbersNeverWrap() {
        let table = Fixtures.callTable(rows: 20)
        let widths = layout.columnWidths(table)
        #expect(abs(widths.reduce(0, +) - 480) < 0.01)
        // "12,345" at 8.5 pt fixed width is 6 × 4.675 pt plus padding.
        #expect(widths[2] >= 6 * 8.5 * 0.55 + 10)
    }

    @Test func tooWideTablesWrapTextColumnsButKeepNumbersWhole() {
        let long = String(repeating: "very long description ", count: 12)
        let table = TableModel(
            columns: [TableModel.Column("Description"), TableModel.Column("Amount", format: .currency)],
            rows: [[TableModel.Cell(long), TableModel.Cell(value: 1_234_567.5)]])
        let widths = layout.columnWidths(table)
        #expect(abs(widths.reduce(0, +) - 480) < 0.01)
        #expect(widths[1] >= Double("£1,234,567.50".count) * 8.5 * 0.55 + 10)
        let units = layout.units(table)
        let row = units[1].frame
        let amount = row.allTextBoxes.first { $0.text.plainText == "£1,234,567.50" }
        #expect(amount?.alignment == .right)
        #expect(row.size.height > 3 * 8.5 * 1.2, "the description should wrap onto several lines")
    }

    @Test func headingsWrapBeforeBodyText() {
        let narrow = TableLayout(theme: .standard, measurer: FixedWidthTextMeasurer(), width: 300)
        let agent = "Agent with a fairly long name here"
        let table = TableModel(
            columns: [TableModel.Column("Agent"), TableModel.Column("First-contact resolution rate", format: .percent)],
            rows: [[TableModel.Cell(agent), TableModel.Cell(value: 0.71)]])
        let widths = narrow.columnWidths(table)
        let charWidth = 8.5 * 0.55
        #expect(widths[0] >= Double(agent.count) * charWidth + 10, "the body text should stay on one line")
        #expect(widths[1] < Double("First-contact resolution rate".count) * charWidth + 10, "the heading should wrap instead")
        #expect(abs(widths.reduce(0, +) - 300) < 0.01)
    }

    @Test func zebraTotalsAndKeyAreDrawn() {
        let units = layout.units(Fixtures.callTable(rows: 4))
        // opening, 4 rows, totals, closing
        #expect(units.count == 7)
        func shaded(_ frame: Frame) -> Bool {
            frame.items.contains { if case .shape(_, let fill?, _) = $0 { return fill.alpha < 1 } else { return false } }
        }
        #expect(!shaded(units[1].frame) && shaded(units[2].frame) && !shaded(units[3].frame) && shaded(units[4].frame))
        let totals = units[5].frame
        #expect(totals.allTextBoxes.allSatisfy { $0.font.weight == .bold })
        #expect(units[6].frame.allText.contains("▲ variance above +5%   ▼ variance below −5%"))
        // Rows keep the header with at least two of them, and the last rows with the totals and closing rule.
        #expect(units[0].keepWithNext && units[1].keepWithNext && !units[2].keepWithNext)
        #expect(units[3].keepWithNext && units[4].keepWithNext && units[5].keepWithNext)
    }

    @Test func longTableRepeatsHeaderAndKeepsEveryRowOnce() {
        let document = Document(title: "T", asOf: "2026-01-01", fingerprint: "f", blocks: [.table(Fixtures.callTable(rows: 300))])
        let engine = Fixtures.engine()
        let pages = engine.layout(document, charts: Fixtures.charts())
        #expect(pages.count > 5)
        var rows: [Int] = []
        for (index, page) in pages.enumerated() {
            let texts = page.frame.allText
            #expect(texts.contains("First-contact resolution"), "page \(index + 1) has no header row")
            if index > 0 { #expect(texts.contains("Calls by agent (continued)")) }
            rows += texts.compactMap { $0.hasPrefix("R") ? Int($0.dropFirst()) : nil }
            // The last row on a page ends above the bottom margin: no row is cut.
            for case .group(let frame, let at, _) in page.frame.items {
                #expect(at.y + frame.size.height <= engine.geometry.content.maxY + 0.01)
            }
        }
        #expect(rows == Array(1...300))
    }

    @Test func rowsTallerThanAPageAreShortenedWithAnEllipsis() {
        let capped = TableLayout(theme: .standard, measurer: FixedWidthTextMeasurer(), width: 480, maxRowHeight: 300)
        let units = capped.units(TableModel(columns: [TableModel.Column("Content")], rows: [[TableModel.Cell(String(repeating: "word ", count: 5000))]]))
        #expect(units[1].height <= 300)
        #expect(units[1].frame.allText.first?.hasSuffix("…") == true)
    }

    @Test func shortTablesMoveWholeLongOnesSplit() {
        let filler = DocumentBlock.paragraph(StyledText(plain: String(repeating: "Filler text. ", count: 330)))
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: [filler, .table(Fixtures.callTable(rows: 8))]), charts: Fixtures.charts())
        let holding = pages.filter { page in page.frame.allText.contains { $0.hasPrefix("Agent ") } }
        #expect(holding.count == 1, "an 8-row table fits on a page and should not be split")
        let long = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: [filler, .table(Fixtures.callTable(rows: 60))]), charts: Fixtures.charts())
        #expect(long[0].frame.allText.contains("R1"), "a long table starts on the same page, after the filler")
    }

    @Test func emptyTableSaysSo() {
        let units = layout.units(TableModel(caption: "Nothing", columns: [TableModel.Column("A")], rows: []))
        #expect(units.contains { $0.frame.allText.contains("No rows.") })
    }

    @Test func cellAndLineLinksBecomeLinkRectangles() {
        var cell = TableModel.Cell("First\nSecond")
        cell.lineLinks = ["a", "b"]
        let table = TableModel(columns: [TableModel.Column("Where"), TableModel.Column("Go")], rows: [[cell, TableModel.Cell("x", link: "c")]])
        let row = layout.units(table)[1].frame
        let links = row.items.compactMap { item -> (Rect, String)? in
            if case .link(let r, let t) = item { return (r, t) } else { return nil }
        }
        #expect(links.map(\.1) == ["a", "b", "c"])
        #expect(links[1].0.minY >= links[0].0.maxY - 0.01)
    }
}
