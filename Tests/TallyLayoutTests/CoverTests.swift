import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct CoverTests {
    @Test func coverShowsTheReportFacts() {
        let pages = Fixtures.engine().layout(Fixtures.report(), charts: Fixtures.charts())
        let texts = pages[0].frame.allText
        for expected in ["Reducing repeat contacts in the Leeds contact centre", "Evaluation of the first-contact resolution project, January–June 2026",
                         "Northern Water Customer Services", "Sam Patel, Team Leader", "1 Jan 2026 – 30 Jun 2026", "2026-07-03", "3f9a2c71"] {
            #expect(texts.contains(expected), "cover lacks \(expected)")
        }
        #expect(pages[0].outline.first?.title == "Cover")
        // Nothing but the cover on page 1; the contents start on page 2.
        #expect(!texts.contains("Contents"))
        #expect(pages[1].frame.allText.contains("Contents"))
    }

    @Test func landscapeCoverFitsItsPage() {
        let engine = Fixtures.engine(.letter, landscape: true)
        let pages = engine.layout(Fixtures.report(), charts: Fixtures.charts())
        let content = engine.geometry.content
        for bounds in pages[0].frame.allItemBounds { #expect(content.contains(bounds, tolerance: 0.01)) }
        #expect(pages[0].frame.allText.contains { $0.hasPrefix("Produced with Tally") }, "the provenance note fits at the foot")
    }
}
