// Time-weighted charts for small sustained shifts: tabular CUSUM and EWMA.

/// Tabular CUSUM of individual values (Montgomery §9.1).
public struct CusumResult: Sendable, Codable, Equatable {
    /// Upper cumulative sums C⁺_i = max(0, x_i − (μ0 + K) + C⁺_{i−1}).
    public var upper: [Double]
    /// Lower cumulative sums C⁻_i = max(0, (μ0 − K) − x_i + C⁻_{i−1}).
    public var lower: [Double]
    /// Consecutive points with C⁺ > 0 (N⁺, to date the shift).
    public var upperRunLength: [Int]
    /// Consecutive points with C⁻ > 0.
    public var lowerRunLength: [Int]
    /// Decision interval H = h σ.
    public var decisionInterval: Double
    /// 0-based indices where C⁺ or C⁻ exceeds H.
    public var signals: [Int]
}

/// EWMA chart of individual values (Montgomery §9.2).
public struct EwmaResult: Sendable, Codable, Equatable {
    /// z_i = λ x_i + (1 − λ) z_{i−1}, z_0 = μ0.
    public var statistic: [Double]
    /// Upper limits μ0 + L σ √(λ/(2 − λ) (1 − (1 − λ)^{2i})).
    public var upperLimits: [Double]
    /// Lower limits.
    public var lowerLimits: [Double]
    /// 0-based indices where z_i is strictly outside its limits.
    public var signals: [Int]
}

extension SPC {
    /// Tabular CUSUM with reference value K = k σ and decision interval H = h σ (signal when C > H).
    /// Non-finite values carry the previous sums forward. σ ≤ 0 gives no signals.
    public static func cusum(values: [Double], target: Double, sigma: Double, k: Double = 0.5, h: Double = 5) -> CusumResult {
        let bigK = k * sigma, bigH = h * sigma
        var up: [Double] = [], lo: [Double] = [], nUp: [Int] = [], nLo: [Int] = [], signals: [Int] = []
        var cp = 0.0, cm = 0.0, np = 0, nm = 0
        for (i, x) in values.enumerated() {
            if x.isFinite {
                cp = max(0, x - (target + bigK) + cp)
                cm = max(0, (target - bigK) - x + cm)
                np = cp > 0 ? np + 1 : 0
                nm = cm > 0 ? nm + 1 : 0
            }
            up.append(cp); lo.append(cm); nUp.append(np); nLo.append(nm)
            if sigma > 0, cp > bigH || cm > bigH { signals.append(i) }
        }
        return CusumResult(upper: up, lower: lo, upperRunLength: nUp, lowerRunLength: nLo, decisionInterval: bigH, signals: signals)
    }

    /// EWMA with smoothing λ (0 < λ ≤ 1) and limit width L, exact time-varying limits.
    /// Non-finite values carry z forward. λ outside (0, 1] is clamped into it.
    public static func ewma(values: [Double], target: Double, sigma: Double, lambda: Double = 0.2, width: Double = 3) -> EwmaResult {
        let lam = min(1, max(lambda, .leastNonzeroMagnitude))
        var z = target, zs: [Double] = [], ucl: [Double] = [], lcl: [Double] = [], signals: [Int] = []
        var decay = 1.0
        for (i, x) in values.enumerated() {
            if x.isFinite { z = lam * x + (1 - lam) * z }
            decay *= (1 - lam) * (1 - lam)
            let half = width * max(sigma, 0) * (lam / (2 - lam) * (1 - decay)).squareRoot()
            zs.append(z); ucl.append(target + half); lcl.append(target - half)
            if half > 0, z > target + half || z < target - half { signals.append(i) }
        }
        return EwmaResult(statistic: zs, upperLimits: ucl, lowerLimits: lcl, signals: signals)
    }
}
