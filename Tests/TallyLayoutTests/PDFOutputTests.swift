import Foundation
import Testing
import TallyCairo
import TallyCore
import TallyGraphics
@testable import TallyLayout

/// Real builds: Pango measuring, Cairo writing the PDF, poppler reading it back.
@Suite(.serialized) struct PDFOutputTests {
    static let metadata = PDFMetadata(
        title: "Reducing repeat contacts", author: "Sam Patel", subject: "FCR evaluation", keywords: "customer service, FCR",
        creator: "Tally \(TallyVersion.current)", creationDate: "2026-07-03T00:00:00")

    private func pdf(_ document: Document, paper: Size = .a4, landscape: Bool = false) throws -> [UInt8] {
        let measurer = PangoTextMeasurer()
        let pages = Fixtures.engine(paper, landscape: landscape, measurer: measurer).layout(document, charts: Fixtures.charts(measurer))
        let bytes = try PDFExporter.export(pages, metadata: Self.metadata)
        // TALLY_LAYOUT_PREVIEW=/some/dir keeps a copy to look at.
        if let directory = ProcessInfo.processInfo.environment["TALLY_LAYOUT_PREVIEW"] {
            let name = "\(document.blocks.count)-\(Int(paper.width))\(landscape ? "-landscape" : "").pdf"
            try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        return bytes
    }

    @Test func threeHundredRowTableSplitsWithRepeatedHeadersAndEveryRowOnce() throws {
        guard Fixtures.hasTool("pdftotext") else {
            print("skipped: pdftotext is not installed")
            return
        }
        let document = Document(
            title: "Agent table", asOf: "2026-07-03", fingerprint: "abc123",
            blocks: [.heading("Calls by agent", level: 1, anchor: "agents"), .table(Fixtures.callTable(rows: 300))])
        let path = try Fixtures.temporaryFile(try pdf(document), name: "table300.pdf")
        let text = try Fixtures.run("pdftotext", ["-layout", path, "-"])
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: true).filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(pages.count >= 6)
        var seen: [Int] = []
        for (index, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map(String.init)
            // The header row is on every page (repeated after each break) …
            #expect(lines.contains { $0.contains("Row") && $0.contains("Agent") && $0.contains("Variance") }, "page \(index + 1) lacks the header row")
            if index > 0 { #expect(page.contains("Calls by agent (continued)"), "page \(index + 1) lacks the continued caption") }
            // … and every body row "R<n>" appears whole: its number cell and its variance on the same line.
            for line in lines {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard let first = fields.first, first.hasPrefix("R"), let n = Int(first.dropFirst()) else { continue }
                #expect(line.contains("%"), "row R\(n) is cut: \(line)")
                seen.append(n)
            }
        }
        #expect(seen == Array(1...300), "rows lost, duplicated or out of order")
        #expect(text.contains("Total"))
        #expect(text.contains("12,345"))
        #expect(text.contains("Page 1 of \(pages.count)"))
        #expect(text.contains("Page \(pages.count) of \(pages.count)"))
    }

    @Test func fullReportHasBookmarksMetadataLinksAndEmbeddedFonts() throws {
        guard Fixtures.hasTool("pdfinfo"), Fixtures.hasTool("pdffonts"), Fixtures.hasTool("pdftotext") else {
            print("skipped: poppler tools (pdfinfo, pdffonts, pdftotext) are not installed")
            return
        }
        let bytes = try pdf(Fixtures.report())
        let path = try Fixtures.temporaryFile(bytes, name: "report.pdf")
        let info = try Fixtures.run("pdfinfo", [path])
        #expect(info.contains("Title:") && info.contains("Reducing repeat contacts"))
        #expect(info.contains("Creator:") && info.contains("Tally \(TallyVersion.current)"))
        #expect(info.contains("Keywords:") && info.contains("customer service"))
        let fonts = try Fixtures.run("pdffonts", [path])
        #expect(fonts.contains("DejaVuSans"))
        for line in fonts.split(separator: "\n").dropFirst(2) { #expect(line.contains(" yes "), "font not embedded: \(line)") }
        // Bookmarks: cairo writes an /Outlines tree with one /Title per entry.
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        for title in ["Summary", "Results", "Calls by agent", "Evidence of competence", "Appendix: audit trail", "Input files"] {
            #expect(raw.contains("/Title (\(title))"), "no bookmark for \(title)")
        }
        // Internal links from the contents and the evidence table, and destinations where the sections are
        // (inside the content area, not at the page corner).
        #expect(raw.components(separatedBy: "/Subtype /Link").count - 1 >= 20)
        for name in ["summary", "results", "agents", "chart-fcr", "table-calls"] {
            let y = try #require(Self.destinationY(name, in: raw), "no destination \(name)")
            #expect(y < 841.89 - 62 + 0.01 && y > 62, "destination \(name) at y = \(y)")
        }
        let text = try Fixtures.run("pdftotext", ["-layout", path, "-"])
        #expect(text.contains("Contents"))
        #expect(text.contains("Not yet evidenced"))
        #expect(text.contains(String(repeating: "3f9a2c71", count: 8)), "the SHA-256 is not on one line")
    }

    /// The y of a named destination, from the `(name) [page 0 R /XYZ x y 0]` entry of the PDF's name tree.
    static func destinationY(_ name: String, in raw: String) -> Double? {
        guard let start = raw.range(of: "(\(name)) [") else { return nil }
        let rest = raw[start.upperBound...].prefix(80)
        guard let xyz = rest.range(of: "/XYZ ") else { return nil }
        let fields = rest[xyz.upperBound...].split(separator: " ")
        return fields.count >= 2 ? Double(fields[1]) : nil
    }

    @Test func anchorsWithQuotesStillMakeBookmarksAndLinks() throws {
        let document = Document(
            title: "Quotes", asOf: "2026-07-03", fingerprint: "f",
            blocks: [.contents(), .heading("The manager's view", level: 1, anchor: "manager's-view\\x"), .paragraph("Text.")])
        let raw = String(decoding: try pdf(document), as: UTF8.self)
        #expect(raw.contains("/Title (The manager's view)") || raw.contains("/Title (The manager\\'s view)"))
        #expect(raw.contains("/Outlines") && raw.contains("/Subtype /Link"))
    }

    @Test func pagesRenderToPNGAtTheRequestedResolution() throws {
        let measurer = PangoTextMeasurer()
        let pages = Fixtures.engine(.letter, measurer: measurer).layout(Fixtures.report(), charts: Fixtures.charts(measurer))
        let png = try PNGExporter.export(pages[2].frame, dpi: 150)
        func int(_ at: Int) -> Int { Int(png[at]) << 24 | Int(png[at + 1]) << 16 | Int(png[at + 2]) << 8 | Int(png[at + 3]) }
        #expect(int(16) == 1275 && int(20) == 1650, "US Letter at 150 dpi is 1275 × 1650 px")
        #expect(png == (try PNGExporter.export(pages[2].frame, dpi: 150)))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try pdf(Fixtures.report())
        let second = try pdf(Fixtures.report())
        #expect(first == second)
        var numbered = Fixtures.report()
        numbered.numbersSections = true
        _ = try pdf(numbered, paper: .letter)
        let letter = try pdf(Fixtures.report(), paper: .letter, landscape: true)
        #expect(letter == (try pdf(Fixtures.report(), paper: .letter, landscape: true)))
    }
}
