#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A later phase's mean against the baseline's: Welch test and interval, Hedges' g, relative change.
public struct MeanComparison: Sendable, Codable, Equatable {
    /// Baseline count, mean, variance.
    public var baseline: SampleSummary
    /// Later-phase count, mean, variance.
    public var later: SampleSummary
    /// mean_later − mean_baseline with the Welch interval.
    public var difference: IntervalEstimate
    /// Welch's t-test (statistic t, Welch–Satterthwaite df).
    public var test: HypothesisTest
    /// Hedges' g (later − baseline over the pooled SD, times J) with its normal-approximation interval.
    public var effectSize: IntervalEstimate
    /// (mean_later − mean_baseline) / |mean_baseline| × 100.
    public var relativeChangePercent: PointEstimate
    /// Union of the caveats of the parts.
    public var caveats: [InferenceCaveat]
}

extension MeanInference {
    /// Welch comparison of two samples (later − baseline).
    public static func welch(baseline: [Double], later: [Double], level: Double = 0.95) -> MeanComparison {
        let problem =
            InferenceSupport.nonFiniteProblem(baseline, group: "baseline")
            ?? InferenceSupport.nonFiniteProblem(later, group: "later phase")
        if let problem {
            return unavailableComparison(
                SampleSummary(count: baseline.count, mean: nil, variance: nil),
                SampleSummary(count: later.count, mean: nil, variance: nil), level: level, problem)
        }
        return welch(baseline: SampleSummary(baseline), later: SampleSummary(later), level: level)
    }

    /// Welch comparison from two summaries (later − baseline).
    public static func welch(baseline: SampleSummary, later: SampleSummary, level: Double = 0.95) -> MeanComparison {
        let sizes = [baseline.count, later.count]
        if let problem = InferenceSupport.levelProblem(level)
            ?? InferenceSupport.summaryProblem(baseline, group: "baseline")
            ?? InferenceSupport.summaryProblem(later, group: "later phase")
        {
            return unavailableComparison(
                SampleSummary(count: baseline.count, mean: nil, variance: nil),
                SampleSummary(count: later.count, mean: nil, variance: nil), level: level, problem)
        }
        guard let m1 = baseline.mean, let m2 = later.mean, baseline.count > 0, later.count > 0 else {
            let group = baseline.count == 0 ? "baseline" : "later phase"
            return unavailableComparison(
                baseline, later, level: level, Unavailability(.notEnoughData, "not enough data: n = 0 in \(group)"))
        }
        let difference = m2 - m1
        let relative =
            m1 == 0
            ? PointEstimate(unavailable: Unavailability(.zeroBaseline, "relative change undefined: the baseline mean is 0"))
            : PointEstimate(100 * difference / abs(m1))
        var caveats = InferenceSupport.sizeCaveats(sizes)
        guard baseline.count >= 2, later.count >= 2, let v1 = baseline.variance, let v2 = later.variance else {
            let group = baseline.count < 2 ? "baseline" : "later phase"
            let n = min(baseline.count, later.count)
            let reason = Unavailability(.notEnoughData, "not enough data: n = \(n) in \(group) (Welch needs n ≥ 2 per group)")
            return MeanComparison(
                baseline: baseline, later: later,
                difference: .unavailable(.welchT, level: level, sampleSizes: sizes, reason, estimate: difference, caveats: caveats),
                test: .unavailable(.welchT, sampleSizes: sizes, reason, caveats: caveats),
                effectSize: .unavailable(.hedgesG, level: level, sampleSizes: sizes, reason, caveats: caveats),
                relativeChangePercent: relative, caveats: caveats)
        }
        if v1 == 0 || v2 == 0 { caveats.append(.zeroVariance) }
        if v1 == 0 && v2 == 0 {
            let description = m1 == m2 ? "both groups are constant (all values equal \(m1))"
                : "both groups are constant (baseline \(m1), later phase \(m2))"
            let reason = Unavailability(.zeroVariance, "zero variance: \(description)")
            return MeanComparison(
                baseline: baseline, later: later,
                difference: .unavailable(.welchT, level: level, sampleSizes: sizes, reason, estimate: difference, caveats: caveats),
                test: .unavailable(.welchT, sampleSizes: sizes, reason, caveats: caveats),
                effectSize: .unavailable(.hedgesG, level: level, sampleSizes: sizes, reason, caveats: caveats),
                relativeChangePercent: relative, caveats: caveats)
        }
        let n1 = Double(baseline.count)
        let n2 = Double(later.count)
        let a = v1 / n1
        let b = v2 / n2
        let standardError = (a + b).squareRoot()
        let df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
        let t = difference / standardError
        let distribution = Distributions.StudentT(degreesOfFreedom: df)
        let critical = distribution?.inverseSurvival((1 - level) / 2) ?? 0
        let interval = IntervalEstimate(
            method: .welchT, level: level, estimate: difference, lower: difference - critical * standardError,
            upper: difference + critical * standardError, sampleSizes: sizes, caveats: caveats)
        let test = HypothesisTest(
            method: .welchT, statistic: t, degreesOfFreedom: df, pValue: distribution?.twoSidedPValue(t),
            sampleSizes: sizes, caveats: caveats)
        return MeanComparison(
            baseline: baseline, later: later, difference: interval, test: test,
            effectSize: hedgesG(m1: m1, v1: v1, n1: baseline.count, m2: m2, v2: v2, n2: later.count, level: level, caveats: caveats),
            relativeChangePercent: relative, caveats: caveats)
    }

