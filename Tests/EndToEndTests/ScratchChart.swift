import Testing
import TallyCore
import TallyGraphics
import TallyCharts
import TallyCairo
import Glibc

@Test func scratchChart() throws {
    let model = ChartModel(id: "x", title: "First contact resolution rose after the triage script", subtitle: "Share of contacts resolved at first contact, by phase, with 95% confidence intervals", caption: "Source: tickets.csv · Baseline 6 Jan – 6 Jul 2025, post 7 Jul 2025 – 4 Jan 2026 · n = 48,112 contacts", altText: "", size: Size(483, 290), content: .prePostBars(PrePostBars(groups: [.init(label: "FCR", bars: [.init(phase: "Baseline", value: 0.659, lower: 0.653, upper: 0.665, n: 23000), .init(phase: "After triage script", value: 0.72, lower: 0.714, upper: 0.726, n: 24000)])], format: .percent, decimals: 1, target: 0.75)))
    let frame = ChartRenderer(theme: .standard, measurer: PangoTextMeasurer()).render(model)
    let png = try PNGExporter.export(frame, dpi: 150)
    let f = fopen("/tmp/chart.png", "wb"); fwrite(png, 1, png.count, f); fclose(f)
    #expect(ChartRenderer.textOutsideBounds(frame).isEmpty)
}
