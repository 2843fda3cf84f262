import Foundation
import Testing
import TallyCharts
import TallyGraphics

/// Alt text names the chart type and carries the key numbers; models survive a JSON round trip (Document IR).
@Suite struct AltTextTests {
    @Test func prePostBarsReadsLikeASentence() {
        let bars = PrePostBars(
            groups: [.init(label: "FCR", bars: [
                .init(phase: "Baseline", value: 0.659, n: 23_000), .init(phase: "After the change", value: 0.72, n: 24_000),
            ])], format: .percent, decimals: 1)
        #expect(bars.altText(subject: "First contact resolution")
            == "Bar chart: First contact resolution was 65.9% at baseline (n = 23,000) and 72.0% after the change (n = 24,000).")
    }

    @Test func controlChartCountsSignalsByMeaning() {
        let text = ChartFixtures.controlData().altText(subject: "handling time", run: false)
        #expect(text.hasPrefix("XmR control chart of handling time, 40 points from w/c 6 Jan 2025"))
        #expect(text.contains("Baseline: mean"))
        #expect(text.contains("improvement (shift)"))
        #expect(text.contains("concern (outside limits"))
        #expect(text.contains("Target 6m 00s."))
    }

    @Test(arguments: ChartFixtures.all().map(\.name))
    func everyChartTypeHasAltTextWithNumbers(_ name: String) throws {
        let model = try #require(ChartFixtures.all().first { $0.name == name }?.model)
        let text = model.content.altText(subject: "the measure")
        #expect(text.count > 40)
        #expect(text.contains { $0.isNumber })
        let empty = ChartFixtures.emptied(model).content.altText(subject: "the measure")
        #expect(empty.contains("No data for this period."), "\(name): \(empty)")
    }

    @Test(arguments: ChartFixtures.all().map(\.name))
    func modelsRoundTripThroughJSON(_ name: String) throws {
        let model = try #require(ChartFixtures.all().first { $0.name == name }?.model)
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(ChartModel.self, from: data) == model)
    }
}
