import Testing
import TallyCore
import TallyEval
@testable import TallyCompose

@Suite struct FindingsTests {
    let phases = [
        PhaseFacts(id: "baseline", label: "Baseline", from: "2025-01-06", to: "2025-07-06", rows: 100, days: 182),
        PhaseFacts(id: "post", label: "After triage script", from: "2025-07-07", to: "2026-01-04", rows: 100, days: 182),
    ]

    func kpi(baseline: Double?, post: Double?, comparison: KPIComparison) -> KPIResult {
        KPIResult(
            id: "fcr", label: "First contact resolution", formula: "", dataset: "tickets", format: .percent, decimals: 1, better: "higher",
            kind: "proportion", target: nil, expected: nil,
            phases: [KPIPhaseValue(phase: "baseline", value: baseline, n: 100), KPIPhaseValue(phase: "post", value: post, n: 100)],
            comparisons: [comparison],
            variance: Variance.row(baseline: baseline, actual: post, target: nil, expected: nil, better: "higher"))
    }

    @Test func significantRiseWithIntervalAndDirection() {
        let comparison = KPIComparison(
            phase: "post", baseline: "baseline", methods: [], difference: 0.061,
            interval: IntervalFacts(lower: 0.059, upper: 0.063, level: 0.95, method: "newcombe-hybrid-score"), pValue: 0.0001)
        let sentences = Findings.sentences(for: kpi(baseline: 0.659, post: 0.720, comparison: comparison), phases: phases, numbers: NumberText(locale: .enGB), testsInReport: 1)
        #expect(sentences == [
            "First contact resolution rose from 65.9% to 72.0% (+6.1 points, 95% CI +5.9 to +6.3); a change this large is very unlikely to be chance (p < 0.001). This is in the desired direction.",
        ])
    }

    @Test func inconclusiveDifferenceSaysSo() {
        let comparison = KPIComparison(phase: "post", baseline: "baseline", methods: [], difference: -0.01, pValue: 0.43, holmPValue: 0.86)
        let sentences = Findings.sentences(for: kpi(baseline: 0.70, post: 0.69, comparison: comparison), phases: phases, numbers: NumberText(locale: .enGB), testsInReport: 3)
        #expect(sentences.first?.contains("could well be chance (p = 0.43; Holm-adjusted = 0.86)") == true)
        #expect(sentences.first?.hasSuffix("This is in the wrong direction.") == true)
    }

    @Test func missingValueIsExplainedNotInvented() {
        let comparison = KPIComparison(phase: "post", baseline: "baseline", methods: [], notComputable: "not enough data: n = 0 in the later phase")
        var result = kpi(baseline: 0.70, post: nil, comparison: comparison)
        result.phases[1].problem = "no data in this phase"
        let sentences = Findings.sentences(for: result, phases: phases, numbers: NumberText(locale: .enGB), testsInReport: 1)
        #expect(sentences == ["First contact resolution cannot be compared: there is no value for the After triage script phase (no data in this phase)."])
    }

    @Test func smallSampleCaveatIsAdded() {
        let comparison = KPIComparison(phase: "post", baseline: "baseline", methods: [], difference: 0.2, pValue: 0.2, caveats: ["small-sample"])
        let sentences = Findings.sentences(for: kpi(baseline: 0.5, post: 0.7, comparison: comparison), phases: phases, numbers: NumberText(locale: .enGB), testsInReport: 1)
        #expect(sentences.count == 2)
        #expect(sentences[1].hasPrefix("Caution: fewer than 30 observations"))
    }
}
