import Testing
import TallyCairo
import TallyCharts
import TallyGraphics

/// A few charts rendered through Pango and Cairo compared pixel-wise with checked-in PNGs (small tolerance for
/// anti-aliasing differences between library versions). Rewrite with `TALLY_UPDATE_GOLDEN=1`.
@Suite struct PixelTests {
    static let names = ["control-xmr", "likert", "kpi-tile", "pareto"]
    /// Share of pixels allowed to differ by more than 32 levels in a channel.
    static let tolerance = 0.005

    static func png(_ name: String) throws -> [UInt8] {
        let model = try #require(ChartFixtures.all().first { $0.name == name }?.model)
        let frame = ChartRenderer(theme: .standard, measurer: PangoTextMeasurer()).render(model)
        return try PNGExporter.export(frame, dpi: 96)
    }

    @Test(arguments: names)
    func pngMatchesGolden(_ name: String) throws {
        let bytes = try Self.png(name)
        let path = TestFiles.golden(name + ".png")
        if TestFiles.updating {
            TestFiles.write(bytes, to: path)
            return
        }
        let expectedBytes = try #require(TestFiles.read(path), "missing \(path); run with TALLY_UPDATE_GOLDEN=1")
        let actual = try PNGDecoder.decode(bytes), expected = try PNGDecoder.decode(expectedBytes)
        #expect(actual.width == expected.width && actual.height == expected.height)
        let differing = actual.differingFraction(from: expected)
        #expect(differing <= Self.tolerance, "\(name): \(differing * 100)% of pixels differ")
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try Self.png("control-xmr") == Self.png("control-xmr"))
    }

    @Test func comparisonDetectsAChangedChart() throws {
        // The tolerance is tight enough to catch a moved line: a chart with a different target must not pass.
        var model = try #require(ChartFixtures.all().first { $0.name == "control-xmr" }?.model)
        guard case .controlChart(var data) = model.content else { Issue.record("fixture changed kind"); return }
        data.target = 420
        model.content = .controlChart(data)
        let changed = try PNGDecoder.decode(PNGExporter.export(ChartRenderer(theme: .standard, measurer: PangoTextMeasurer()).render(model), dpi: 96))
        let original = try PNGDecoder.decode(Self.png("control-xmr"))
        #expect(changed.differingFraction(from: original) > Self.tolerance)
    }
}

/// Every chart type also exports to SVG and to a PNG carrying its metadata.
@Suite struct ExportTests {
    @Test(arguments: ChartFixtures.all().map(\.name))
    func exportsToSVGAndPNGWithMetadata(_ name: String) throws {
        var model = try #require(ChartFixtures.all().first { $0.name == name }?.model)
        model.altText = model.content.altText(subject: model.title)
        let frame = ChartRenderer(theme: .print, measurer: PangoTextMeasurer()).render(model)
        let svg = try SVGExporter.export(frame)
        #expect(String(decoding: svg.prefix(200), as: UTF8.self).contains("<svg"))
        let png = try PNGExporter.export(frame, dpi: 150, metadata: model.pngTextMetadata(creationTime: "2025-09-30T00:00:00"))
        let text = String(decoding: png.prefix(4096).map { $0 == 0 ? UInt8(ascii: "=") : $0 }, as: UTF8.self)
        #expect(text.contains("tEXtTitle=" + model.title.prefix(20)))
        #expect(text.contains("tEXtCreation Time=2025-09-30"))
        let image = try PNGDecoder.decode(png)
        #expect(image.width == Int((model.size.width * 150 / 72).rounded()))
    }
}
