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
