// The chart engine behind `SPC.controlChart`: phases, fits, bands, summaries and rules (steps 2–6).

extension SPC {
    /// Steps 2–6 on a resolved input.
    static func compute(_ base: ControlChartInput, rawValues: [Double?], phases: [ChartPhase],
                        warnings initialWarnings: [ChartWarning]) -> ControlChartResult {
        var engine = ControlChartEngine(input: base, rawValues: rawValues, phases: phases, warnings: initialWarnings)
        engine.fitPhases()
        let points = engine.makePoints()
        let summaries = engine.summarise(points)
        return engine.evaluateRules(points: points, summaries: summaries)
    }

    /// Warnings about impossible attribute data (negative counts, counts above their denominators).
    static func inputWarnings(_ kind: ControlChartKind, counts: [Double?], sizes: [Double?]) -> [ChartWarning] {
        var warnings: [ChartWarning] = []
        if kind.isNonNegative, kind != .run {
            let negative = counts.indices.filter { (counts[$0] ?? 0) < 0 }
            if !negative.isEmpty {
                warnings.append(ChartWarning(code: "negative-values",
                    message: "\(negative.count) point(s) are negative, which a \(kind.rawValue) chart cannot plot meaningfully (first: point \(negative[0] + 1))."))
            }
        }
        if kind == .p || kind == .np || kind == .pPrime {
            let over = counts.indices.filter { i in (counts[i] ?? 0) > (sizes[i] ?? .infinity) }
            if !over.isEmpty {
                warnings.append(ChartWarning(code: "count-exceeds-size",
                    message: "\(over.count) point(s) have more events than their subgroup size (first: point \(over[0] + 1))."))
            }
            let nonPositive = sizes.indices.filter { (sizes[$0] ?? 1) <= 0 }
            if !nonPositive.isEmpty {
                warnings.append(ChartWarning(code: "zero-denominator",
                    message: "\(nonPositive.count) point(s) have a zero or negative subgroup size; they have no value."))
            }
        } else if kind == .u || kind == .uPrime {
            let nonPositive = sizes.indices.filter { (sizes[$0] ?? 1) <= 0 }
            if !nonPositive.isEmpty {
                warnings.append(ChartWarning(code: "zero-denominator",
                    message: "\(nonPositive.count) point(s) have a zero or negative exposure; they have no value."))
            }
        }
        return warnings
    }

