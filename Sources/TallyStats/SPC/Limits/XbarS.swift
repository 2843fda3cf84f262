// X̄–S charts: σ from subgroup standard deviations, constant or variable subgroup sizes.

/// X̄ and S chart limits from subgroup standard deviations (see `SubgroupSigmaMethod`).
///
/// - `meanS`: S̄ = mean s_i; X̄ lines X̄̄ ± k S̄/(c4 √n) (so ±3 is A3 S̄); S lines S̄ ± k S̄ √(1−c4²)/c4 (B3, B4).
/// - `pooled`: S̄ = √(Σ(n_i−1)s_i²/Σ(n_i−1)); the same formulas with c4(n_i) per point and a constant S centre.
/// - `unbiasedWeighted`: σ̂ = Σ h_i s_i/c4_i / Σ h_i, h_i = c4_i²/(1−c4_i²); S centre c4(n_i) σ̂, lines ± k σ̂ √(1−c4²).
/// The grand mean is weighted by n_i. Subgroups with fewer than 2 observations carry no s and are skipped.
enum StdDevLimits {
    /// The S̄ (or σ̂ for `unbiasedWeighted`) of the calculation subgroups and the resolved method.
    static func estimate(_ input: ControlChartInput, indices: [Int]) -> (grandMean: Double, sbar: Double?, method: SubgroupSigmaMethod)? {
        let subgroups = indices.compactMap { input.summaries[$0] }
        let total = subgroups.reduce(0.0) { $0 + Double($1.size) }
        guard total > 0 else { return nil }
        let grand = subgroups.reduce(0.0) { $0 + Double($1.size) * $1.mean } / total
        let withS = subgroups.filter { $0.size >= 2 && $0.standardDeviation != nil }
        var method = input.options.subgroupSigma
        if method == .automatic { method = Set(withS.map(\.size)).count <= 1 ? .meanS : .pooled }
        guard !withS.isEmpty else { return (grand, nil, method) }
        let sbar: Double
        switch method {
        case .automatic, .meanS:
            sbar = withS.reduce(0.0) { $0 + ($1.standardDeviation ?? 0) } / Double(withS.count)
        case .pooled:
            let num = withS.reduce(0.0) { $0 + Double($1.size - 1) * ($1.standardDeviation ?? 0) * ($1.standardDeviation ?? 0) }
            let den = withS.reduce(0.0) { $0 + Double($1.size - 1) }
            sbar = (num / den).squareRoot()
        case .unbiasedWeighted:
            var num = 0.0, den = 0.0
            for s in withS {
                guard let c4 = SPCConstants.c4(s.size), let sd = s.standardDeviation else { continue }
                let h = c4 * c4 / (1 - c4 * c4)
                num += h * sd / c4
                den += h
            }
            sbar = num / den
        }
        return (grand, sbar, method)
    }

    /// c4 of a point's subgroup size.
    private static func c4(_ input: ControlChartInput, _ i: Int) -> Double? { input.sizes[i].flatMap(SPCConstants.c4) }

    /// X̄ chart fit.
    static func fitMeans(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let e = estimate(input, indices: indices) else { return nil }
        var stats = PhaseStatistics()
        stats.mean = e.grandMean
        stats.meanSubgroupDispersion = e.sbar
        guard let sbar = e.sbar else { return .constant(centre: e.grandMean, sigma: nil, statistics: stats) }
        let unbiased = e.method == .unbiasedWeighted
        func sigmaAt(_ i: Int) -> Double? {
            guard let n = input.sizes[i], n > 0 else { return nil }
            if unbiased { return sbar / n.squareRoot() }
            return c4(input, i).map { sbar / ($0 * n.squareRoot()) }
        }
        let constant = RangeLimits.constantSize(input, indices: indices)
        let constantSigma: Double? = constant.flatMap { n in
            unbiased ? sbar / n.squareRoot() : SPCConstants.c4(n).map { sbar / ($0 * n.squareRoot()) }
        }
        return .perPoint(centre: e.grandMean, sigmaAt: sigmaAt, constantSigma: constantSigma, statistics: stats)
    }

    /// S chart fit.
    static func fitStdDevs(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let e = estimate(input, indices: indices), let sbar = e.sbar else { return nil }
        var stats = PhaseStatistics()
        stats.meanSubgroupDispersion = sbar
        let unbiased = e.method == .unbiasedWeighted
        let constant = RangeLimits.constantSize(input, indices: indices)
        func centre(_ i: Int) -> Double? { unbiased ? c4(input, i).map { $0 * sbar } : sbar }
        func sigma(_ i: Int) -> Double? {
            guard let c = c4(input, i) else { return nil }
            let spread = (1 - c * c).squareRoot()
            return unbiased ? sbar * spread : sbar * spread / c
        }
        let constantC4 = constant.flatMap(SPCConstants.c4)
        return PhaseFit(
            centre: centre,
            line: { i, k in
                guard let c = centre(i), let s = sigma(i) else { return nil }
                return c + k * s
            },
            sigma: constantC4.map { c in unbiased ? sbar * (1 - c * c).squareRoot() : sbar * (1 - c * c).squareRoot() / c },
            constantCentre: unbiased ? constantC4.map { $0 * sbar } : sbar,
            limitsVary: constant == nil, statistics: stats)
    }
}
