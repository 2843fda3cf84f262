// X̄–R charts: σ from subgroup ranges (R̄/d2), constant or variable subgroup sizes.

import TallyCore

/// X̄ and R chart limits from subgroup ranges.
///
/// σ̂ = R̄/d2(n) for constant n. For variable n, σ̂ = Σ f_i R_i/d2(n_i) / Σ f_i with f_i = d2(n_i)²/d3(n_i)²
/// (Burr's weights; qcc "UWAVE-R"). The grand mean is weighted by n_i (the mean of all observations).
/// X̄ lines: X̄̄ ± k σ̂/√n_i. R lines: d2(n_i) σ̂ ± k d3(n_i) σ̂ (lower clamped at 0).
enum RangeLimits {
    /// σ̂ and the grand mean from the calculation subgroups; nil when no subgroup has a range.
    static func estimate(_ input: ControlChartInput, indices: [Int]) -> (grandMean: Double, sigma: Double?, rbar: Double?)? {
        let subgroups = indices.compactMap { input.summaries[$0] }
        let total = subgroups.reduce(0.0) { $0 + Double($1.size) }
        guard total > 0 else { return nil }
        let grand = subgroups.reduce(0.0) { $0 + Double($1.size) * $1.mean } / total
        var num = 0.0, den = 0.0, rsum = 0.0, rcount = 0.0
        for s in subgroups {
            guard let r = s.range, let d2 = SPCConstants.d2(s.size), let d3 = SPCConstants.d3(s.size) else { continue }
            let f = d2 * d2 / (d3 * d3)
            num += f * r / d2
            den += f
            rsum += r
            rcount += 1
        }
        guard den > 0 else { return (grand, nil, nil) }
        return (grand, num / den, rsum / rcount)
    }

    /// X̄ chart fit.
    static func fitMeans(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let e = estimate(input, indices: indices) else { return nil }
        var stats = PhaseStatistics()
        stats.mean = e.grandMean
        stats.meanSubgroupDispersion = e.rbar
        guard let sigma = e.sigma else { return .constant(centre: e.grandMean, sigma: nil, statistics: stats) }
        let constant = constantSize(input, indices: indices)
        return .perPoint(centre: e.grandMean,
                         sigmaAt: { i in input.sizes[i].flatMap { $0 > 0 ? sigma / $0.squareRoot() : nil } },
                         constantSigma: constant.map { sigma / $0.squareRoot() }, statistics: stats)
    }

    /// R chart fit: centre d2(n_i) σ̂ (= R̄ for constant n).
    static func fitRanges(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let e = estimate(input, indices: indices), let sigma = e.sigma else { return nil }
        var stats = PhaseStatistics()
        stats.meanSubgroupDispersion = e.rbar
        let constant = constantSize(input, indices: indices)
        func n(_ i: Int) -> Int? { input.sizes[i].flatMap { Int(rounding: $0) } }
        return PhaseFit(
            centre: { i in n(i).flatMap(SPCConstants.d2).map { $0 * sigma } },
            line: { i, k in
                guard let n = n(i), let d2 = SPCConstants.d2(n), let d3 = SPCConstants.d3(n) else { return nil }
                return d2 * sigma + k * d3 * sigma
            },
            sigma: constant.flatMap { Int(rounding: $0) }.flatMap(SPCConstants.d3).map { $0 * sigma },
            constantCentre: constant.flatMap { Int(rounding: $0) }.flatMap(SPCConstants.d2).map { $0 * sigma },
            limitsVary: constant == nil, statistics: stats)
    }

    /// The common subgroup size of the calculation points, nil when sizes vary.
    static func constantSize(_ input: ControlChartInput, indices: [Int]) -> Double? {
        let s = Set(indices.compactMap { input.sizes[$0] })
        return s.count == 1 ? s.first : nil
    }
}
