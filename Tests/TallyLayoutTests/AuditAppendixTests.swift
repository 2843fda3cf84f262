import Testing
import TallyCore
import TallyGraphics
@testable import TallyLayout

@Suite struct AuditAppendixTests {
    @Test func everyFactIsPrinted() {
        let pages = Fixtures.engine().layout(Fixtures.report(), charts: Fixtures.charts())
        let start = pages.firstIndex { $0.frame.allText.contains("Appendix: audit trail") } ?? pages.count
        let texts = pages[start...].flatMap(\.frame.allText)
        for expected in [
            "data/calls.csv", "data/surveys.csv", String(repeating: "3f9a2c71", count: 8), String(repeating: "0b1c2d3e", count: 8),
            "1,234,567", "48,210", "3", "1,322,567",
            "data/calls.csv: 3 rows rejected (first 2 shown; all are listed in results.json)", "17", "missing agent", "2026-01-04,,A12",
            "invalid date '2026-13-01'", "Baseline", "2026-01-01", "2026-03-25", "After go-live; two-week bedding-in excluded.",
            "Comparison of proportions", "XmR chart, E2 = 2.66; NHS Making Data Count rules", "Tally \(TallyVersion.current)",
            "reports/fcr.yaml", String(repeating: "ab", count: 32), "3f9a2c71",
        ] {
            #expect(texts.contains(expected), "audit appendix lacks \(expected)")
        }
        #expect(texts.contains { $0.contains("10 seconds") })
    }

    @Test func appendixStartsOnANewPageWithSubsectionBookmarks() {
        let pages = Fixtures.engine().layout(Fixtures.report(), charts: Fixtures.charts())
        let index = pages.firstIndex { $0.outline.contains { $0.destination == "audit" } }
        #expect(index != nil)
        if let index {
            let previous = pages[index - 1].frame.allText
            #expect(!previous.contains("Appendix: audit trail"))
            let outline = pages[index...].flatMap(\.outline).map(\.title)
            #expect(outline == ["Appendix: audit trail", "Input files", "Rejected rows", "Filters", "Phase definitions", "Methods", "Provenance"])
            #expect(pages[index].outline.first?.level == 0)
            #expect(pages[index].outline.dropFirst().allSatisfy { $0.level == 1 })
        }
    }

    @Test func sectionsWithoutContentAreLeftOut() {
        let model = AuditModel(inputs: [.init(path: "a.csv", sha256: "00", bytes: 1, rowsRead: 1, rowsRejected: 0)], specPath: "s.yaml", specHash: "ff")
        #expect(model.headings.map(\.title) == ["Appendix: audit trail", "Input files", "Provenance"])
    }
}
