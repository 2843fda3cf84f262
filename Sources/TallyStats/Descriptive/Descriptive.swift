/// General helpers on arrays of numbers: mean, variance, quantiles, average ranks.
public enum Descriptive {
    /// The arithmetic mean (two-pass, corrected), or nil for an empty array.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        var sum = 0.0
        for value in values { sum += value }
        let first = sum / n
        var correction = 0.0
        for value in values { correction += value - first }
        return first + correction / n
    }

    /// The sample variance (divisor n − 1, corrected two-pass algorithm), or nil when n < 2.
    public static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        var squares = 0.0
        var deviations = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
            deviations += deviation
        }
        let n = Double(values.count)
        return max(0, (squares - deviations * deviations / n) / (n - 1))
    }

    /// The sample standard deviation, or nil when n < 2.
    public static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// The median (mean of the two middle values for even n), or nil for an empty array.
    public static func median(_ values: [Double]) -> Double? {
        quantile(sorted: Sorting.ascending(values), probability: 0.5)
    }

    /// The sample quantile of already sorted values by linear interpolation between order statistics
    /// (Hyndman–Fan type 7, the NumPy and R default); nil when empty or p is outside [0, 1].
    public static func quantile(sorted: [Double], probability p: Double) -> Double? {
        guard !sorted.isEmpty, p >= 0, p <= 1 else { return nil }
        let position = p * Double(sorted.count - 1)
        let lowerIndex = Int(position.rounded(.down))
        let fraction = position - Double(lowerIndex)
        if lowerIndex + 1 >= sorted.count || fraction == 0 { return sorted[lowerIndex] }
        let low = sorted[lowerIndex]
        let high = sorted[lowerIndex + 1]
        return low + fraction * (high - low)
    }

    /// Average ranks (1-based, ties get the mean of their positions) and the sizes of the tie groups
    /// (groups of size > 1 only).
    public static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieGroupSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieGroupSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // Positions start+1 … end share the rank (start + 1 + end) / 2.
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            if end - start > 1 { tieGroupSizes.append(end - start) }
            start = end
        }
        return (ranks, tieGroupSizes)
    }
}

/// Count, mean and variance of one group, the sufficient statistics of the t-based methods.
public struct SampleSummary: Sendable, Codable, Equatable {
    /// Number of observations.
    public var count: Int
    /// The mean, nil when count = 0.
    public var mean: Double?
    /// The sample variance (n − 1), nil when count < 2.
    public var variance: Double?

    /// Summarises `values`.
    public init(_ values: [Double]) {
        self.count = values.count
        self.mean = Descriptive.mean(values)
        self.variance = Descriptive.variance(values)
    }

    /// A summary from known statistics (e.g. aggregated elsewhere).
    public init(count: Int, mean: Double?, variance: Double?) {
        self.count = count
        self.mean = mean
        self.variance = variance
    }

    /// The sample standard deviation, nil when count < 2.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }
}
