import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct ContentsTests {
    /// (title, number text, link target) for each line of the contents list: the placed unit under each
    /// page-level link rectangle.
    static func entries(_ pages: [Page]) -> [(title: String, number: String, target: String)] {
        var result: [(String, String, String)] = []
        for page in pages {
            let groups = page.frame.items.compactMap { item -> (Frame, Rect)? in
                if case .group(let f, let at, _) = item { return (f, Rect(x: at.x, y: at.y, width: f.size.width, height: f.size.height)) }
                return nil
            }
            for case .link(let rect, let target) in page.frame.items {
                guard let (frame, placed) = groups.first(where: { $0.1.contains(rect, tolerance: 0.01) }) else { continue }
                let texts = frame.allText
                guard texts.count == 2, rect.minX > placed.minX - 0.01 else { continue }
                result.append((texts[0], texts[1], target))
            }
        }
        return result
    }

    @Test func linksAndAnchorsAreHoistedToThePageInPageCoordinates() throws {
        let engine = Fixtures.engine()
        let pages = engine.layout(Fixtures.report(), charts: Fixtures.charts())
        func nestedTags(_ frame: Frame) -> Int {
            frame.items.reduce(0) { count, item in
                switch item {
                case .link, .anchor: return count + 1
                case .group(let f, _, _): return count + nestedTags(f)
                default: return count
                }
            }
        }
        for page in pages {
            for case .group(let frame, _, _) in page.frame.items { #expect(nestedTags(frame) == 0) }
        }
        // The "Summary" heading's destination is where the heading's text is, not the page corner.
        let page = try #require(pages.first { $0.outline.contains { $0.destination == "summary" } })
        let anchor = try #require(page.frame.items.compactMap { item -> Point? in if case .anchor("summary", let p) = item { return p } else { return nil } }.first)
        let heading = try #require(page.frame.allTextBoxes.first { $0.text.plainText == "Summary" })
        #expect(abs(anchor.x - heading.origin.x) < 0.01 && abs(anchor.y - heading.origin.y) < 0.01)
        #expect(engine.geometry.content.contains(Rect(x: anchor.x, y: anchor.y, width: 0, height: 0)))
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

    @Test func numberedSectionsShowTheirNumbersEverywhere() throws {
        var document = Fixtures.report()
        document.numbersSections = true
        let pages = Fixtures.engine().layout(document, charts: Fixtures.charts())
        let titles = Self.entries(pages).map(\.title)
        #expect(titles.prefix(4) == ["1  Summary", "2  Results", "2.1  First-contact resolution", "2.2  Calls by agent"])
        #expect(titles.contains("Evidence of competence"), "back matter stays unnumbered")
        let outline = pages.flatMap(\.outline).map(\.title)
        #expect(outline.contains("2.1  First-contact resolution"))
        let all = pages.flatMap(\.frame.allText)
        #expect(all.contains("2.2  Calls by agent"))
        #expect(all.contains("2  Results\nCalls by agent"), "the evidence table names numbered sections (and tables by caption)")
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