    /// Dispatches to the estimator of the chart kind.
    static func fit(_ input: ControlChartInput, rawValues: [Double?], indices: [Int]) -> PhaseFit? {
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
    static func makeBand(centre: Double, line: (Double) -> Double?, multiplier: Double,
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
    static func scaled(_ b: ControlBand, _ s: Double) -> ControlBand {
        guard s != 1 else { return b }
        return ControlBand(lowerLimit: b.lowerLimit * s, upperLimit: b.upperLimit * s, lower2Sigma: b.lower2Sigma * s,
                           upper2Sigma: b.upper2Sigma * s, lower1Sigma: b.lower1Sigma * s, upper1Sigma: b.upper1Sigma * s,
                           lowerClamped: b.lowerClamped, upperClamped: b.upperClamped)
    }
}

/// The state of one chart computation, advanced step by step by `SPC.compute`.
struct ControlChartEngine {
    var input: ControlChartInput
    let rawValues: [Double?]
    let plan: PhasePlan
    let phaseOf: [Int]
    var warnings: [ChartWarning]
    /// User exclusions by point.
    var exclusionReason: [String?]
    /// Points whose value is undefined (missing, non-finite, zero denominator).
    var undefined: Set<Int> = []
    /// Fit of each recalculated phase (nil for extended phases and for phases without usable points).
    var fits: [PhaseFit?] = []
    /// Number of values each recalculated phase's estimate used.
    var calculationCounts: [Int] = []

    var kind: ControlChartKind { input.kind }
    var options: ControlChartOptions { input.options }
    var count: Int { input.values.count }

    /// Resolves phases, moving ranges, exclusions and undefined values.
    init(input: ControlChartInput, rawValues: [Double?], phases: [ChartPhase], warnings: [ChartWarning]) {
        self.input = input
        self.rawValues = rawValues
        let count = input.values.count
        plan = PhasePlan(phases: phases, count: count)
        phaseOf = plan.phaseIndex(count: count)
        self.warnings = warnings + plan.warnings
        exclusionReason = [String?](repeating: nil, count: count)

        // Moving ranges do not span a recalculated phase boundary.
        if input.kind == .movingRange {
            let plan = self.plan, phaseOf = self.phaseOf
            self.input.values = (0..<count).map { i in
                guard i > 0, let a = rawValues[i], let b = rawValues[i - 1] else { return nil }
                let entry = plan.entries[phaseOf[i]]
                if entry.range.lowerBound == i, entry.definition.limits == .recalculate { return nil }
                return abs(a - b)
            }
        }
        for e in input.options.exclusions {
            if e.index >= 0, e.index < count { exclusionReason[e.index] = e.reason } else {
                self.warnings.append(ChartWarning(code: "exclusion-out-of-range",
                    message: "Exclusion of point \(e.index + 1) (\(e.reason)) is outside the \(count) points; ignored."))
            }
        }
        // The first moving range of a phase is structurally absent, not undefined.
        let values = self.input.values
        undefined = Set((0..<count).filter { values[$0] == nil && !(input.kind == .movingRange && rawValues[$0] != nil) })
        if !undefined.isEmpty {
            let list = undefined.sorted().prefix(10).map { String($0 + 1) }.joined(separator: ", ")
            self.warnings.append(ChartWarning(code: "undefined-values",
                message: "\(undefined.count) point(s) have no value (missing, not finite or zero denominator): \(list)\(undefined.count > 10 ? ", …" : "")."))
        }
    }

    /// Step 3: fits every recalculated phase on its non-excluded points.
    mutating func fitPhases() {
        fits = [PhaseFit?](repeating: nil, count: plan.entries.count)
        calculationCounts = [Int](repeating: 0, count: plan.entries.count)
        let source: [Double?] = kind == .movingRange ? rawValues : input.values
        for (p, entry) in plan.entries.enumerated() where entry.limitSource == p {
            let indices = entry.range.filter { exclusionReason[$0] == nil && source[$0] != nil }
            calculationCounts[p] = kind == .movingRange ? max(0, indices.count - 1) : indices.count
            fits[p] = SPC.fit(input, rawValues: rawValues, indices: indices)
            if let f = fits[p] { warnings += f.warnings.map { var w = $0; w.phase = p; return w } }
        }
    }

    /// Display scale: the multiplier applies to rates and proportions only.
    var scale: Double { (kind == .p || kind == .u || kind == .pPrime || kind == .uPrime) ? options.multiplier : 1 }

    /// Step 4: every point with its centre and clamped, scaled band.
    func makePoints() -> [ControlChartPoint] {
        let clamp = options.clampAtZero ?? kind.isNonNegative
        // The t chart's back-transform has no negative branch: its lines are floored at 0 whatever the option.
        let floor: Double? = clamp || kind == .t ? 0 : nil
        let scale = self.scale
        return (0..<count).map { i in
            let p = phaseOf[i]
            let f = fits[plan.entries[p].limitSource]
            let centre = f?.centre(i)
            var band: ControlBand?
            if let f, let c = centre {
                let ceiling: Double? = kind == .p || kind == .pPrime ? 1 : (kind == .np ? input.sizes[i] : nil)
                band = SPC.makeBand(centre: c, line: { f.line(i, $0) }, multiplier: options.sigmaMultiplier,
                                    floor: floor, ceiling: ceiling).map { SPC.scaled($0, scale) }
            }
            let isUndefined = undefined.contains(i)
            return ControlChartPoint(
                index: i, value: input.values[i].map { $0 * scale }, subgroupSize: input.sizes[i],
                centre: centre.map { $0 * scale }, band: band, phase: p,
                excluded: exclusionReason[i] != nil || isUndefined,
                exclusionReason: exclusionReason[i] ?? (isUndefined ? "no value" : nil), signalRules: [])
        }
    }

    /// Step 5: phase summaries, with reliability and σ warnings.
    mutating func summarise(_ points: [ControlChartPoint]) -> [PhaseSummary] {
        var summaries: [PhaseSummary] = []
        for (p, entry) in plan.entries.enumerated() {
            let source = entry.limitSource
            let f = fits[source]
            let n = calculationCounts[source]
            let reliability: LimitReliability = f == nil ? .none : (n < 12 ? .unreliable : (n < 20 ? .provisional : .ok))
            let phasePoints = entry.range.map { points[$0] }
            let bands = phasePoints.compactMap(\.band)
            let lowers = Set(bands.map(\.lowerLimit)), uppers = Set(bands.map(\.upperLimit))
            let centres = Set(phasePoints.compactMap(\.centre))
            let vary = lowers.count > 1 || uppers.count > 1
            summaries.append(PhaseSummary(
                index: p, label: entry.definition.label, reason: entry.definition.reason, start: entry.range.lowerBound,
                pointCount: entry.range.count, limitsMode: entry.definition.limits, limitsFromPhase: source,
                calculationPointCount: n, excludedCount: entry.range.filter { exclusionReason[$0] != nil }.count,
                centre: centres.count == 1 ? centres.first : (f?.constantCentre).map { $0 * scale },
                sigma: f?.sigma.map { $0 * scale },
                lowerLimit: vary || bands.isEmpty ? nil : lowers.first,
                upperLimit: vary || bands.isEmpty ? nil : uppers.first,
                limitsVary: vary, statistics: f?.statistics ?? PhaseStatistics(), reliability: reliability, warnings: []))
            if source == p { warnings += phaseWarnings(p, fit: f, reliability: reliability, points: n) }
        }
        for p in summaries.indices {
            // Extended phases inherit the warnings of the phase their limits come from.
            let source = summaries[p].limitsFromPhase
            summaries[p].warnings = warnings.filter { $0.phase == p || ($0.phase == source && source != p) }
        }
        return summaries
    }

    /// Reliability (fewer than 12 / 20 points) and σ (zero / undefined) warnings of a recalculated phase.
    private func phaseWarnings(_ p: Int, fit f: PhaseFit?, reliability: LimitReliability, points n: Int) -> [ChartWarning] {
        let label = plan.entries[p].definition.label
        var result: [ChartWarning] = []
        switch reliability {
        case .unreliable:
            result.append(ChartWarning(code: "phase-unreliable",
                message: "Phase \"\(label)\" has \(n) points for its limits (fewer than 12): limits are unreliable.", phase: p))
        case .provisional:
            result.append(ChartWarning(code: "phase-provisional",
                message: "Phase \"\(label)\" has \(n) points for its limits (fewer than 20): limits are provisional.", phase: p))
        case .none:
            result.append(ChartWarning(code: "phase-no-limits",
                message: "Phase \"\(label)\" has no usable points: no centre line or limits.", phase: p))
        case .ok: break
        }
        guard let f, kind != .run else { return result }
        if f.sigma == 0 {
            result.append(ChartWarning(code: "no-variation",
                message: "Phase \"\(label)\" shows no variation: limits coincide with the centre line.", phase: p))
        } else if f.sigma == nil, !f.limitsVary, f.line(plan.entries[p].range.lowerBound, 1) == nil {
            result.append(ChartWarning(code: "sigma-undefined",
                message: "Phase \"\(label)\" has too few points to estimate σ: centre line only.", phase: p))
        }
        return result
    }

    /// Step 6: runs analysis and rule sets per segment (a recalculated phase and the phases extending it).
    func evaluateRules(points initial: [ControlChartPoint], summaries: [PhaseSummary]) -> ControlChartResult {
        var points = initial
        let ruleSets = options.ruleSets ?? (kind == .run ? [.anhoej] : [.nhs])
        var signals: [ControlChartSignal] = []
        var runs: [RunsAnalysis] = []
        var segmentStart = 0
        while segmentStart < plan.entries.count {
            var segmentEnd = segmentStart
            while segmentEnd + 1 < plan.entries.count,
                  plan.entries[segmentEnd + 1].limitSource == plan.entries[segmentStart].limitSource {
                segmentEnd += 1
            }
            let range = plan.entries[segmentStart].range.lowerBound..<plan.entries[segmentEnd].range.upperBound
            let rulePoints: [RulePoint] = range.compactMap { i in
                let pt = points[i]
                guard let v = pt.value, let c = pt.centre else { return nil }
                return RulePoint(index: i, value: v, centre: c, band: pt.band, excluded: exclusionReason[i] != nil, phase: pt.phase)
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
        return ControlChartResult(kind: kind, method: SPC.methodDescription(kind, options), points: points,
                                  phases: summaries, signals: signals, runsAnalyses: runs,
                                  ruleSets: ruleSets.map(\.identifier), warnings: warnings)
    }
}
