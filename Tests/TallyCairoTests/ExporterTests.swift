import Testing
import TallyGraphics
@testable import TallyCairo

/// A small frame with text, shapes, a link and an anchor, used by several exporter tests.
private func sampleFrame(measurer: some TextMeasurer) -> Frame {
    var frame = Frame(size: Size(300, 200))
    frame.fill(Rect(x: 10, y: 10, width: 100, height: 50), Color(hex: 0x1f77b4))
    let font = FontSpec(family: "DejaVu Sans", size: 12)
    let text: StyledText = StyledText([TextRun("First contact resolution "), TextRun("72.0%", bold: true)])
    let m = measurer.measure(text, font: font, width: 200, lineSpacing: 1)
    frame.add(.text(TextBox(text: text, origin: Point(10, 80), width: 200, font: font, color: .black, measured: Size(m.width, m.height))))
    frame.add(.anchor("top", at: Point(0, 0)))
    frame.add(.link(Rect(x: 10, y: 80, width: 50, height: 12), target: "top"))
    return frame
}

@Suite struct ExporterTests {
    @Test func pangoMeasuresWrapsAndIsStable() {
        let measurer = PangoTextMeasurer()
        let font = FontSpec(family: "DejaVu Sans", size: 10)
        let one = measurer.measure("Hello", font: font, width: nil, lineSpacing: 1)
        #expect(one.width > 20 && one.width < 40)
        #expect(one.lineCount == 1)
        let wrapped = measurer.measure(StyledText(plain: String(repeating: "word ", count: 40)), font: font, width: 100, lineSpacing: 1)
        #expect(wrapped.lineCount > 5)
        #expect(wrapped.width <= 100)
        #expect(measurer.measure("Hello", font: font, width: nil, lineSpacing: 1) == one)
    }

    @Test func pdfIsDeterministicAndCarriesMetadata() throws {
        let page = Page(frame: sampleFrame(measurer: PangoTextMeasurer()), outline: [OutlineEntry(title: "Top", destination: "top", level: 0)])
        let metadata = PDFMetadata(title: "T", author: "A", creator: "Tally test", creationDate: "2026-01-05T00:00:00")
        let first = try PDFExporter.export([page], metadata: metadata)
        let second = try PDFExporter.export([page], metadata: metadata)
        #expect(first == second)
        #expect(first.starts(with: Array("%PDF-1.5".utf8)))
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("/Title (T)"))
        #expect(text.contains("/CreationDate (20260105000000)"))
    }

    @Test func pngHasSizeFromDpiAndTextChunks() throws {
        let png = try PNGExporter.export(sampleFrame(measurer: PangoTextMeasurer()), dpi: 144, metadata: [("Title", "Chart")])
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = Int(png[16]) << 24 | Int(png[17]) << 16 | Int(png[18]) << 8 | Int(png[19])
        let height = Int(png[20]) << 24 | Int(png[21]) << 16 | Int(png[22]) << 8 | Int(png[23])
        #expect(width == 600 && height == 400)
        #expect(String(decoding: png, as: UTF8.self).contains("tEXtTitle\u{0}Chart"))
    }

    @Test func crcMatchesKnownValue() {
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test func missingFontIsReported() {
        #expect(FontCheck.problem(with: "DejaVu Sans") == nil)
        let problem = FontCheck.problem(with: "No Such Font Family")
        #expect(problem?.message == "font 'No Such Font Family' is not installed")
    }
}
