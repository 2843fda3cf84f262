import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct EvidenceTests {
    @Test func criteriaShowLinkedSectionsWithTheirPages() throws {
        let pages = Fixtures.engine().layout(Fixtures.report(), charts: Fixtures.charts())
        let landed = Pagination(pages: pages, coverPages: []).anchorPages
        let evidencePage = try #require(pages.first { $0.outline.contains { $0.destination == "evidence" } })
        let texts = evidencePage.frame.allText
        #expect(texts.contains("Level 3 Diploma in Customer Service"))
        #expect(texts.contains("Sam Patel"))
        #expect(texts.contains("J. Okafor"))
        // 1.1 is evidenced by the Results heading and the agents table.
        #expect(texts.contains("Results\nCalls by agent"))
        let results = try #require(landed["results"]), calls = try #require(landed["table-calls"])
        #expect(texts.contains("p. \(results)\np. \(calls)"))
        #expect(texts.contains("⚠\u{2009}Not yet evidenced"))
        #expect(texts.contains { $0.contains("1 of 3 criteria are not yet evidenced") })
        let audit = try #require(landed["audit"])
        #expect(texts.contains { $0.hasPrefix("Produced from data as of 2026-07-03 (data fingerprint 3f9a2c71)") && $0.hasSuffix("Appendix: audit trail, p. \(audit).") })
        // Every listed section is a link to its destination.
        var targets: [String] = []
        func collect(_ frame: Frame) {
            for item in frame.items {
                if case .link(_, let t) = item { targets.append(t) }
                if case .group(let f, _, _) = item { collect(f) }
            }
        }
        collect(evidencePage.frame)
        for anchor in ["results", "table-calls", "chart-fcr", "summary"] {
            #expect(targets.filter { $0 == anchor }.count == 2, "\(anchor) should be linked from its title and its page number")
        }
    }

    @Test func unknownReferencesAreShownNotDropped() {
        let model = EvidenceModel(qualification: "Q", unit: "U", learner: "L", criteria: [.init(id: "9.9", text: "T", evidencedBy: ["nowhere"])])
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: [.evidence(model)]), charts: Fixtures.charts())
        let texts = pages.flatMap(\.frame.allText)
        #expect(texts.contains("⚠\u{2009}missing: nowhere"))
        #expect(texts.contains { $0.contains("1 evidence reference(s) name a section that is not in this report") })
    }

    @Test func pageNumbersLineUpWithWrappedSectionTitles() throws {
        let long = String(repeating: "A very long section title ", count: 4)
        let model = EvidenceModel(qualification: "Q", unit: "U", learner: "L", criteria: [.init(id: "1", text: "T", evidencedBy: ["long", "short"])], startsNewPage: false)
        let blocks: [DocumentBlock] = [.heading(long, level: 1, anchor: "long"), .heading("Short", level: 1, anchor: "short"), .evidence(model)]
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: blocks), charts: Fixtures.charts())
        let boxes = pages[0].frame.allTextBoxes
        let titles = try #require(boxes.first { $0.text.plainText.hasSuffix("\nShort") })
        let numbers = try #require(boxes.first { $0.text.plainText.hasPrefix("p. 1\n") })
        let measurer = FixedWidthTextMeasurer()
        let titleLines = measurer.measure(StyledText(plain: String(titles.text.plainText.split(separator: "\n")[0])), font: titles.font, width: titles.width, lineSpacing: 1).lineCount
        #expect(titleLines > 1)
        #expect(numbers.text.plainText == "p. 1" + String(repeating: "\n", count: titleLines) + "p. 1")
    }

    @Test func signaturesComeTwoToARowAndStayTogether() {
        let filler = DocumentBlock.paragraph(StyledText(plain: String(repeating: "Filler text. ", count: 330)))
        let pages = Fixtures.engine().layout(
            Document(title: "T", asOf: "d", fingerprint: "f", blocks: [filler, .signatures(SignatureLine.portfolioRoles + [SignatureLine(role: "Manager", name: "A. Jones")])]),
            charts: Fixtures.charts())
        let holding = pages.filter { $0.frame.allText.contains("Learner") || $0.frame.allText.contains("Witness") }
        #expect(holding.count == 1)
        let texts = holding.first?.frame.allText ?? []
        #expect(texts.filter { $0 == "Signature" }.count == 4)
        #expect(texts.filter { $0 == "Date" }.count == 4)
        #expect(texts.contains("A. Jones"))
    }
}
