// Individuals (X) and moving-range (mR) charts: σ from the moving range, with optional screening.

/// σ estimation for individuals-type data, shared by the X, mR, t and Laney charts.
enum IndividualsEstimate {
    /// Moving-range statistics of a sequence.
    struct MovingRange {
        /// Mean moving range after screening (nil with fewer than two values).
        var mean: Double?
        /// Median moving range.
        var median: Double?
        /// Number of moving ranges dropped by screening.
        var screened: Int
    }

    /// Moving ranges of `y` in order; with screening, those ≥ factor × mR̄ are dropped and mR̄ recomputed once.
    static func movingRange(_ y: [Double], screen: Bool, factor: Double) -> MovingRange {
        let mr = SPCMath.movingRanges(y)
        guard let amr = SPCMath.mean(mr) else { return MovingRange(mean: nil, median: nil, screened: 0) }
        guard screen else { return MovingRange(mean: amr, median: SPCMath.median(mr), screened: 0) }
        let kept = mr.filter { $0 < factor * amr }
        // When every range would be dropped (all zero is impossible here; guard anyway) keep the unscreened mean.
        let screenedMean = SPCMath.mean(kept) ?? amr
        return MovingRange(mean: screenedMean, median: SPCMath.median(mr), screened: mr.count - kept.count)
    }

    /// Mean and σ̂ of an individuals series by the configured method; σ̂ nil when it cannot be estimated.
    static func estimate(_ y: [Double], options: ControlChartOptions) -> (mean: Double?, sigma: Double?, stats: PhaseStatistics) {
        var stats = PhaseStatistics()
        let m = SPCMath.mean(y)
        stats.mean = m
        let mr = movingRange(y, screen: options.screenMovingRanges, factor: options.screeningFactor)
        stats.meanMovingRange = mr.mean
        stats.medianMovingRange = mr.median
        stats.screenedMovingRanges = options.screenMovingRanges ? mr.screened : nil
        let sigma: Double?
        switch options.individualsMethod {
        case .nhs: sigma = mr.mean.map { 2.66 * $0 / 3 }
        case .d2: sigma = mr.mean.map { $0 / 1.128 }
        case .medianMovingRange: sigma = mr.median.map { $0 / 0.954 }
        case .standardDeviation:
            if let s = SPCMath.standardDeviation(y), let c4 = SPCConstants.c4(y.count) { sigma = s / c4 } else { sigma = nil }
        }
        return (m, sigma, stats)
    }

    /// Method sentence for results.json.
    static func describe(_ options: ControlChartOptions) -> String {
        let screening = options.screenMovingRanges
            ? "; moving ranges ≥ \(options.screeningFactor) × mR̄ screened out once" : ""
        switch options.individualsMethod {
        case .nhs: return "limits = mean ± 2.66 × mean moving range" + screening
        case .d2: return "σ = mean moving range / 1.128; limits = mean ± 3σ" + screening
        case .medianMovingRange: return "σ = median moving range / 0.954; limits = mean ± 3.145 × median mR"
        case .standardDeviation: return "σ = s / c4(n); limits = mean ± 3σ"
        }
    }
}

/// Individuals chart limits.
enum IndividualsLimits {
    /// Fit on the calculation points of a phase.
    static func fit(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        let y = indices.compactMap { input.values[$0] }
        let e = IndividualsEstimate.estimate(y, options: input.options)
        guard let m = e.mean else { return nil }
        return .constant(centre: m, sigma: e.sigma, statistics: e.stats)
    }
}

/// Moving-range chart limits: centre mR̄ (or median mR), upper limit factor × centre; zones split evenly.
enum MovingRangeLimits {
    /// Fit on the calculation points of a phase (moving ranges of the non-excluded sequence).
    static func fit(_ input: ControlChartInput, rawValues: [Double?], indices: [Int]) -> PhaseFit? {
        let y = indices.compactMap { rawValues[$0] }
        let mr = IndividualsEstimate.movingRange(y, screen: input.options.screenMovingRanges,
                                                 factor: input.options.screeningFactor)
        var stats = PhaseStatistics()
        stats.meanMovingRange = mr.mean
        stats.medianMovingRange = mr.median
        stats.screenedMovingRanges = input.options.screenMovingRanges ? mr.screened : nil
        let centre: Double?, factor: Double
        if input.options.individualsMethod == .medianMovingRange {
            centre = mr.median
            factor = 3.865  // Wheeler: URL = 3.865 × median mR
        } else {
            centre = mr.mean
            factor = input.options.movingRangeUpperFactor
        }
        guard let centre else { return nil }
        // σ of a moving range such that the 3σ line is factor × centre: σ_mR = (factor − 1)/3 × centre
        // (d3/d2 = 0.7557 gives 3.267 for the mean-mR case).
        let sigma = (factor - 1) / 3 * centre
        return .constant(centre: centre, sigma: sigma, statistics: stats)
    }
}
