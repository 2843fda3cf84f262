import Testing
@testable import TallyCharts
import TallyGraphics

/// Nice ticks for durations and the label-collision helpers.
@Suite struct ScaleTests {
    @Test func durationTicksUseClockSteps() {
        let ticks = NiceTicks.durationTicks(min: 140, max: 715, count: 5)
        let step = ticks[1] - ticks[0]
        #expect([60.0, 120, 300].contains(step))
        #expect((ticks.first ?? 999) <= 140 && (ticks.last ?? 0) >= 715)
        let long = NiceTicks.durationTicks(min: 0, max: 5 * 3600, count: 5)
        #expect(long[1] - long[0] == 3600)
    }

    @Test func durationTickLabelsDropZeroParts() {
        #expect(ValueAxis.tickText(360, format: .duration, decimals: 0, locale: .enGB) == "6m")
        #expect(ValueAxis.tickText(7200, format: .duration, decimals: 0, locale: .enGB) == "2h")
        #expect(ValueAxis.tickText(390, format: .duration, decimals: 0, locale: .enGB) == "6m 30s")
    }

    @Test func spreadKeepsOrderSpacingAndRange() {
        let placed = LabelLayout.spread([50, 52, 51, 200], spacing: 10, low: 0, high: 100)
        let sorted = placed.enumerated().sorted { $0.element < $1.element }
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(b.element - a.element >= 10 - 1e-9) }
        #expect(placed.allSatisfy { $0 >= 0 && $0 <= 100 })
        #expect(placed[0] < placed[1] || placed[0] < placed[2])
    }

    @Test func truncateFitsWidthWithEllipsis() {
        let font = FontSpec(family: "DejaVu Sans", size: 10)
        let m = FixedWidthTextMeasurer()
        let text = LabelLayout.truncate("Wrong information given", toWidth: 60, font: font, measurer: m)
        #expect(text.hasSuffix("…"))
        #expect(LabelLayout.width(text, font: font, measurer: m) <= 60)
        #expect(LabelLayout.truncate("Short", toWidth: 60, font: font, measurer: m) == "Short")
    }

    @Test func fitsWithoutOverlapDetectsCollisions() {
        #expect(LabelLayout.fitsWithoutOverlap(centres: [0, 50], widths: [40, 40], gap: 5))
        #expect(!LabelLayout.fitsWithoutOverlap(centres: [0, 40], widths: [40, 40], gap: 5))
    }

    @Test func markerShapesAreDistinctAndCentred() {
        let paths = MarkerShape.allCases.map { $0.path(center: Point(10, 10), size: 8) }
        #expect(Set(paths).count == MarkerShape.allCases.count)
        for path in paths {
            let b = path.bounds
            #expect(b.map { abs($0.midX - 10) < 0.01 && abs($0.midY - 10) < 1 } == true)
        }
    }
}
