import Testing
@testable import TallyEval

@Suite struct VarianceTests {
    @Test func higherIsBetterMetAndNotMet() {
        let met = Variance.row(baseline: 0.66, actual: 0.76, target: 0.75, expected: 0.72, better: "higher")
        #expect(met.status == .met)
        #expect(abs((met.varianceToTarget ?? 0) - 0.01) < 1e-12)
        #expect(abs((met.varianceToTargetPercent ?? 0) - 1.333_333_333_333_3) < 1e-9)
        #expect(abs((met.varianceToExpected ?? 0) - 0.04) < 1e-12)
        let missed = Variance.row(baseline: 0.66, actual: 0.72, target: 0.75, expected: nil, better: "higher")
        #expect(missed.status == .notMet)
        #expect(missed.varianceToExpected == nil)
    }

    @Test func lowerIsBetterRespectsDirection() {
        // Handle time 360 s against a 400 s ceiling: below is good.
        let row = Variance.row(baseline: 420, actual: 360, target: 400, expected: 380, better: "lower")
        #expect(row.status == .met)
        #expect(row.varianceToTarget == -40)
        #expect(row.varianceToTargetPercent == -10)
        #expect(Variance.row(baseline: nil, actual: 410, target: 400, expected: nil, better: "lower").status == .notMet)
    }

    @Test func missingValuesAreNotYetMeasurable() {
        #expect(Variance.row(baseline: nil, actual: nil, target: 0.75, expected: nil, better: "higher").status == .notYetMeasurable)
        #expect(Variance.row(baseline: nil, actual: 0.7, target: nil, expected: nil, better: "higher").status == .notYetMeasurable)
        // A zero target gives an absolute variance but no percentage (never a division by zero).
        let zero = Variance.row(baseline: nil, actual: 3, target: 0, expected: nil, better: "lower")
        #expect(zero.varianceToTarget == 3 && zero.varianceToTargetPercent == nil)
    }
}
