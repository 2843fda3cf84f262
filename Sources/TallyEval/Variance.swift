/// Spreadsheet-style variance of an actual value against its target and the plan's expected value.
public enum Variance {
    /// Builds the variance row; `better` is "higher" or "lower" (nil: the target is met when actual == target).
    public static func row(baseline: Double?, actual: Double?, target: Double?, expected: Double?, better: String?) -> VarianceRow {
        func difference(_ reference: Double?) -> (Double?, Double?) {
            guard let actual, let reference else { return (nil, nil) }
            let absolute = actual - reference
            let percent = reference == 0 ? nil : absolute / abs(reference) * 100
            return (absolute, percent)
        }
        let (toTarget, toTargetPercent) = difference(target)
        let (toExpected, toExpectedPercent) = difference(expected)
        let status: TargetStatus
        if let actual, let target, actual.isFinite {
            switch better {
            case "lower": status = actual <= target ? .met : .notMet
            case "higher": status = actual >= target ? .met : .notMet
            default: status = abs(actual - target) <= 1e-12 * max(1, abs(target)) ? .met : .notMet
            }
        } else {
            status = .notYetMeasurable
        }
        return VarianceRow(
            baseline: baseline, actual: actual, target: target, expected: expected, varianceToTarget: toTarget,
            varianceToTargetPercent: toTargetPercent, varianceToExpected: toExpected,
            varianceToExpectedPercent: toExpectedPercent, status: status)
    }
}
