// Limits, phases, exclusions and degenerate input, on small series whose answers are worked out by hand.

import Foundation
import Testing
@testable import TallyStats

/// Shared helpers of the SPC unit tests.
enum SPCTestSupport {
    /// Encodes a result the way results.json will (JSONEncoder throws on NaN or infinity) and decodes it back.
    static func encodesCleanly(_ r: ControlChartResult) -> Bool {
        guard let data = try? JSONEncoder().encode(r), let back = try? JSONDecoder().decode(ControlChartResult.self, from: data) else {
            return false
        }
        return back == r
    }

    /// Rule points around centre 0 with σ = 1.
    static func unitPoints(_ values: [Double], excluded: Set<Int> = []) -> [RulePoint] {
        let band = ControlBand(centre: 0, sigma: 1)
        return values.enumerated().map { RulePoint(index: $0.offset, value: $0.element, centre: 0, band: band, excluded: excluded.contains($0.offset)) }
    }
}

@Suite("SPC limits")
struct SPCLimitsTests {
    @Test("XmR: NHS 2.66 and 3/d2 conventions")
    func xmr() throws {
        let x = [10.0, 12, 11, 13, 12]  // mean 11.6, moving ranges 2 1 2 1 → mR̄ 1.5
        let nhs = SPC.controlChart(kind: .individuals, values: x, options: ControlChartOptions(individualsMethod: .nhs))
        let p = nhs.phases[0]
        #expect(abs(try #require(p.centre) - 11.6) < 1e-12)
        #expect(abs(try #require(p.upperLimit) - (11.6 + 2.66 * 1.5)) < 1e-12)
        #expect(abs(try #require(p.lowerLimit) - (11.6 - 2.66 * 1.5)) < 1e-12)
        #expect(p.statistics.meanMovingRange == 1.5)
        #expect(nhs.method.contains("2.66 × mean moving range"))
        let d2 = SPC.controlChart(kind: .individuals, values: x)
        #expect(abs(try #require(d2.phases[0].sigma) - 1.5 / 1.128) < 1e-12)
        let band = try #require(d2.points[0].band)
        #expect(abs(band.upper1Sigma - (11.6 + 1.5 / 1.128)) < 1e-12)
        #expect(abs(band.lower2Sigma - (11.6 - 2 * 1.5 / 1.128)) < 1e-12)
        #expect(!band.lowerClamped)  // individuals may be negative: never clamped
    }

    @Test("moving-range screening drops ranges ≥ 3.267 mR̄ once")
    func screening() throws {
        let x = [4.0, 5, 4, 5, 4, 5, 4, 20, 5, 4, 5, 4]
        let plain = SPC.controlChart(kind: .individuals, values: x)
        let screened = SPC.controlChart(kind: .individuals, values: x, options: ControlChartOptions(screenMovingRanges: true))
        #expect(screened.phases[0].statistics.screenedMovingRanges == 2)
        #expect(screened.phases[0].statistics.meanMovingRange == 1)
        let screenedSigma = try #require(screened.phases[0].sigma), plainSigma = try #require(plain.phases[0].sigma)
        #expect(screenedSigma < plainSigma)
        #expect(screened.flaggedPoints(rule: "nhs.astronomical") == [7])
    }

    @Test("moving-range chart: first point has no range; upper limit 3.267 mR̄, lower clamped at 0")
    func movingRange() throws {
        let r = SPC.controlChart(kind: .movingRange, values: [10, 12, 11, 13, 12])
        #expect(r.points[0].value == nil && !r.points[0].excluded)
        #expect(r.points.dropFirst().map(\.value) == [2, 1, 2, 1])
        #expect(abs(try #require(r.phases[0].upperLimit) - 3.267 * 1.5) < 1e-12)
        #expect(r.phases[0].lowerLimit == 0)
        #expect(r.points[1].band?.lowerClamped == true)
        #expect(r.phases[0].calculationPointCount == 4)
    }

