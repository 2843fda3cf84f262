import Testing
import Foundation
import CCairo
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

    @Test func chunkCRCMatchesKnownValue() {
        #expect(PNGChunks.chunk("IEND", []) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test func pngDecodesWithLibpngToTheDrawnPixels() throws {
        // Our encoder against an independent decoder: Cairo's libpng reader must give back every pixel.
        let frame = sampleFrame(measurer: PangoTextMeasurer())
        let scanlines = try PNGExporter.rasterise(frame, dpi: 100)
        let png = try PNGExporter.encode(scanlines, dpi: 100, metadata: [("Title", "Round trip")])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-png-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(png)))
        let surface = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        #expect(width == scanlines.width && height == scanlines.height)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        var mismatches = 0
        var nonWhite = 0
        for y in 0..<height {
            for x in 0..<width {
                let p = data + y * stride + x * 4
                let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                let rgb = [UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
                let o = y * (1 + 3 * width) + 1 + 3 * x
                if rgb != Array(scanlines.bytes[o..<o + 3]) { mismatches += 1 }
                if rgb != [255, 255, 255] { nonWhite += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(nonWhite > 1000)  // the frame really drew something
    }

    @Test func missingFontIsReported() {
        #expect(FontCheck.problem(with: "DejaVu Sans") == nil)
        let problem = FontCheck.problem(with: "No Such Font Family")
        #expect(problem?.message == "font 'No Such Font Family' is not installed")
    }
}
