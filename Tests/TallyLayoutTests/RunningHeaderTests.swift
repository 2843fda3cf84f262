import Testing
import TallyCore
import TallyGraphics
@testable import TallyLayout

@Suite struct RunningHeaderTests {
    /// Texts drawn directly on the page (not inside a placed unit): the running header and footer.
    static func marginTexts(_ page: Page) -> [String] {
        page.frame.items.compactMap { if case .text(let box) = $0 { return box.text.plainText } else { return nil } }
    }

    @Test func everyPageButTheCoverCarriesHeaderAndFooter() {
        let pages = Fixtures.engine().layout(Fixtures.report(), charts: Fixtures.charts())
        #expect(Self.marginTexts(pages[0]).isEmpty, "the cover has no running header or footer")
        for (index, page) in pages.enumerated().dropFirst() {
            let texts = Self.marginTexts(page)
            #expect(texts.contains("Page \(index + 1) of \(pages.count)"))
            #expect(texts.contains("Reducing repeat contacts in the Leeds contact centre"))
            #expect(texts.contains("As of 2026-07-03  ·  data fingerprint 3f9a2c71  ·  Tally \(TallyVersion.current)"))
        }
    }

    @Test func longTitlesAreShortenedNotOverlapped() throws {
        let title = String(repeating: "An extremely long report title ", count: 6)
        let document = Document(title: title, organisation: "Organisation name", asOf: "2026-07-03", fingerprint: "f00d", blocks: [.paragraph("x")])
        let engine = Fixtures.engine()
        let page = try #require(engine.layout(document, charts: Fixtures.charts()).first)
        let boxes = page.frame.items.compactMap { if case .text(let box) = $0 { return box } else { return nil } }
        let header = try #require(boxes.first { $0.text.plainText.hasPrefix("An extremely") })
        let organisation = try #require(boxes.first { $0.text.plainText == "Organisation name" })
        #expect(header.text.plainText.hasSuffix("…"))
        #expect(header.bounds.maxX < organisation.bounds.minX)
    }
}