    @Test("X̄–R by hand: X̄̄ ± A2 R̄")
    func xbarR() throws {
        let r = SPC.controlChart(kind: .xbarR, subgroups: [[1, 2, 3], [2, 3, 4], [3, 4, 5]])
        let a2 = try #require(SPCConstants.a2(3))
        #expect(abs(try #require(r.phases[0].centre) - 3) < 1e-12)
        #expect(abs(try #require(r.phases[0].upperLimit) - (3 + a2 * 2)) < 1e-12)
        let range = SPC.controlChart(kind: .range, subgroups: [[1, 2, 3], [2, 3, 4], [3, 4, 5]])
        #expect(abs(try #require(range.phases[0].centre) - 2) < 1e-12)
        #expect(abs(try #require(range.phases[0].upperLimit) - 2 * (try #require(SPCConstants.d4Factor(3)))) < 1e-12)
        #expect(range.phases[0].lowerLimit == 0)
    }

    @Test("X̄–R with variable sizes: Burr-weighted σ̂, limits per point")
    func xbarRVariable() throws {
        let groups: [[Double]] = [[1, 3], [2, 4, 7]]  // R = 2 (n 2), R = 5 (n 3)
        let d2a = 1.128, d2b = 1.693
        let fa = pow(d2a / (try #require(SPCConstants.d3(2))), 2), fb = pow(d2b / (try #require(SPCConstants.d3(3))), 2)
        let sigma = (fa * 2 / d2a + fb * 5 / d2b) / (fa + fb)
        let r = SPC.controlChart(kind: .xbarR, subgroups: groups)
        #expect(abs(try #require(r.phases[0].centre) - 17.0 / 5) < 1e-12)  // mean of all observations
        #expect(r.phases[0].limitsVary && r.phases[0].sigma == nil)
        #expect(abs(try #require(r.points[0].band?.upperLimit) - (3.4 + 3 * sigma / 2.0.squareRoot())) < 1e-12)
        #expect(abs(try #require(r.points[1].band?.upperLimit) - (3.4 + 3 * sigma / 3.0.squareRoot())) < 1e-12)
        let ranges = SPC.controlChart(kind: .range, subgroups: groups)
        #expect(abs(try #require(ranges.points[1].centre) - d2b * sigma) < 1e-12)
        #expect(ranges.phases[0].centre == nil)  // the R centre varies with n
    }

    @Test("options and results round-trip through JSON")
    func codable() throws {
        let options = ControlChartOptions(individualsMethod: .nhs, screenMovingRanges: true, multiplier: 100,
                                          exclusions: [PointExclusion(index: 2, reason: "outage")],
                                          ruleSets: [.nhs, RuleSet(name: .nelson, version: 2, shiftLength: 8, trendLength: 6)])
        let back = try JSONDecoder().decode(ControlChartOptions.self, from: try JSONEncoder().encode(options))
        #expect(back == options)
        let r = SPC.controlChart(kind: .p, values: [1, 2, 3, 2, 9], subgroupSizes: [20, 20, 20, 20, 20], options: options)
        #expect(SPCTestSupport.encodesCleanly(r))
    }

    @Test("X̄–S with variable sizes pools the variances; S centre is the pooled S̄")
    func xbarSPooled() throws {
        let groups: [[Double]] = [[1, 2, 3, 4], [2, 4], [1, 3, 5]]
        let r = SPC.controlChart(kind: .standardDeviation, subgroups: groups)
        // s² = 1.6667 (n 4), 2 (n 2), 4 (n 3): pooled = √((3·1.6667 + 1·2 + 2·4)/6)
        let pooledVariance: Double = (3.0 * (5.0 / 3.0) + 2.0 + 2.0 * 4.0) / 6.0
        let pooled = pooledVariance.squareRoot()
        #expect(abs(try #require(r.phases[0].centre) - pooled) < 1e-12)
        #expect(r.phases[0].limitsVary)
        let b4 = try #require(SPCConstants.b4(2))
        #expect(abs(try #require(r.points[1].band?.upperLimit) - b4 * pooled) < 1e-12)
        let means = SPC.controlChart(kind: .xbarS, subgroups: groups)
        #expect(abs(try #require(means.phases[0].centre) - 25.0 / 9) < 1e-12)  // weighted by n
    }

    @Test("p chart: binomial limits per point, lower limit clamped and recorded")
    func pChart() throws {
        let r = SPC.controlChart(kind: .p, values: [0, 1, 0, 2], subgroupSizes: [10, 10, 20, 10])
        let pbar = 3.0 / 50
        #expect(abs(try #require(r.phases[0].centre) - pbar) < 1e-15)
        let b = try #require(r.points[2].band)
        #expect(abs(b.upperLimit - (pbar + 3 * (pbar * (1 - pbar) / 20).squareRoot())) < 1e-15)
        #expect(b.lowerLimit == 0 && b.lowerClamped && !b.upperClamped)
        #expect(r.phases[0].limitsVary && r.phases[0].upperLimit == nil)
        let percent = SPC.controlChart(kind: .p, values: [0, 1, 0, 2], subgroupSizes: [10, 10, 20, 10],
                                       options: ControlChartOptions(multiplier: 100))
        #expect(abs(try #require(percent.phases[0].centre) - 6) < 1e-12)
        #expect(abs(try #require(percent.points[1].value) - 10) < 1e-12)
    }

    @Test("np, c and u charts by hand")
    func countCharts() throws {
        let np = SPC.controlChart(kind: .np, values: [2, 4, 3, 3], subgroupSizes: [50, 50, 50, 50])
        #expect(abs(try #require(np.phases[0].centre) - 3) < 1e-12)
        #expect(abs(try #require(np.phases[0].sigma) - (3 * (1 - 0.06)).squareRoot()) < 1e-12)
        let npVar = SPC.controlChart(kind: .np, values: [2, 4], subgroupSizes: [50, 60])
        #expect(npVar.warnings.contains { $0.code == "np-variable-sizes" })
        let c = SPC.controlChart(kind: .c, values: [4, 9, 5, 6])
        let cUpper = try #require(c.phases[0].upperLimit)
        #expect(c.phases[0].centre == 6 && abs(cUpper - (6 + 3 * 6.0.squareRoot())) < 1e-12)
        #expect(c.phases[0].lowerLimit == 0 && c.points[0].band?.lowerClamped == true)
        let u = SPC.controlChart(kind: .u, values: [3, 6], subgroupSizes: [100, 200])
        #expect(abs(try #require(u.phases[0].centre) - 0.03) < 1e-15)
        let uUpper: Double = 0.03 + 3.0 * (0.03 / 100.0).squareRoot()
        #expect(abs(try #require(u.points[0].band?.upperLimit) - uUpper) < 1e-15)
    }

    @Test("run chart: median per recalculated phase, no limits, Anhøj by default")
    func runChart() throws {
        let r = SPC.controlChart(kind: .run, values: [1, 9, 2, 8, 3, 7, 20, 30, 40, 50],
                                 phases: [ChartPhase(start: 6, label: "After", reason: "new script")])
        #expect(r.phases.map(\.centre) == [5, 35])
        #expect(r.phases[1].reason == "new script" && r.phases[0].label == "Before After")
        #expect(r.points.allSatisfy { $0.band == nil })
        #expect(r.ruleSets == ["anhoej@1"])
        #expect(r.runsAnalyses.count == 2)
    }

    @Test("phases: recalculated limits versus baseline limits extended")
    func phases() throws {
        let before = [10.0, 11, 10, 12, 11, 10, 11, 12, 10, 11, 10, 12]
        let after = [20.0, 21, 20, 22, 21, 20, 21, 22, 20, 21, 20, 22]
        let recalc = SPC.controlChart(kind: .individuals, values: before + after,
                                      phases: [ChartPhase(start: 0, label: "Baseline"), ChartPhase(start: 12, label: "New", reason: "new IVR")])
        #expect(recalc.phases.count == 2)
        #expect(abs(try #require(recalc.phases[1].centre) - (SPCMath.mean(after) ?? 0)) < 1e-12)
        #expect(recalc.phases[1].limitsFromPhase == 1 && recalc.points[12].phase == 1)
        let frozen = SPC.controlChart(kind: .individuals, values: before + after,
                                      phases: [ChartPhase(start: 12, label: "Monitoring", limits: .extendPrevious)])
        #expect(frozen.phases[1].centre == frozen.phases[0].centre)
        #expect(frozen.phases[1].limitsFromPhase == 0 && frozen.phases[1].limitsMode == .extendPrevious)
        #expect(frozen.flaggedPoints(rule: "nhs.astronomical") == Array(12..<24))
        #expect(frozen.runsAnalyses.count == 1)  // one segment: baseline and its extension
        // A moving range never spans a recalculated boundary, but does span an extended one.
        let mr = SPC.controlChart(kind: .movingRange, values: before + after, phases: [ChartPhase(start: 12, label: "New")])
        #expect(mr.points[12].value == nil)
        let mrFrozen = SPC.controlChart(kind: .movingRange, values: before + after,
                                        phases: [ChartPhase(start: 12, label: "New", limits: .extendPrevious)])
        #expect(mrFrozen.points[12].value == 8)  // |20 − 12|
    }

    @Test("phase reliability: < 12 unreliable, < 20 provisional, ≥ 20 ok", arguments: [(8, LimitReliability.unreliable), (11, .unreliable), (12, .provisional), (19, .provisional), (20, .ok)])
    func reliability(n: Int, expected: LimitReliability) {
        let r = SPC.controlChart(kind: .individuals, values: (0..<n).map { Double($0 % 3) })
        #expect(r.phases[0].reliability == expected)
        let codes = r.warnings.map(\.code)
        #expect(codes.contains("phase-unreliable") == (expected == .unreliable))
        #expect(codes.contains("phase-provisional") == (expected == .provisional))
    }

    @Test("excluded points: left out of the limits, still plotted and tested")
    func exclusions() throws {
        let x = [10.0, 11, 12, 100, 11, 10]
        let r = SPC.controlChart(kind: .individuals, values: x,
                                 options: ControlChartOptions(exclusions: [PointExclusion(index: 3, reason: "outage")]))
        #expect(abs(try #require(r.phases[0].centre) - 10.8) < 1e-12)
        #expect(r.phases[0].statistics.meanMovingRange == 1)  // MR of 10 11 12 11 10
        #expect(r.points[3].excluded && r.points[3].exclusionReason == "outage")
        #expect(r.flaggedPoints(rule: "nhs.astronomical") == [3])
        #expect(r.phases[0].calculationPointCount == 5 && r.phases[0].excludedCount == 1)
        let bad = SPC.controlChart(kind: .individuals, values: x, options: ControlChartOptions(exclusions: [PointExclusion(index: 9, reason: "x")]))
        #expect(bad.warnings.contains { $0.code == "exclusion-out-of-range" })
    }

    @Test("degenerate input gives defined results with reasons, never NaN")
    func degenerate() throws {
        let empty = SPC.controlChart(kind: .individuals, values: [])
        #expect(empty.points.isEmpty && empty.phases.first?.reliability == LimitReliability.none)
        #expect(SPCTestSupport.encodesCleanly(empty))

        let one = SPC.controlChart(kind: .individuals, values: [5])
        #expect(one.points[0].centre == 5 && one.points[0].band == nil)
        #expect(one.warnings.contains { $0.code == "sigma-undefined" })
        #expect(SPCTestSupport.encodesCleanly(one))

        let flat = SPC.controlChart(kind: .individuals, values: Array(repeating: 3, count: 25))
        #expect(flat.points[0].band == ControlBand(centre: 3, sigma: 0))
        #expect(flat.signals.isEmpty && flat.warnings.contains { $0.code == "no-variation" })
        #expect(flat.runsAnalyses.first?.usefulObservations == 0)
        #expect(SPCTestSupport.encodesCleanly(flat))

        let zero = SPC.controlChart(kind: .p, values: [0, 1, .nan, 2], subgroupSizes: [0, 10, 10, 10])
        #expect(zero.points[0].value == nil && zero.points[0].excluded && zero.points[0].exclusionReason == "no value")
        #expect(zero.points[2].value == nil)
        #expect(zero.warnings.contains { $0.code == "zero-denominator" } && zero.warnings.contains { $0.code == "undefined-values" })
        #expect(SPCTestSupport.encodesCleanly(zero))

        let impossible = SPC.controlChart(kind: .p, values: [12, 3], subgroupSizes: [10, 10])
        #expect(impossible.warnings.contains { $0.code == "count-exceeds-size" })
        #expect(SPCTestSupport.encodesCleanly(impossible))

        let allZero = SPC.controlChart(kind: .u, values: [0, 0, 0], subgroupSizes: [5, 5, 5])
        #expect(allZero.points[0].band?.upperLimit == 0)
        #expect(SPCTestSupport.encodesCleanly(allZero))

        let tNegative = SPC.controlChart(kind: .t, values: [0, 0, 1, 0, -3], options: ControlChartOptions(tTransformExponent: 0))
        #expect(SPCTestSupport.encodesCleanly(tNegative))
    }

    @Test("wrong input shape is reported, not trapped")
    func wrongInput() {
        #expect(SPC.controlChart(kind: .xbarR, values: [1, 2]).warnings.map(\.code) == ["needs-subgroups"])
        #expect(SPC.controlChart(kind: .p, values: [1, 2]).warnings.map(\.code) == ["needs-sizes"])
        #expect(SPC.controlChart(kind: .individuals, subgroups: [[1, 2]]).warnings.map(\.code) == ["needs-values"])
        let mismatch = SPC.controlChart(kind: .u, values: [1, 2, 3], subgroupSizes: [10, 10])
        #expect(mismatch.warnings.contains { $0.code == "size-count-mismatch" } && mismatch.points[2].value == nil)
        let phases = SPC.controlChart(kind: .c, values: [1, 2, 3], phases: [ChartPhase(start: 7, label: "x"), ChartPhase(start: 0, label: "a", limits: .extendPrevious)])
        #expect(Set(phases.warnings.map(\.code)).isSuperset(of: ["phase-out-of-range", "phase-nothing-to-extend"]))
    }

    @Test("subgroup summaries from observations drop NaN")
    func summaries() throws {
        let s = try #require(SubgroupSummary(observations: [1, .nan, 3]))
        #expect(s.size == 2 && s.mean == 2 && s.range == 2)
        #expect(abs(try #require(s.standardDeviation) - 2.0.squareRoot()) < 1e-15)
        #expect(SubgroupSummary(observations: [.nan]) == nil)
    }

    @Test("every kind returns an encodable result on ordinary data", arguments: ControlChartKind.allCases)
    func everyKind(kind: ControlChartKind) {
        let values = (0..<30).map { Double(($0 * 7) % 11 + 1) }
        let r: ControlChartResult
        if kind.needsSubgroups {
            let groups: [[Double]] = (0..<30).map { (i: Int) -> [Double] in [values[i], values[(i + 3) % 30], values[(i + 5) % 30]] }
            r = SPC.controlChart(kind: kind, subgroups: groups)
        } else {
            r = SPC.controlChart(kind: kind, values: values, subgroupSizes: kind.usesDenominators ? Array(repeating: 20, count: 30) : nil)
        }
        #expect(r.points.count == 30)
        #expect(r.phases.count == 1 && r.phases[0].reliability == .ok)
        #expect(r.points.allSatisfy { $0.centre != nil })
        #expect(kind == .run || r.points.allSatisfy { $0.band != nil })
        #expect(SPCTestSupport.encodesCleanly(r))
    }
}
