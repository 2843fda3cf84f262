// Run charts: the median of the phase, no limits.

/// Run chart centre line: the median of the calculation points.
enum RunLimits {
    /// Run chart fit.
    static func fit(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let median = SPCMath.median(indices.compactMap { input.values[$0] }) else { return nil }
        var stats = PhaseStatistics()
        stats.median = median
        return PhaseFit(centre: { _ in median }, line: { _, _ in nil }, sigma: nil, constantCentre: median,
                        limitsVary: false, statistics: stats)
    }
}
