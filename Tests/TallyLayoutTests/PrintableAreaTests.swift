import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct PrintableAreaTests {
    /// Documents that stress the layout: a full report, a long table, a very long paragraph, a wide table.
    static var documents: [(String, Document)] {
        let wide = TableModel(
            caption: "Wide",
            columns: (0..<9).map { TableModel.Column("Measure number \($0)", format: .number) } + [TableModel.Column("Comment")],
            rows: (0..<40).map { r in (0..<9).map { TableModel.Cell(value: Double(r * 1000 + $0) * 1.5) } + [TableModel.Cell(String(repeating: "comment ", count: r % 9))] })
        return [
            ("report", Fixtures.report(tableRows: 120)),
            ("table", Document(title: String(repeating: "A very long report title ", count: 8), organisation: String(repeating: "Org ", count: 20), asOf: "2026-07-03", fingerprint: "abcdef12", blocks: [.table(Fixtures.callTable(rows: 300))])),
            ("paragraph", Document(title: "P", asOf: "d", fingerprint: "f", blocks: [.heading("Text", level: 1, anchor: "t"), .paragraph(StyledText(plain: String(repeating: "word ", count: 3000)))])),
            ("oversized", Document(title: "O", asOf: "d", fingerprint: "f", blocks: [
                .bullets([StyledText(plain: String(repeating: "bullet ", count: 2500)), "short"]),
                .table(TableModel(columns: [TableModel.Column("Line", format: .integer), TableModel.Column("Content")],
                                  rows: [[TableModel.Cell(value: 1), TableModel.Cell(String(repeating: "x,", count: 20000))]])),
            ])),
            ("wide", Document(title: "W", asOf: "d", fingerprint: "f", blocks: [.table(wide), .chart(Fixtures.chart("tall", title: "Tall", width: 400, height: 900), columns: 12)])),
        ]
    }

    static let papers: [(String, Size, Bool)] = [("A4", .a4, false), ("A4 landscape", .a4, true), ("Letter", .letter, false), ("Letter landscape", .letter, true)]

    @Test(arguments: 0..<4)
    func nothingIsDrawnOutsideThePrintableArea(paper: Int) {
        let (paperName, size, landscape) = Self.papers[paper]
        let engine = Fixtures.engine(size, landscape: landscape)
        let content = engine.geometry.content
        // Printers cannot reach the outer quarter inch; header and footer live between it and the content.
        let printable = Rect(x: 18, y: 18, width: engine.geometry.size.width - 36, height: engine.geometry.size.height - 36)
        for (name, document) in Self.documents {
            let pages = engine.layout(document, charts: Fixtures.charts())
            for (index, page) in pages.enumerated() {
                #expect(page.frame.size == engine.geometry.size)
                for bounds in page.frame.allItemBounds {
                    #expect(printable.contains(bounds, tolerance: 0.01), "\(name) on \(paperName), page \(index + 1): \(bounds) outside the printable area")
                }
                // Body content (everything the paginator placed) stays inside the content area.
                for case .group(let frame, let at, let clip) in page.frame.items {
                    let placed = Rect(x: at.x, y: at.y, width: frame.size.width, height: frame.size.height)
                    #expect(content.contains(placed, tolerance: 0.01), "\(name) on \(paperName), page \(index + 1): unit \(placed) outside \(content)")
                    if !clip {
                        for bounds in frame.allItemBounds {
                            #expect(content.contains(bounds.offsetBy(at.x, at.y), tolerance: 0.6), "\(name) on \(paperName), page \(index + 1): item \(bounds) spills out")
                        }
                    }
                }
            }
        }
    }
}
