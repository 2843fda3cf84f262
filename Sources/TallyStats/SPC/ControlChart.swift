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
        var plotted: [Double?] = raw
        switch kind {
        case .p, .u, .pPrime, .uPrime:
            plotted = (0..<count).map { i in
                guard let c = raw[i], let n = sizes[i], n > 0 else { return nil }
                return c / n
            }
        default: break
        }
        let input = ChartInput(kind: kind, values: plotted, sizes: sizes, counts: raw,
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
        let input = ChartInput(kind: kind, values: values, sizes: summaries.map { $0.map { Double($0.size) } },
                               counts: Array(repeating: nil, count: count), summaries: summaries, options: options)
        return compute(input, rawValues: values, phases: phases, warnings: warnings)
    }

    /// A result with no points computed, carrying the reason.
    private static func failed(_ kind: ControlChartKind, count: Int, options: ControlChartOptions,
                               warning: ChartWarning) -> ControlChartResult {
        ControlChartResult(kind: kind, method: methodDescription(kind, options), points: [], phases: [], signals: [],
                           runsAnalyses: [], ruleSets: [], warnings: [warning])
    }

    // MARK: - The engine

    /// Steps 2–6 on a resolved input.
    private static func compute(_ base: ChartInput, rawValues: [Double?], phases: [ChartPhase],
                                warnings initialWarnings: [ChartWarning]) -> ControlChartResult {
        var input = base
        let kind = input.kind, options = input.options
        let count = input.values.count
        var warnings = initialWarnings
        let plan = PhasePlan(phases: phases, count: count)
        warnings += plan.warnings
        let phaseOf = plan.phaseIndex(count: count)

        // Moving ranges do not span a recalculated phase boundary.
        if kind == .movingRange {
            input.values = (0..<count).map { i in
                guard i > 0, let a = rawValues[i], let b = rawValues[i - 1] else { return nil }
                let p = phaseOf[i]
                if plan.entries[p].range.lowerBound == i, plan.entries[p].definition.limits == .recalculate { return nil }
                return abs(a - b)
            }
        }

        // Exclusions: user-given, then undefined values.
        var exclusionReason = [String?](repeating: nil, count: count)
        for e in options.exclusions {
            if e.index >= 0, e.index < count { exclusionReason[e.index] = e.reason } else {
                warnings.append(ChartWarning(code: "exclusion-out-of-range",
                    message: "Exclusion of point \(e.index + 1) (\(e.reason)) is outside the \(count) points; ignored."))
            }
        }
        let undefined = (0..<count).filter { input.values[$0] == nil && !(kind == .movingRange && rawValues[$0] != nil) }
        if !undefined.isEmpty {
            let list = undefined.prefix(10).map { String($0 + 1) }.joined(separator: ", ")
            warnings.append(ChartWarning(code: "undefined-values",
                message: "\(undefined.count) point(s) have no value (missing, not finite or zero denominator): \(list)\(undefined.count > 10 ? ", …" : "")."))
        }

        // Fit every recalculated phase.
        var fits = [PhaseFit?](repeating: nil, count: plan.entries.count)
        var calcCounts = [Int](repeating: 0, count: plan.entries.count)
        for (p, entry) in plan.entries.enumerated() where entry.limitSource == p {
            let source: [Double?] = kind == .movingRange ? rawValues : input.values
            let indices = entry.range.filter { exclusionReason[$0] == nil && source[$0] != nil }
            calcCounts[p] = kind == .movingRange ? max(0, indices.count - 1) : indices.count
            fits[p] = fit(input, rawValues: rawValues, indices: indices)
            if let f = fits[p] { warnings += f.warnings.map { var w = $0; w.phase = p; return w } }
        }

        // Points.
        let scale = (kind == .p || kind == .u || kind == .pPrime || kind == .uPrime) ? options.multiplier : 1
        let clamp = options.clampAtZero ?? kind.isNonNegative
        var points: [ControlChartPoint] = []
        points.reserveCapacity(count)
        for i in 0..<count {
            let p = phaseOf[i]
            let f = fits[plan.entries[p].limitSource]
            var centre = f?.centre(i)
            var band: ControlBand?
            if let f, let c = centre {
                let ceiling: Double? = {
                    switch kind {
                    case .p, .pPrime: return 1
                    case .np: return input.sizes[i]
                    default: return nil
                    }
                }()
                band = makeBand(centre: c, line: { f.line(i, $0) }, multiplier: options.sigmaMultiplier,
                                floor: clamp ? 0 : nil, ceiling: ceiling)
            }
            centre = centre.map { $0 * scale }
            band = band.map { scaled($0, scale) }
            let value = input.values[i].map { $0 * scale }
            points.append(ControlChartPoint(
                index: i, value: value, subgroupSize: input.sizes[i], centre: centre, band: band, phase: p,
                excluded: exclusionReason[i] != nil || value == nil,
                exclusionReason: exclusionReason[i] ?? (value == nil && !(kind == .movingRange && rawValues[i] != nil) ? "no value" : nil),
                signalRules: []))
        }

        // Phase summaries.
        var summaries: [PhaseSummary] = []
        for (p, entry) in plan.entries.enumerated() {
            let source = entry.limitSource
            let f = fits[source]
            let n = calcCounts[source]
            let reliability: LimitReliability = f == nil ? .none : (n < 12 ? .unreliable : (n < 20 ? .provisional : .ok))
            let phasePoints = entry.range.map { points[$0] }
            let bands = phasePoints.compactMap(\.band)
            let lowers = Set(bands.map(\.lowerLimit)), uppers = Set(bands.map(\.upperLimit))
            let centres = Set(phasePoints.compactMap(\.centre))
            let vary = lowers.count > 1 || uppers.count > 1
            summaries.append(PhaseSummary(
                index: p, label: entry.definition.label, reason: entry.definition.reason, start: entry.range.lowerBound,
                pointCount: entry.range.count, limitsMode: entry.definition.limits, limitsFromPhase: source,
                calculationPointCount: n, excludedCount: phasePoints.filter { exclusionReason[$0.index] != nil }.count,
                centre: centres.count == 1 ? centres.first : (f?.constantCentre).map { $0 * scale },
                sigma: f?.sigma.map { $0 * scale },
                lowerLimit: vary || bands.isEmpty ? nil : lowers.first,
                upperLimit: vary || bands.isEmpty ? nil : uppers.first,
                limitsVary: vary, statistics: f?.statistics ?? PhaseStatistics(), reliability: reliability))
            if source == p {
                switch reliability {
                case .unreliable:
                    warnings.append(ChartWarning(code: "phase-unreliable",
                        message: "Phase \"\(entry.definition.label)\" has \(n) points for its limits (fewer than 12): limits are unreliable.", phase: p))
                case .provisional:
                    warnings.append(ChartWarning(code: "phase-provisional",
                        message: "Phase \"\(entry.definition.label)\" has \(n) points for its limits (fewer than 20): limits are provisional.", phase: p))
                case .none:
                    warnings.append(ChartWarning(code: "phase-no-limits",
                        message: "Phase \"\(entry.definition.label)\" has no usable points: no centre line or limits.", phase: p))
                case .ok: break
                }
                if let f, kind != .run, f.sigma == 0 || (f.sigma == nil && !f.limitsVary && f.line(entry.range.lowerBound, 1) == nil) {
                    warnings.append(ChartWarning(code: f.sigma == 0 ? "no-variation" : "sigma-undefined",
                        message: f.sigma == 0
                            ? "Phase \"\(entry.definition.label)\" shows no variation: limits coincide with the centre line."
                            : "Phase \"\(entry.definition.label)\" has too few points to estimate σ: centre line only.", phase: p))
                }
            }
        }

        // Rules per segment.
        let ruleSets = options.ruleSets ?? (kind == .run ? [.anhoej] : [.nhs])
        var signals: [ControlChartSignal] = []
        var runs: [RunsAnalysis] = []
        var segmentStart = 0
        while segmentStart < plan.entries.count {
            var segmentEnd = segmentStart
            while segmentEnd + 1 < plan.entries.count, plan.entries[segmentEnd + 1].limitSource == plan.entries[segmentStart].limitSource {
                segmentEnd += 1
            }
            let range = plan.entries[segmentStart].range.lowerBound..<plan.entries[segmentEnd].range.upperBound
            let rulePoints: [RulePoint] = range.compactMap { i in
                let pt = points[i]
                guard let v = pt.value, let c = pt.centre else { return nil }
                return RulePoint(index: i, value: v, centre: c, band: pt.band,
                                 excluded: exclusionReason[i] != nil, phase: pt.phase)
            }
            if !rulePoints.isEmpty {
                var analysis = AnhoejRules.evaluate(rulePoints).analysis
                analysis.phase = segmentStart
                runs.append(analysis)
                for set in ruleSets { signals += set.evaluate(rulePoints) }
            }
            segmentStart = segmentEnd + 1
        }
        for s in signals {
            for i in s.points where !points[i].signalRules.contains(s.rule) { points[i].signalRules.append(s.rule) }
        }

        return ControlChartResult(kind: kind, method: methodDescription(kind, options), points: points, phases: summaries,
                                  signals: signals, runsAnalyses: runs, ruleSets: ruleSets.map(\.identifier),
                                  warnings: warnings)
    }

    /// Dispatches to the estimator of the chart kind.
    private static func fit(_ input: ChartInput, rawValues: [Double?], indices: [Int]) -> PhaseFit? {
        switch input.kind {
        case .run: return RunLimits.fit(input, indices: indices)
        case .individuals: return IndividualsLimits.fit(input, indices: indices)
        case .movingRange: return MovingRangeLimits.fit(input, rawValues: rawValues, indices: indices)
        case .xbarR: return RangeLimits.fitMeans(input, indices: indices)
        case .range: return RangeLimits.fitRanges(input, indices: indices)
        case .xbarS: return StdDevLimits.fitMeans(input, indices: indices)
        case .standardDeviation: return StdDevLimits.fitStdDevs(input, indices: indices)
        case .p: return AttributeLimits.fitP(input, indices: indices)
        case .np: return AttributeLimits.fitNP(input, indices: indices)
        case .c: return AttributeLimits.fitC(input, indices: indices)
        case .u: return AttributeLimits.fitU(input, indices: indices)
        case .pPrime: return LaneyLimits.fit(input, indices: indices, binomial: true)
        case .uPrime: return LaneyLimits.fit(input, indices: indices, binomial: false)
        case .g: return RareEventLimits.fitG(input, indices: indices)
        case .t: return RareEventLimits.fitT(input, indices: indices)
        }
    }

    /// The band of one point from its k-σ lines, clamped to [floor, ceiling]; nil when the chart has no limits.
    private static func makeBand(centre: Double, line: (Double) -> Double?, multiplier: Double,
                                 floor: Double?, ceiling: Double?) -> ControlBand? {
        guard let l3 = line(-multiplier), let u3 = line(multiplier), let l2 = line(-2), let u2 = line(2),
              let l1 = line(-1), let u1 = line(1) else { return nil }
        func clampValue(_ v: Double) -> Double {
            var x = v
            if let floor, !(x >= floor) { x = floor }
            if let ceiling, x > ceiling { x = ceiling }
            if !x.isFinite { x = x > 0 ? (ceiling ?? centre) : (floor ?? centre) }
            return x
        }
        return ControlBand(
            lowerLimit: clampValue(l3), upperLimit: clampValue(u3), lower2Sigma: clampValue(l2),
            upper2Sigma: clampValue(u2), lower1Sigma: clampValue(l1), upper1Sigma: clampValue(u1),
            lowerClamped: floor.map { !(l3 >= $0) } ?? false, upperClamped: ceiling.map { u3 > $0 } ?? false)
    }

    /// A band multiplied by the display scale.
    private static func scaled(_ b: ControlBand, _ s: Double) -> ControlBand {
        guard s != 1 else { return b }
        return ControlBand(lowerLimit: b.lowerLimit * s, upperLimit: b.upperLimit * s, lower2Sigma: b.lower2Sigma * s,
                           upper2Sigma: b.upper2Sigma * s, lower1Sigma: b.lower1Sigma * s, upper1Sigma: b.upper1Sigma * s,
                           lowerClamped: b.lowerClamped, upperClamped: b.upperClamped)
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
