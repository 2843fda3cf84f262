import Testing
import TallyCairo
import TallyCharts
import TallyGraphics

#if canImport(Glibc)
import Glibc
#endif

/// Writes every fixture to PNG for a person to look at, only when `TALLY_CHART_PREVIEW=<dir>` is set.
@Suite struct PreviewTests {
    @Test func writePreviewsWhenAsked() throws {
        guard let raw = getenv("TALLY_CHART_PREVIEW") else { return }
        let directory = String(cString: raw)
        let renderer = ChartRenderer(theme: .standard, measurer: PangoTextMeasurer())
        let sizes = [("", Size(540, 320)), ("-small", Size(300, 200))]
        for (suffix, size) in sizes {
            for (name, model) in ChartFixtures.all(size: size) + ChartFixtures.empties() + ChartFixtures.degenerate() {
                let png = try PNGExporter.export(renderer.render(model), dpi: 150)
                let path = directory + "/" + name + suffix + ".png"
                guard let file = fopen(path, "wb") else { continue }
                _ = png.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
                fclose(file)
            }
        }
    }
}
