import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct InlineMarkdownTests {
    @Test func boldAndItalicBecomeRuns() {
        let text = InlineMarkdown.styled("Rose from **62%** to *71%* and _stayed_ there.")
        #expect(text.runs == [
            TextRun("Rose from "), TextRun("62%", bold: true), TextRun(" to "), TextRun("71%", italic: true), TextRun(" and "),
            TextRun("stayed", italic: true), TextRun(" there."),
        ])
    }

    @Test func nestedEmphasis() {
        let text = InlineMarkdown.styled("*a **b** c*")
        #expect(text.runs == [TextRun("a ", italic: true), TextRun("b", bold: true, italic: true), TextRun(" c", italic: true)])
    }

    @Test func unmatchedMarkersEscapesAndSnakeCaseStayLiteral() {
        #expect(InlineMarkdown.styled("2 * 3 = 6").runs == [TextRun("2 * 3 = 6")])
        #expect(InlineMarkdown.styled("**open only").plainText == "**open only")
        #expect(InlineMarkdown.styled("first_contact_rate").runs == [TextRun("first_contact_rate")])
        #expect(InlineMarkdown.styled("\\*not italic\\*").runs == [TextRun("*not italic*")])
    }

    @Test func blocksSplitParagraphsAndBullets() {
        let blocks = InlineMarkdown.blocks("""
        First line
        continues here.

        - one **bold**
        - two
          wrapped
        After the list.
        """)
        #expect(blocks.count == 3)
        #expect(blocks[0] == .paragraph(StyledText([TextRun("First line continues here.")])))
        #expect(blocks[1] == .bullets([StyledText([TextRun("one "), TextRun("bold", bold: true)]), StyledText([TextRun("two wrapped")])]))
        #expect(blocks[2] == .paragraph(StyledText([TextRun("After the list.")])))
    }

    @Test func numberedListsAreRecognised() {
        let blocks = InlineMarkdown.blocks("Steps:\n1. Measure\n2) Change\n- aside")
        #expect(blocks == [.paragraph("Steps:"), .numbered(["Measure", "Change"]), .bullets(["aside"])])
        #expect(InlineMarkdown.numberedItem("2026. was a year") == nil)
    }

    @Test func numberedListsDrawRightAlignedNumbers() {
        let items = (1...12).map { StyledText(plain: "Item \($0)") }
        let pages = Fixtures.engine().layout(Document(title: "T", asOf: "d", fingerprint: "f", blocks: [.numbered(items)]), charts: Fixtures.charts())
        let boxes = pages[0].frame.allTextBoxes
        let nine = boxes.first { $0.text.plainText == "9." }, twelve = boxes.first { $0.text.plainText == "12." }
        #expect(nine?.alignment == .right && twelve?.alignment == .right)
        #expect(nine.map { $0.origin.x + ($0.width ?? 0) } == twelve.map { $0.origin.x + ($0.width ?? 0) })
        let item = boxes.first { $0.text.plainText == "Item 12" }
        #expect((item?.origin.x ?? 0) > (twelve.map { $0.origin.x + ($0.width ?? 0) } ?? .infinity))
    }

    @Test func markdownBlockLaysOutAsParagraphAndBullets() {
        let document = Document(title: "T", asOf: "2026-01-01", fingerprint: "f", blocks: [.markdown("Intro with **bold**.\n\n- a\n- b")])
        let pages = Fixtures.engine().layout(document, charts: Fixtures.charts())
        let texts = pages[0].frame.allTextBoxes.map(\.text)
        #expect(texts.contains(StyledText([TextRun("Intro with "), TextRun("bold", bold: true), TextRun(".")])))
        #expect(texts.filter { $0.plainText == "•" }.count == 2)
    }
}
