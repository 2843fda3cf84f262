// Rare-event charts: g (opportunities between events) and t (time between events).

import Foundation

/// g and t chart limits.
///
/// - g (Benneyan 2001; qicharts2, PowerBI-SPC): m = mean count between events, σ = √(m(m+1)), lines m ± kσ
///   with the lower ones clamped at 0. The centre line drawn (and used by the run rules) is the median of the
///   values, because the geometric distribution is strongly skewed (qicharts2's choice); the mean is in the
///   phase statistics.
/// - t (Nelson 1994; Montgomery §7.3.5; qicharts2): y = x^(1/3.6) is close to normal for exponential times, so
///   an individuals chart (the configured `individualsMethod` and screening) is fitted on y and every line is
///   back-transformed: line = (ȳ + kσ_y)^3.6, or 0 when ȳ + kσ_y < 0 (recorded as clamped). Centre = ȳ^3.6.
enum RareEventLimits {
    /// g chart fit.
    static func fitG(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        let x = indices.compactMap { input.values[$0] }
        guard let m = SPCMath.mean(x), let median = SPCMath.median(x) else { return nil }
        var stats = PhaseStatistics()
        stats.mean = m
        stats.median = median
        let sigma = (max(m, 0) * (max(m, 0) + 1)).squareRoot()
        return PhaseFit(centre: { _ in median }, line: { _, k in m + k * sigma }, sigma: sigma,
                        constantCentre: median, limitsVary: false, statistics: stats)
    }

    /// t chart fit.
    static func fitT(_ input: ControlChartInput, indices: [Int]) -> PhaseFit? {
        // A non-positive exponent has no meaning; fall back to Nelson's 3.6 rather than produce NaN.
        let e = input.options.tTransformExponent > 0 ? input.options.tTransformExponent : 3.6
        let y = indices.compactMap { input.values[$0] }.map { pow(max($0, 0), 1 / e) }
        let est = IndividualsEstimate.estimate(y, options: input.options)
        guard let my = est.mean else { return nil }
        let centre = pow(my, e)
        return PhaseFit(
            centre: { _ in centre },
            line: { _, k in
                guard let s = est.sigma else { return nil }
                let base = my + k * s
                return base < 0 ? -Double.infinity : pow(base, e)
            },
            sigma: nil, constantCentre: centre, limitsVary: false, statistics: est.stats)
    }
}
