import TallyCore
import TallyData
import TallyStats

/// The observations behind a KPI, split by phase: numbers (booleans as 1/0) of the KPI's sample column.
struct PhaseSamples {
    private var values: [[Double]]

    /// Splits the non-missing values of `column` by group id (rows with −1 are left out); `sorted` sorts each
    /// group once for statistics that all sort (medians: interval and rank test), which then find it in order.
    init(column: Column, groups: [Int32], groupCount: Int, sorted: Bool = false) {
        self.init(column: column, groups: groups, groupCount: groupCount)
        if sorted { values = values.map(Sorting.ascending) }
    }

    /// Splits the non-missing values of `column` by group id, in row order.
    init(column: Column, groups: [Int32], groupCount: Int) {
        let rows = min(column.count, groups.count)
        let validity = column.validity
        // One switch on the storage, then a tight loop per type: sizes first, so each group is allocated once.
        func split<T>(_ stored: [T], _ number: (T) -> Double) -> [[Double]] {
            // Sizes from validity alone (a non-finite decimal only makes its group's reserve one too large).
            var sizes = [Int](repeating: 0, count: groupCount)
            for row in 0..<rows {
                let group = Int(groups[row])
                if group >= 0, group < groupCount, validity[row] { sizes[group] += 1 }
            }
            // One flat buffer, each group a range of it, filled in row order; then one array per group.
            var cursor = [Int](repeating: 0, count: groupCount)
            var running = 0
            for g in 0..<groupCount {
                cursor[g] = running
                running += sizes[g]
            }
            let starts = cursor
            let flat = [Double](unsafeUninitializedCapacity: running) { buffer, initialised in
                stored.withUnsafeBufferPointer { values in
                    groups.withUnsafeBufferPointer { ids in
                        for row in 0..<rows {
                            let group = Int(ids[row])
                            guard group >= 0, group < groupCount, validity[row] else { continue }
                            let value = number(values[row])
                            if value.isFinite {
                                buffer[cursor[group]] = value
                                cursor[group] += 1
                            }
                        }
                    }
                }
                // Slots left by non-finite values are zeroed, then never read.
                for g in 0..<groupCount where cursor[g] < starts[g] + sizes[g] {
                    for i in cursor[g]..<(starts[g] + sizes[g]) { buffer[i] = 0 }
                }
                initialised = running
            }
            return (0..<groupCount).map { Array(flat[starts[$0]..<cursor[$0]]) }
        }
        switch column.storage {
        case .integers(let v): values = split(v) { Double($0) }
        case .numbers(let v): values = split(v) { $0 }
        case .booleans(let v): values = split(v) { $0 ? 1 : 0 }
        case .dates(let v): values = split(v) { Double($0) }
        case .datetimes(let v): values = split(v) { Double($0) }
        case .categories, .texts: values = [[Double]](repeating: [], count: groupCount)
        }
    }

    /// Observations in group `index`.
    func count(_ index: Int) -> Int { index < values.count ? values[index].count : 0 }

    /// The observations of group `index`.
    func observations(_ index: Int) -> [Double] { index < values.count ? values[index] : [] }
}

/// Chooses and runs the interval and the comparison that fit a KPI's kind.
enum PhaseStatistics {
    /// Confidence level used throughout reports.
    static let level = 0.95

    /// The interval of a phase value: Wilson (proportions), t (means), multinomial (NPS), order statistic (medians).
    static func interval(kind: String, value: Double, samples: PhaseSamples, group: Int) -> IntervalFacts? {
        let estimate: IntervalEstimate
        switch kind {
        case "proportion":
            let n = samples.count(group)
            guard n > 0 else { return nil }
            estimate = ProportionInference.wilson(successes: Int((value * Double(n)).rounded()), trials: n, level: level)
        case "mean":
            estimate = MeanInference.tInterval(samples.observations(group), level: level)
        case "median":
            estimate = QuantileInference.medianInterval(samples.observations(group), level: level)
        case "nps":
            estimate = NPSInference.interval(NPSCounts(scores: samples.observations(group).map { Int($0.rounded()) }), level: level)
        default:
            return nil
        }
        return facts(estimate)
    }

