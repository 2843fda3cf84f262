// Attribute charts: p, np, c, u (binomial and Poisson limits, per point when sizes vary).

/// p, np, c and u chart limits.
///
/// - p: p̄ = Σ counts / Σ sizes; σ_i = √(p̄(1−p̄)/n_i); lines clamped to [0, 1].
/// - np: centre n_i p̄; σ_i = √(n_i p̄(1−p̄)); lines clamped to [0, n_i]. Meant for constant sizes.
/// - c: c̄ = mean count; σ = √c̄; lower lines clamped at 0.
/// - u: ū = Σ counts / Σ exposure; σ_i = √(ū/n_i); lower lines clamped at 0.
enum AttributeLimits {
    /// Σ counts / Σ sizes over the calculation points, nil when the total size is not positive.
    static func pooledRate(_ input: ControlChartInput, indices: [Int]) -> Double? {
        var c = 0.0, n = 0.0
        for i in indices {
            guard let count = input.counts[i], let size = input.sizes[i], size > 0 else { continue }
            c += count
            n += size
        }
        return n > 0 ? c / n : nil
    }

    /// p chart fit (also the basis of np and p′).
    static func fitP(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let pbar = pooledRate(input, indices: indices) else { return nil }
        var stats = PhaseStatistics()
        stats.mean = pbar
        let constant = RangeLimits.constantSize(input, indices: indices)
        return .perPoint(centre: pbar, sigmaAt: { i in sigmaP(pbar, input.sizes[i]) },
                         constantSigma: constant.flatMap { sigmaP(pbar, $0) }, statistics: stats)
    }

    /// Binomial σ of a proportion with denominator n.
    static func sigmaP(_ pbar: Double, _ n: Double?) -> Double? {
        guard let n, n > 0 else { return nil }
        // p̄ outside [0, 1] (counts above sizes) must not produce NaN: the variance is floored at 0.
        return (max(0, pbar * (1 - pbar)) / n).squareRoot()
    }

    /// np chart fit.
    static func fitNP(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let pbar = pooledRate(input, indices: indices) else { return nil }
        var stats = PhaseStatistics()
        stats.mean = pbar
        let constant = RangeLimits.constantSize(input, indices: indices)
        var fit = PhaseFit(
            centre: { i in input.sizes[i].map { $0 * pbar } },
            line: { i, k in
                guard let n = input.sizes[i], n > 0 else { return nil }
                return n * pbar + k * max(0, n * pbar * (1 - pbar)).squareRoot()
            },
            sigma: constant.map { max(0, $0 * pbar * (1 - pbar)).squareRoot() },
            constantCentre: constant.map { $0 * pbar }, limitsVary: constant == nil, statistics: stats)
        if constant == nil {
            fit.warnings.append(ChartWarning(code: "np-variable-sizes",
                message: "Subgroup sizes vary, so np values are not comparable between points; use a p chart."))
        }
        return fit
    }

    /// c chart fit.
    static func fitC(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let cbar = SPCMath.mean(indices.compactMap { input.values[$0] }) else { return nil }
        var stats = PhaseStatistics()
        stats.mean = cbar
        return .constant(centre: cbar, sigma: max(cbar, 0).squareRoot(), statistics: stats)
    }

    /// u chart fit.
    static func fitU(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        guard let ubar = pooledRate(input, indices: indices) else { return nil }
        var stats = PhaseStatistics()
        stats.mean = ubar
        let constant = RangeLimits.constantSize(input, indices: indices)
        func sigma(_ n: Double?) -> Double? {
            guard let n, n > 0 else { return nil }
            return max(0, ubar / n).squareRoot()
        }
        return .perPoint(centre: ubar, sigmaAt: { i in sigma(input.sizes[i]) },
                         constantSigma: constant.flatMap { sigma($0) }, statistics: stats)
    }
}
