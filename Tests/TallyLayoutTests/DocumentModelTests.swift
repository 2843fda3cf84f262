import Foundation
import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct DocumentModelTests {
    @Test func documentsRoundTripThroughJSON() throws {
        let document = Fixtures.report()
        let data = try JSONEncoder().encode(document)
        #expect(try JSONDecoder().decode(Document.self, from: data) == document)
    }

    @Test func paperSizesAndOrientation() {
        let letter = PageGeometry(paper: .letter, landscape: true)
        #expect(letter.size == Size(792, 612))
        #expect(letter.isLandscape)
        #expect(PageGeometry.paper(named: "Letter") == .letter)
        #expect(PageGeometry.paper(named: "A4") == .a4)
        #expect(PageGeometry.paper(named: "A5") == nil)
        let a4 = PageGeometry(paper: .a4, landscape: false)
        #expect(!a4.isLandscape)
        // Twelve columns and eleven gutters make the content width; six and six plus a gutter too.
        #expect(abs(a4.gridWidth(columns: 12) - a4.content.width) < 1e-9)
        #expect(abs(2 * a4.gridWidth(columns: 6) + PageGeometry.gutter - a4.content.width) < 1e-9)
        #expect(abs(3 * a4.gridWidth(columns: 4) + 2 * PageGeometry.gutter - a4.content.width) < 1e-9)
    }

    @Test func numericColumnsAlignRightAndDoNotWrapByDefault() {
        let number = TableModel.Column("Calls", format: .integer)
        #expect(number.alignment == .right && !number.wraps)
        let text = TableModel.Column("Agent")
        #expect(text.alignment == .left && text.wraps)
        #expect(TableModel.Column("Code", alignment: .center, wraps: false).alignment == .center)
        #expect(TableModel.Column("Change", format: .percent, signed: true).formatted(0.0612) == "+6.1%")
    }
}
