/// Adjustments of p-values for a family of tests.
public enum MultipleTesting {
    /// Holm–Bonferroni step-down adjusted p-values, in the input order: with the m available p-values
    /// sorted ascending, p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎). Nil entries (tests that could not be
    /// run) stay nil and do not count towards m; values outside [0, 1] are clamped first.
    public static func holmAdjusted(_ pValues: [Double?]) -> [Double?] {
        let available = pValues.enumerated().compactMap { index, value -> (Int, Double)? in
            guard let value, !value.isNaN else { return nil }
            return (index, min(1, max(0, value)))
        }
        let m = available.count
        let ordered = available.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        var running = 0.0
        for (rank, (index, p)) in ordered.enumerated() {
            running = max(running, min(1, Double(m - rank) * p))
            adjusted[index] = running
        }
        return adjusted
    }

    /// Holm–Bonferroni adjusted p-values of a family of tests, in order (nil for tests without a p-value).
    public static func holmAdjusted(tests: [HypothesisTest]) -> [Double?] {
        holmAdjusted(tests.map(\.pValue))
    }
}
