// The internal shape every limit estimator returns for one calculated phase.

/// Centre line and k-σ lines for the points of a phase, as estimated from its calculation points.
struct PhaseFit {
    /// Centre line at a point (by 0-based index).
    var centre: (Int) -> Double?
    /// The line at `k` σ from the centre at a point, before clamping; nil when the chart has no limits.
    var line: (Int, Double) -> Double?
    /// σ of a plotted point when it does not depend on the point.
    var sigma: Double?
    /// Centre line when it does not depend on the point.
    var constantCentre: Double?
    /// True when the k-σ lines depend on the point (variable subgroup sizes).
    var limitsVary: Bool
    /// Estimate details for the phase summary.
    var statistics: PhaseStatistics
    /// Caveats found while estimating.
    var warnings: [ChartWarning] = []

    /// A fit with a constant centre and constant σ (X, c, X̄ with constant n...).
    static func constant(centre: Double, sigma: Double?, statistics: PhaseStatistics) -> PhaseFit {
        PhaseFit(centre: { _ in centre }, line: { _, k in sigma.map { centre + k * $0 } }, sigma: sigma,
                 constantCentre: centre, limitsVary: false, statistics: statistics)
    }

    /// A fit with a constant centre and a σ that depends on the point's subgroup size.
    static func perPoint(centre: Double, sigmaAt: @escaping (Int) -> Double?, constantSigma: Double?,
                         statistics: PhaseStatistics) -> PhaseFit {
        PhaseFit(centre: { _ in centre }, line: { i, k in sigmaAt(i).map { centre + k * $0 } },
                 sigma: constantSigma, constantCentre: centre, limitsVary: constantSigma == nil, statistics: statistics)
    }
}

/// What the estimators see: plotted values, sizes and summaries, plus the options.
struct ControlChartInput {
    var kind: ControlChartKind
    /// Plotted value per point on the unscaled chart scale (proportion, rate, mean...), nil when undefined.
    var values: [Double?]
    /// Subgroup size or denominator per point.
    var sizes: [Double?]
    /// Raw counts per point (attribute charts).
    var counts: [Double?]
    /// Subgroup summaries (X̄, R, S charts).
    var summaries: [SubgroupSummary?]
    var options: ControlChartOptions

    /// The sizes of the given points, nil when any is missing.
    func sizes(at indices: [Int]) -> [Double]? {
        let s = indices.compactMap { sizes[$0] }
        return s.count == indices.count ? s : nil
    }
}
