// The SPC entry points: one call per chart, from values (+ sizes) or subgroups to a ControlChartResult.
//
// Steps of `SPC.controlChart`:
// 1. Resolve the plotted value of every point (rate = count / size, subgroup mean, range, moving range...);
//    undefined values (missing, NaN, zero denominator) are kept as points without a value, with a warning.
// 2. Resolve the phases (`PhasePlan`): ranges, and which calculated phase supplies each phase's limits.
// 3. For every recalculated phase, fit centre and σ on its non-excluded points (`Limits/`).
// 4. Give every point its centre and band (±1σ, ±2σ, limits), clamped to the feasible range and scaled.
// 5. Summarise phases (limits, σ, point counts, reliability warnings below 20 and 12 points).
// 6. Per segment (a calculated phase and the phases extending it) run the Anhøj analysis and the rule sets.

/// Statistical process control: control charts, run charts, rule sets, NHS summaries, CUSUM and EWMA.
///
/// Documented choices (each is detailed where it is implemented):
/// - Constants: d2 from the printed 3-decimal table (d2(2) = 1.128, as qcc, qicharts2, PowerBI-SPC and
///   Montgomery use); d3 and c4 exact (`SPCConstants`).
/// - XmR: σ̂ = mR̄/1.128 by default; `.nhs` gives mean ± 2.66 mR̄; median-mR and s/c4 methods available;
///   moving-range screening (≥ 3.267 mR̄, once) is an option, off by default. mR upper limit 3.267 mR̄;
///   the mR chart's 1σ/2σ lines split the distance to that limit evenly (PowerBI-SPC draws its 2σ line at
///   2/3 of the limit instead).
/// - Clamping: lines of charts whose values cannot be negative (mR, R, S, p, np, c, u, p′, u′, g, t) are
///   clamped at 0, proportions at 1 and np at n; `ControlBand.lowerClamped`/`upperClamped` record it.
///   Individuals and X̄ lines are never clamped unless `clampAtZero` is set.
/// - Exclusions: excluded points are left out of the estimate, still plotted, still tested against the
///   limits, and skipped by run, trend and zone-window rules; moving ranges are taken over the remaining
///   sequence.
/// - Phases: `.recalculate` starts a new segment (own limits, own runs analysis; runs never span it);
///   `.extendPrevious` freezes the earlier limits and continues the segment.
/// - Rules: strict comparisons (on the limit is not beyond); signals carry both every point of the pattern
///   and the completing points (`ControlChartSignal`).
/// - g chart: centre line is the median (qicharts2), limits from the mean m ± 3√(m(m+1)), lower limit 0.
/// - t chart: individuals chart on x^(1/3.6), lines back-transformed, negative ones floored at 0.
/// - Laney: σz = mR̄(z)/1.128, with the same optional screening.
public enum SPC {
    /// Chart of one value per point: run, individuals, moving range, p, np, c, u, p′, u′, g, t.
    ///
    /// - Parameters:
    ///   - values: the measurement (run, i, mr, g, t) or the count (p, np, c, u, p′, u′) of each point.
    ///   - subgroupSizes: denominators for p, np, u, p′, u′ (e.g. contacts handled); ignored otherwise.
    ///   - phases: change points; none means one phase over all points.
    ///   - options: method choices and exclusions.
    public static func controlChart(kind: ControlChartKind, values: [Double], subgroupSizes: [Double]? = nil,
                                    phases: [ChartPhase] = [], options: ControlChartOptions = .init()) -> ControlChartResult {
        var warnings: [ChartWarning] = []
        let count = values.count
        if kind.needsSubgroups {
            return failed(kind, count: count, options: options, warning: ChartWarning(code: "needs-subgroups",
                message: "A \(kind.rawValue) chart needs subgroups (observations or summaries), not one value per point."))
        }
        var sizes: [Double?] = Array(repeating: nil, count: count)
        if kind.usesDenominators {
            guard let given = subgroupSizes else {
                return failed(kind, count: count, options: options, warning: ChartWarning(code: "needs-sizes",
                    message: "A \(kind.rawValue) chart needs a subgroup size (denominator) for every point."))
            }
            if given.count != count {
                warnings.append(ChartWarning(code: "size-count-mismatch",
                    message: "\(given.count) subgroup sizes for \(count) values; points without a size have no value."))
            }
            for i in 0..<min(count, given.count) where given[i].isFinite { sizes[i] = given[i] }
        }
        let raw: [Double?] = values.map { $0.isFinite ? $0 : nil }
        warnings += inputWarnings(kind, counts: raw, sizes: sizes)
        var plotted: [Double?] = raw
        switch kind {
        case .p, .u, .pPrime, .uPrime:
            plotted = (0..<count).map { i in
                guard let c = raw[i], let n = sizes[i], n > 0 else { return nil }
                return c / n
            }
        default: break
        }
        let input = ControlChartInput(kind: kind, values: plotted, sizes: sizes, counts: raw,
                               summaries: Array(repeating: nil, count: count), options: options)
        return compute(input, rawValues: raw, phases: phases, warnings: warnings)
    }

