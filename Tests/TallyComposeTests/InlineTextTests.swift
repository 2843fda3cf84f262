import Testing
import TallyGraphics
import TallyLayout
@testable import TallyCompose

@Suite struct InlineTextTests {
    @Test func boldItalicAndPlainRuns() {
        let text = InlineText.styled("FCR was **65.7%** before and *rose* after")
        #expect(text.runs == [
            TextRun("FCR was "), TextRun("65.7%", bold: true), TextRun(" before and "), TextRun("rose", italic: true), TextRun(" after"),
        ])
    }

    @Test func unmatchedMarkersStayAsTyped() {
        #expect(InlineText.styled("5 * 3 = 15").plainText == "5 * 3 = 15")
        #expect(InlineText.styled("a ** b").plainText == "a ** b")
    }

    @Test func paragraphsAndBullets() {
        let blocks = InlineText.blocks(from: "First line\ncontinues.\n\n- one\n- **two**\n\nLast.")
        #expect(blocks.count == 3)
        if case .paragraph(let first) = blocks[0] { #expect(first.plainText == "First line continues.") } else { Issue.record("expected a paragraph") }
        if case .bullets(let items) = blocks[1] { #expect(items.map(\.plainText) == ["one", "two"]) } else { Issue.record("expected bullets") }
    }
}

@Suite struct NumberTextTests {
    @Test func pValuesAndDateRanges() {
        #expect(NumberText.pValue(0.0004) == "p < 0.001")
        #expect(NumberText.pValue(0.0123) == "p = 0.012")
        #expect(NumberText.pValue(0.4321) == "p = 0.43")
        #expect(NumberText.dateRange(from: "2025-01-06", to: "2025-07-06") == "6 Jan – 6 Jul 2025")
        #expect(NumberText.dateRange(from: "2025-07-07", to: "2026-01-04") == "7 Jul 2025 – 4 Jan 2026")
    }
}
