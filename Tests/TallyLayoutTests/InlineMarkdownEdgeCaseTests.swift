import Testing
import TallyGraphics
import TallyLayout

/// Edge cases of report text that compose relies on (moved here with the parser compose now uses).
@Suite struct InlineMarkdownEdgeCaseTests {
    @Test func boldItalicAndPlainRuns() {
        let text = InlineMarkdown.styled("FCR was **65.7%** before and *rose* after")
        #expect(text.runs == [
            TextRun("FCR was "), TextRun("65.7%", bold: true), TextRun(" before and "), TextRun("rose", italic: true), TextRun(" after"),
        ])
    }

    @Test func unmatchedMarkersStayAsTyped() {
        #expect(InlineMarkdown.styled("5 * 3 = 15").plainText == "5 * 3 = 15")
        #expect(InlineMarkdown.styled("a ** b").plainText == "a ** b")
        // Column names in report text keep their underscores.
        #expect(InlineMarkdown.styled("see handle_time_sec and first_contact").plainText == "see handle_time_sec and first_contact")
    }

    @Test func paragraphsAndBullets() {
        let blocks = InlineMarkdown.blocks("First line\ncontinues.\n\n- one\n- **two**\n\nLast.")
        #expect(blocks.count == 3)
        if case .paragraph(let first) = blocks[0] { #expect(first.plainText == "First line continues.") } else { Issue.record("expected a paragraph") }
        if case .bullets(let items) = blocks[1] { #expect(items.map(\.plainText) == ["one", "two"]) } else { Issue.record("expected bullets") }
    }
}