    /// X̄–R, R, X̄–S or S chart from raw observations, one array per subgroup (NaN observations dropped).
    public static func controlChart(kind: ControlChartKind, subgroups: [[Double]], phases: [ChartPhase] = [],
                                    options: ControlChartOptions = .init()) -> ControlChartResult {
        controlChart(kind: kind, summaries: subgroups.map { SubgroupSummary(observations: $0) },
                     phases: phases, options: options)
    }

    /// X̄–R, R, X̄–S or S chart from subgroup summaries (nil = empty subgroup).
    public static func controlChart(kind: ControlChartKind, summaries: [SubgroupSummary?], phases: [ChartPhase] = [],
                                    options: ControlChartOptions = .init()) -> ControlChartResult {
        let count = summaries.count
        guard kind.needsSubgroups else {
            return failed(kind, count: count, options: options, warning: ChartWarning(code: "needs-values",
                message: "A \(kind.rawValue) chart takes one value per point, not subgroups."))
        }
        var warnings: [ChartWarning] = []
        let values: [Double?] = summaries.map { s in
            guard let s, s.size > 0 else { return nil }
            switch kind {
            case .range: return s.size >= 2 ? s.range : nil
            case .standardDeviation: return s.size >= 2 ? s.standardDeviation : nil
            default: return s.mean
            }
        }
        if kind == .range || kind == .xbarR, summaries.contains(where: { ($0?.size ?? 0) > SPCConstants.maximumRangeSubgroupSize }) {
            warnings.append(ChartWarning(code: "range-subgroup-too-large",
                message: "Subgroups larger than \(SPCConstants.maximumRangeSubgroupSize) have no range constants; use an X̄–S chart."))
        }
        let input = ControlChartInput(kind: kind, values: values, sizes: summaries.map { $0.map { Double($0.size) } },
                               counts: Array(repeating: nil, count: count), summaries: summaries, options: options)
        return compute(input, rawValues: values, phases: phases, warnings: warnings)
    }

    /// A result with no points computed, carrying the reason.
    private static func failed(_ kind: ControlChartKind, count: Int, options: ControlChartOptions,
                               warning: ChartWarning) -> ControlChartResult {
        ControlChartResult(kind: kind, method: methodDescription(kind, options), points: [], phases: [], signals: [],
                           runsAnalyses: [], ruleSets: [], warnings: [warning])
    }

    /// One sentence naming the method, for results.json and the report appendix.
    public static func methodDescription(_ kind: ControlChartKind, _ options: ControlChartOptions) -> String {
        let k = options.sigmaMultiplier == 3 ? "3" : String(options.sigmaMultiplier)
        switch kind {
        case .run: return "Run chart; centre = median; Anhøj rules (longest run > round(log2(n) + 3), crossings < qbinom(0.05, n − 1, 0.5))"
        case .individuals: return "XmR (individuals); " + IndividualsEstimate.describe(options)
        case .movingRange:
            return options.individualsMethod == .medianMovingRange
                ? "XmR (moving range); centre = median mR; upper limit = 3.865 × median mR"
                : "XmR (moving range); centre = mR̄; upper limit = \(options.movingRangeUpperFactor) × mR̄"
        case .xbarR: return "X̄–R (means); σ = R̄ / d2(n) (Burr-weighted for variable n); limits = X̄̄ ± \(k)σ/√n"
        case .range: return "X̄–R (ranges); centre = d2(n)σ; limits = d2(n)σ ± \(k) d3(n)σ, lower clamped at 0"
        case .xbarS: return "X̄–S (means); σ from S̄ (\(options.subgroupSigma.rawValue)); limits = X̄̄ ± A3(n) S̄"
        case .standardDeviation: return "X̄–S (standard deviations); limits = B3(n) S̄, B4(n) S̄"
        case .p: return "p chart; p̄ = Σ counts / Σ sizes; limits = p̄ ± \(k)√(p̄(1 − p̄)/n), clamped to [0, 1]"
        case .np: return "np chart; limits = n p̄ ± \(k)√(n p̄(1 − p̄)), clamped at 0"
        case .c: return "c chart; limits = c̄ ± \(k)√c̄, clamped at 0"
        case .u: return "u chart; ū = Σ counts / Σ exposure; limits = ū ± \(k)√(ū/n), clamped at 0"
        case .pPrime: return "Laney p′ chart; limits = p̄ ± \(k)σ_p σz, σz = mean moving range of z / 1.128"
        case .uPrime: return "Laney u′ chart; limits = ū ± \(k)σ_u σz, σz = mean moving range of z / 1.128"
        case .g: return "g chart; centre = median; limits = mean ± \(k)√(mean(mean + 1)), lower clamped at 0"
        case .t: return "t chart; individuals chart on x^(1/\(options.tTransformExponent)) back-transformed; " + IndividualsEstimate.describe(options)
        }
    }
}
