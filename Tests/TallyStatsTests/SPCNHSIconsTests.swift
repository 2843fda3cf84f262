// NHS Making Data Count variation and assurance icons.

import Testing
@testable import TallyStats

@Suite("NHS icons")
struct SPCNHSIconsTests {
    static let base: [Double] = [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 10, 11]

    @Test("variation icon follows the last point and the improvement direction")
    func variation() {
        let high = SPC.controlChart(kind: .individuals, values: Self.base + [30], options: .nhsMakingDataCount)
        #expect(SPC.nhsSummary(high, improvement: .increase).variation == .specialCauseImproving)
        #expect(SPC.nhsSummary(high, improvement: .decrease).variation == .specialCauseConcerning)
        #expect(SPC.nhsSummary(high, improvement: .neutral).variation == .specialCauseNeither)
        let common = SPC.controlChart(kind: .individuals, values: Self.base, options: .nhsMakingDataCount)
        let summary = SPC.nhsSummary(common, improvement: .increase)
        #expect(summary.variation == .commonCause && summary.pointTypes.allSatisfy { $0 == .commonCause })
        let low = SPC.controlChart(kind: .individuals, values: Self.base + [-5], options: .nhsMakingDataCount)
        let lowSummary = SPC.nhsSummary(low, improvement: .decrease)
        #expect(lowSummary.variation == .specialCauseImproving && lowSummary.pointTypes.last == .specialCauseImprovement)
        #expect(SPC.nhsSummary(SPC.controlChart(kind: .individuals, values: []), improvement: .increase).variation == nil)
    }

    @Test("assurance icon: target inside the limits, or beyond them on either side")
    func assurance() throws {
        let r = SPC.controlChart(kind: .individuals, values: Self.base, options: .nhsMakingDataCount)
        let upper = try #require(r.phases[0].upperLimit), lower = try #require(r.phases[0].lowerLimit)
        #expect(SPC.nhsSummary(r, improvement: .increase, target: 11).assurance == .inconsistent)
        #expect(SPC.nhsSummary(r, improvement: .increase, target: upper).assurance == .inconsistent)  // on the limit
        #expect(SPC.nhsSummary(r, improvement: .increase, target: lower - 1).assurance == .consistentlyMet)
        #expect(SPC.nhsSummary(r, improvement: .increase, target: upper + 1).assurance == .consistentlyMissed)
        #expect(SPC.nhsSummary(r, improvement: .decrease, target: upper + 1).assurance == .consistentlyMet)
        #expect(SPC.nhsSummary(r, improvement: .decrease, target: lower - 1).assurance == .consistentlyMissed)
        #expect(SPC.nhsSummary(r, improvement: .neutral, target: 11).assurance == nil)
        #expect(SPC.nhsSummary(r, improvement: .increase).assurance == nil)
    }

    @Test("a point in signals of both directions takes its side of the centre line")
    func mixedDirections() {
        // A falling trend of 7 that ends above the mean after a high run: the last points are in both.
        let values: [Double] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 20, 19, 18, 17, 16, 15, 14]
        let r = SPC.controlChart(kind: .individuals, values: values, options: .nhsMakingDataCount)
        let types = SPC.nhsSummary(r, improvement: .increase).pointTypes
        #expect(r.signals.contains { $0.rule == "nhs.trend" && $0.direction == .low })
        #expect(types.last == .specialCauseImprovement)
    }
}
