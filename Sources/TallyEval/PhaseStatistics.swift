import TallyCore
import TallyData
import TallyStats

/// The observations behind a KPI, split by phase: numbers (booleans as 1/0) of the KPI's sample column.
struct PhaseSamples {
    /// What a statistic needs of the observations.
    enum Need {
        /// Only how many there are per group (proportions, p-charts).
        case counts
        /// The values, in row order (means, NPS, subgroup charts).
        case values
        /// The values sorted (medians: the interval and the rank test both sort, and find them in order).
        case sortedValues
    }

    private var sizes: [Int]
    private var values: [[Double]]

    /// Splits the non-missing, finite values of `column` by group id (rows with −1 are left out).
    init(column: Column, groups: [Int32], groupCount: Int, need: Need = .values) {
        let rows = min(column.count, groups.count)
        let validity = column.validity
        // One switch on the storage, then tight loops per type: counts first, so each group is allocated once.
        func split<T>(_ stored: [T], _ number: (T) -> Double) -> (sizes: [Int], values: [[Double]]) {
            var sizes = [Int](repeating: 0, count: groupCount)
            stored.withUnsafeBufferPointer { values in
                groups.withUnsafeBufferPointer { ids in
                    for row in 0..<rows {
                        let group = Int(ids[row])
                        if group >= 0, group < groupCount, validity[row], number(values[row]).isFinite { sizes[group] += 1 }
                    }
                }
            }
            guard need != .counts else { return (sizes, []) }
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
                initialised = running
            }
            return (sizes, (0..<groupCount).map { Array(flat[starts[$0]..<(starts[$0] + sizes[$0])]) })
        }
        let result: (sizes: [Int], values: [[Double]])
        switch column.storage {
        case .integers(let v): result = split(v) { Double($0) }
        case .numbers(let v): result = split(v) { $0 }
        case .booleans(let v): result = split(v) { $0 ? 1 : 0 }
        case .dates(let v): result = split(v) { Double($0) }
        case .datetimes(let v): result = split(v) { Double($0) }
        case .categories, .texts: result = ([Int](repeating: 0, count: groupCount), [[Double]](repeating: [], count: groupCount))
        }
        sizes = result.sizes
        values = need == .sortedValues ? result.values.map(Sorting.ascending) : result.values
    }

    /// Observations in group `index`.
    func count(_ index: Int) -> Int { index < sizes.count ? sizes[index] : 0 }

    /// The observations of group `index` (empty when only counts were kept).
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
            guard let successes = Int(rounding: value * Double(n)) else { return nil }  // a "proportion" of 1e300: no interval
            estimate = ProportionInference.wilson(successes: successes, trials: n, level: level)
        case "mean":
            estimate = MeanInference.tInterval(samples.observations(group), level: level)
        case "median":
            estimate = QuantileInference.medianInterval(samples.observations(group), level: level)
        case "nps":
            estimate = NPSInference.interval(NPSCounts(scores: samples.observations(group).map(npsScore)), level: level)
        default:
            return nil
        }
        return facts(estimate)
    }

    /// What a KPI kind's interval and comparison need of its observations.
    static func need(kind: String) -> PhaseSamples.Need {
        switch kind {
        case "proportion": return .counts
        case "median": return .sortedValues
        default: return .values
        }
    }

    /// An NPS answer as a whole score; a value no score can be (1e300, NaN) becomes -1, outside 0…10, so it is not counted.
    static func npsScore(_ value: Double) -> Int { Int(rounding: value) ?? -1 }

    /// A later phase against the baseline with the kind's method.
    static func compare(kind: String, baseline: KPIPhaseValue, later: KPIPhaseValue, samples: PhaseSamples, baselineGroup: Int, laterGroup: Int) -> KPIComparison {
        var comparison = KPIComparison(phase: later.phase, baseline: baseline.phase, methods: [])
        let base = samples.observations(baselineGroup), next = samples.observations(laterGroup)
        switch kind {
        case "proportion":
            let (baseCount, nextCount) = (samples.count(baselineGroup), samples.count(laterGroup))
            guard let p1 = baseline.value, let p2 = later.value else {
                comparison.notComputable = "no value in one of the phases"
                return comparison
            }
            guard let s1 = Int(rounding: p1 * Double(baseCount)), let s2 = Int(rounding: p2 * Double(nextCount)) else {
                comparison.notComputable = "a phase's value is too large to be a proportion"
                return comparison
            }
            let result = ProportionInference.compare(
                baseline: ProportionCounts(successes: s1, trials: baseCount),
                later: ProportionCounts(successes: s2, trials: nextCount), level: level)
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
                baseline: NPSCounts(scores: base.map(npsScore)), later: NPSCounts(scores: next.map(npsScore)), level: level)
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
