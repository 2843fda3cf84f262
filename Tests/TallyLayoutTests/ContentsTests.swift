import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct ContentsTests {
    /// (title, number text, link target) for each line of the contents list.
    static func entries(_ pages: [Page]) -> [(title: String, number: String, target: String)] {
        var result: [(String, String, String)] = []
        for page in pages {
            for case .group(let frame, _, _) in page.frame.items {
                guard let target = frame.items.compactMap({ item -> String? in if case .link(_, let t) = item { return t } else { return nil } }).first else { continue }
                let texts = frame.allText
                guard texts.count == 2 else { continue }
                result.append((texts[0], texts[1], target))
            }
        }
        return result
    }

    @Test func pageNumbersMatchWhereEachSectionLanded() throws {
        let pages = Fixtures.engine().layout(Fixtures.report(), charts: Fixtures.charts())
        let landed = Pagination(pages: pages, coverPages: []).anchorPages
        let entries = Self.entries(pages)
        #expect(entries.map(\.title).prefix(4) == ["Summary", "Results", "First-contact resolution", "Calls by agent"])
        #expect(entries.contains { $0.title == "Evidence of competence" })
        #expect(entries.contains { $0.title == "Input files" })
        for entry in entries {
            let page = try #require(landed[entry.target], "link target \(entry.target) has no destination")
            #expect(entry.number == String(page), "\(entry.title): listed on \(entry.number), found on \(page)")
        }
    }

    @Test func contentsSpanningPagesStillSettles() {
        // 80 headings make the contents itself two pages long, pushing every section down.
        var blocks: [DocumentBlock] = [.cover, .contents(), .pageBreak]
        for i in 0..<80 {
            blocks.append(.heading("Section \(i)", level: 1, anchor: "s\(i)"))
            blocks.append(.paragraph(StyledText(plain: String(repeating: "Body text. ", count: 60))))
        }
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: blocks), charts: Fixtures.charts())
        let landed = Pagination(pages: pages, coverPages: []).anchorPages
        let entries = Self.entries(pages)
        #expect(entries.count == 80)
        #expect(landed["s0"].map { $0 >= 4 } ?? false, "the contents should take pages 2 and 3")
        for entry in entries { #expect(entry.number == landed[entry.target].map(String.init)) }
    }
}
