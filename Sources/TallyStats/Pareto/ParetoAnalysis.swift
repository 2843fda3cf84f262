// Pareto analysis: categories by count or weight, cumulative shares, the vital few, an "Other" bucket.

/// One category with its count or total weight.
public struct ParetoCategory: Sendable, Codable, Equatable {
    /// Category label.
    public var name: String
    /// Count or total weight (non-negative).
    public var value: Double

    /// A category from its parts.
    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// Options of a Pareto analysis.
public struct ParetoOptions: Sendable, Codable, Equatable {
    /// Cumulative share that the vital few must reach (0...1; default 0.8).
    public var threshold: Double
    /// Keep the top N categories and merge the rest into one bucket; nil keeps all.
    public var topN: Int?
    /// Label of the merged bucket.
    public var otherLabel: String

    /// Options with the defaults: 80% threshold, all categories, bucket labelled "Other".
    public init(threshold: Double = 0.8, topN: Int? = nil, otherLabel: String = "Other") {
        self.threshold = threshold
        self.topN = topN
        self.otherLabel = otherLabel
    }
}

/// One bar of the Pareto chart.
public struct ParetoRow: Sendable, Codable, Equatable {
    /// 1-based rank (the bucket ranks last).
    public var rank: Int
    /// Category label (the bucket's `otherLabel`).
    public var category: String
    /// Count or weight.
    public var value: Double
    /// Share of the total (0...1).
    public var share: Double
    /// Running total up to and including this row.
    public var cumulativeValue: Double
    /// Running share (0...1).
    public var cumulativeShare: Double
    /// True for the categories that make up the vital few.
    public var isVitalFew: Bool
    /// True for the merged bucket.
    public var isOtherBucket: Bool
    /// Categories merged into the bucket (empty for ordinary rows).
    public var mergedCategories: [String]
}

/// A Pareto analysis: rows sorted by value, cumulative shares, and the vital few.
///
/// Choices: rows are sorted by value, descending; ties keep their first-seen order (as R's `order` does).
/// The vital few are the smallest leading set of categories whose cumulative share reaches the threshold
/// (≥, with a 1e-12 tolerance so that 240/300 counts as 80%): the category that crosses the threshold is
/// included. With `topN`, categories after the top N are merged into one bucket placed last regardless of its
/// size; the bucket is never part of the vital few. Negative or non-finite values are dropped with a warning.
public struct ParetoAnalysis: Sendable, Codable, Equatable {
    /// Bars in display order.
    public var rows: [ParetoRow]
    /// Sum of all values.
    public var total: Double
    /// Number of categories in the vital few.
    public var vitalFewCount: Int
    /// Cumulative share of the vital few.
    public var vitalFewShare: Double
    /// Threshold used.
    public var threshold: Double
    /// Problems with the input.
    public var warnings: [ChartWarning]

    /// Analysis of pre-aggregated categories (repeated names are summed).
    public init(categories: [ParetoCategory], options: ParetoOptions = .init()) {
        var warnings: [ChartWarning] = []
        var order: [String] = [], totals: [String: Double] = [:]
        var dropped = 0
        for c in categories {
            guard c.value.isFinite, c.value >= 0 else { dropped += 1; continue }
            if totals[c.name] == nil { order.append(c.name) }
            totals[c.name, default: 0] += c.value
        }
        if dropped > 0 {
            warnings.append(ChartWarning(code: "pareto-invalid-values",
                message: "\(dropped) categor\(dropped == 1 ? "y has" : "ies have") a negative or non-finite value; left out."))
        }
        let firstSeen = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let sorted = order.sorted { a, b in
            let va = totals[a] ?? 0, vb = totals[b] ?? 0
            return va != vb ? va > vb : (firstSeen[a] ?? 0) < (firstSeen[b] ?? 0)
        }
        let total = sorted.reduce(0.0) { $0 + (totals[$1] ?? 0) }
        let keep = options.topN.map { max(0, min($0, sorted.count)) } ?? sorted.count
        var bars: [(name: String, value: Double, merged: [String])] = sorted.prefix(keep).map { ($0, totals[$0] ?? 0, []) }
        if keep < sorted.count {
            let rest = Array(sorted[keep...])
            bars.append((options.otherLabel, rest.reduce(0.0) { $0 + (totals[$1] ?? 0) }, rest))
        }
        if total == 0 && !sorted.isEmpty {
            warnings.append(ChartWarning(code: "pareto-zero-total", message: "All categories are zero: shares are 0."))
        }
        if sorted.isEmpty {
            warnings.append(ChartWarning(code: "pareto-empty", message: "No categories to analyse."))
        }
        let threshold = min(1, max(0, options.threshold))
        var rows: [ParetoRow] = []
        var running = 0.0
        var vitalCount = 0, reached = false
        for (i, bar) in bars.enumerated() {
            running += bar.value
            let share = total > 0 ? bar.value / total : 0
            let cumulative = total > 0 ? running / total : 0
            let isBucket = !bar.merged.isEmpty
            let vital = !reached && !isBucket && total > 0
            if vital {
                vitalCount += 1
                if cumulative >= threshold - 1e-12 { reached = true }
            }
            rows.append(ParetoRow(rank: i + 1, category: bar.name, value: bar.value, share: share, cumulativeValue: running,
                                  cumulativeShare: cumulative, isVitalFew: vital, isOtherBucket: isBucket,
                                  mergedCategories: bar.merged))
        }
        if total > 0, !reached, !rows.isEmpty {
            warnings.append(ChartWarning(code: "pareto-threshold-not-reached",
                message: "The top \(vitalCount) categories reach only part of the \(Int((threshold * 100).rounded()))% threshold; the rest is merged."))
        }
        self.rows = rows
        self.total = total
        self.vitalFewCount = vitalCount
        self.vitalFewShare = rows.prefix(vitalCount).last?.cumulativeShare ?? 0
        self.threshold = threshold
        self.warnings = warnings
    }

    /// Analysis of one label per occurrence (e.g. one row per ticket): categories by count.
    public static func counting(_ labels: [String], options: ParetoOptions = .init()) -> ParetoAnalysis {
        ParetoAnalysis(categories: labels.map { ParetoCategory(name: $0, value: 1) }, options: options)
    }

    /// Analysis by weight (e.g. handling minutes per ticket category); labels and weights pair by position.
    public static func weighting(_ labels: [String], weights: [Double], options: ParetoOptions = .init()) -> ParetoAnalysis {
        var result = ParetoAnalysis(categories: zip(labels, weights).map { ParetoCategory(name: $0, value: $1) },
                                    options: options)
        if labels.count != weights.count {
            result.warnings.append(ChartWarning(code: "pareto-length-mismatch",
                message: "\(labels.count) labels and \(weights.count) weights; unpaired entries ignored."))
        }
        return result
    }
}