    /// Hedges' g = J · (m₂ − m₁)/s_pooled with J = Γ(ν/2) / (√(ν/2) Γ((ν−1)/2)), ν = n₁ + n₂ − 2, and the
    /// interval g ± z · J √((n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))) (Hedges & Olkin's large-sample variance).
    static func hedgesG(
        m1: Double, v1: Double, n1: Int, m2: Double, v2: Double, n2: Int, level: Double, caveats: [InferenceCaveat]
    ) -> IntervalEstimate {
        let sizes = [n1, n2]
        let a = Double(n1)
        let b = Double(n2)
        let nu = a + b - 2
        let pooledVariance = ((a - 1) * v1 + (b - 1) * v2) / nu
        guard pooledVariance > 0 else {
            return .unavailable(
                .hedgesG, level: level, sampleSizes: sizes,
                Unavailability(.zeroVariance, "zero variance: the pooled standard deviation is 0"), caveats: caveats)
        }
        let d = (m2 - m1) / pooledVariance.squareRoot()
        let j = correctionJ(degreesOfFreedom: nu)
        let g = j * d
        let standardError = j * ((a + b) / (a * b) + d * d / (2 * (a + b))).squareRoot()
        let z = InferenceSupport.normalCritical(level)
        return IntervalEstimate(
            method: .hedgesG, level: level, estimate: g, lower: g - z * standardError, upper: g + z * standardError,
            sampleSizes: sizes, caveats: caveats)
    }

    /// Hedges' exact small-sample correction J(ν) = Γ(ν/2) / (√(ν/2) Γ((ν−1)/2)) (≈ 1 − 3/(4ν − 1)).
    public static func correctionJ(degreesOfFreedom nu: Double) -> Double {
        guard nu > 1 else { return 1 }
        return exp(-SpecialFunctions.logGammaRatio((nu - 1) / 2, 0.5) - 0.5 * log(nu / 2))
    }

    /// A comparison where nothing could be computed.
    static func unavailableComparison(
        _ baseline: SampleSummary, _ later: SampleSummary, level: Double, _ reason: Unavailability
    ) -> MeanComparison {
        let sizes = [baseline.count, later.count]
        return MeanComparison(
            baseline: baseline, later: later,
            difference: .unavailable(.welchT, level: level, sampleSizes: sizes, reason),
            test: .unavailable(.welchT, sampleSizes: sizes, reason),
            effectSize: .unavailable(.hedgesG, level: level, sampleSizes: sizes, reason),
            relativeChangePercent: PointEstimate(unavailable: reason), caveats: [])
    }
}
