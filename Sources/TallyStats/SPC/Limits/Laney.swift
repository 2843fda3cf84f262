// Laney p′ and u′ charts: attribute limits widened by the between-subgroup variation σz.

/// Laney (2002, Quality Engineering 14:531) p′ and u′ charts.
///
/// z_i = (x_i − x̄)/σ_i with the binomial (p′) or Poisson (u′) σ_i of the calculation phase; σz is the mean
/// moving range of the z_i (in point order, excluded points skipped) divided by 1.128, after optional
/// screening of moving ranges ≥ 3.267 × mean (the `screenMovingRanges` option). Lines: x̄ ± k σ_i σz.
/// σz ≈ 1 means no over-dispersion; with ticket-sized denominators it is typically ≫ 1.
enum LaneyLimits {
    /// p′ (binomial) or u′ (Poisson) fit.
    static func fit(_ input: ControlChartInput, indices: [Int], binomial: Bool) -> PhaseFit? {
        guard let centre = AttributeLimits.pooledRate(input, indices: indices) else { return nil }
        func sigma(_ n: Double?) -> Double? {
            guard let n, n > 0 else { return nil }
            return binomial ? AttributeLimits.sigmaP(centre, n) : max(0, centre / n).squareRoot()
        }
        var z: [Double] = []
        for i in indices {
            guard let v = input.values[i], let s = sigma(input.sizes[i]), s > 0 else { continue }
            z.append((v - centre) / s)
        }
        let mr = IndividualsEstimate.movingRange(z, screen: input.options.screenMovingRanges,
                                                 factor: input.options.screeningFactor)
        var stats = PhaseStatistics()
        stats.mean = centre
        stats.meanMovingRange = mr.mean
        stats.screenedMovingRanges = input.options.screenMovingRanges ? mr.screened : nil
        let sigmaZ = mr.mean.map { $0 / 1.128 }
        stats.sigmaZ = sigmaZ
        let constant = RangeLimits.constantSize(input, indices: indices)
        var fit = PhaseFit.perPoint(
            centre: centre,
            sigmaAt: { i in sigmaZ.flatMap { sz in sigma(input.sizes[i]).map { $0 * sz } } },
            constantSigma: constant.flatMap { n in sigmaZ.flatMap { sz in sigma(n).map { $0 * sz } } },
            statistics: stats)
        if sigmaZ == nil {
            fit.warnings.append(ChartWarning(code: "sigma-z-undefined",
                message: "Laney σz needs at least two points with a positive denominator; no limits drawn."))
        }
        return fit
    }
}