    /// A later phase against the baseline with the kind's method.
    static func compare(kind: String, baseline: KPIPhaseValue, later: KPIPhaseValue, samples: PhaseSamples, baselineGroup: Int, laterGroup: Int) -> KPIComparison {
        var comparison = KPIComparison(phase: later.phase, baseline: baseline.phase, methods: [])
        let base = samples.observations(baselineGroup), next = samples.observations(laterGroup)
        switch kind {
        case "proportion":
            guard let p1 = baseline.value, let p2 = later.value else {
                comparison.notComputable = "no value in one of the phases"
                return comparison
            }
            let result = ProportionInference.compare(
                baseline: ProportionCounts(successes: Int((p1 * Double(base.count)).rounded()), trials: base.count),
                later: ProportionCounts(successes: Int((p2 * Double(next.count)).rounded()), trials: next.count), level: level)
            comparison.methods = [result.difference.method.rawValue, result.test.method.rawValue]
            fill(&comparison, difference: result.difference, test: result.test, caveats: result.caveats)
            // TallyStats reports proportion differences in percentage points; Results keeps the KPI's unit (fractions).
            comparison.difference = comparison.difference.map { $0 / 100 }
            comparison.interval = comparison.interval.map { IntervalFacts(lower: $0.lower / 100, upper: $0.upper / 100, level: $0.level, method: $0.method) }
            comparison.relativeChange = result.relativeChangePercent.value
        case "mean":
            let result = MeanInference.welch(baseline: base, later: next, level: level)
            comparison.methods = [result.test.method.rawValue, result.effectSize.method.rawValue]
            fill(&comparison, difference: result.difference, test: result.test, caveats: result.caveats)
            comparison.relativeChange = result.relativeChangePercent.value
            comparison.effectSize = result.effectSize.estimate
            comparison.effectSizeName = "Hedges' g"
        case "median":
            let result = RankInference.compare(baseline: base, later: next, level: level)
            comparison.methods = [result.test.method.rawValue, result.shift.method.rawValue]
            fill(&comparison, difference: result.shift, test: result.test, caveats: result.caveats)
            if let m1 = result.baselineMedian, let m2 = result.laterMedian, m1 != 0 { comparison.relativeChange = (m2 - m1) / abs(m1) * 100 }
        case "nps":
            let result = NPSInference.compare(
                baseline: NPSCounts(scores: base.map { Int($0.rounded()) }), later: NPSCounts(scores: next.map { Int($0.rounded()) }), level: level)
            comparison.methods = [result.difference.method.rawValue, result.test.method.rawValue]
            fill(&comparison, difference: result.difference, test: result.test, caveats: result.caveats)
        default:
            comparison.notComputable = "no comparison method for KPIs of kind '\(kind)'; the values are shown without a test"
            if let b = baseline.value, let l = later.value {
                comparison.difference = l - b
                if b != 0 { comparison.relativeChange = (l - b) / abs(b) * 100 }
            }
        }
        return comparison
    }

    private static func fill(_ comparison: inout KPIComparison, difference: IntervalEstimate, test: HypothesisTest, caveats: [InferenceCaveat]) {
        comparison.difference = difference.estimate
        comparison.interval = facts(difference)
        comparison.statistic = test.statistic
        comparison.pValue = test.pValue
        comparison.caveats = caveats.map(\.rawValue)
        if let reason = difference.unavailable ?? test.unavailable { comparison.notComputable = reason.message }
    }

    private static func facts(_ estimate: IntervalEstimate) -> IntervalFacts? {
        guard let lower = estimate.lower, let upper = estimate.upper, lower.isFinite, upper.isFinite else { return nil }
        return IntervalFacts(lower: lower, upper: upper, level: estimate.level, method: estimate.method.rawValue)
    }
}
