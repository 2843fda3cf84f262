// Tabular CUSUM and EWMA by hand.

import Testing
@testable import TallyStats

@Suite("CUSUM and EWMA")
struct SPCCusumEwmaTests {
    @Test("CUSUM accumulates deviations beyond K and signals above H")
    func cusum() {
        let r = SPC.cusum(values: [10, 10, 12, 12, 12, .nan, 7], target: 10, sigma: 1, k: 0.5, h: 2)
        #expect(r.upper == [0, 0, 1.5, 3, 4.5, 4.5, 1])
        #expect(r.lower == [0, 0, 0, 0, 0, 0, 2.5])
        #expect(r.upperRunLength == [0, 0, 1, 2, 3, 3, 4])
        #expect(r.signals == [3, 4, 5, 6])
        #expect(SPC.cusum(values: [100], target: 0, sigma: 0).signals.isEmpty)
    }

    @Test("EWMA with exact time-varying limits")
    func ewma() throws {
        let r = SPC.ewma(values: [12, 12, 12], target: 10, sigma: 1, lambda: 0.5, width: 3)
        #expect(r.statistic == [11, 11.5, 11.75])
        // i = 1: 3 √(0.5/1.5 (1 − 0.25)) = 1.5; i = 2: 3 √(1/3 (1 − 0.0625))
        #expect(abs(try #require(r.upperLimits.first) - 11.5) < 1e-12)
        #expect(abs(r.upperLimits[1] - (10 + 3 * (1.0 / 3 * 0.9375).squareRoot())) < 1e-12)
        // i = 3: limit 10 + 3 √(1/3 (1 − 1/64)) = 11.718 < 11.75: the first signal.
        #expect(r.signals == [2])
    }
}
