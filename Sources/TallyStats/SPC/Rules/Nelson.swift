// Nelson's eight rules.

/// Nelson (1984, J. Quality Technology 16:237) rules 1–8 (qcc `nelson` semantics for completing points).
enum NelsonRules {
    /// Evaluates the eight Nelson rules on one segment.
    static func evaluate(_ points: [RulePoint], parameters: RuleSet) -> [ControlChartSignal] {
        let shift = parameters.shiftLength, trend = parameters.trendLength
        var signals = RulePatterns.beyondLimits(points, rule: "nelson.1", description: "1 point beyond the 3σ limits")
        signals += RulePatterns.runs(points, length: shift, rule: "nelson.2",
                                     description: "\(shift) points in a row on the same side of the centre line")
        signals += RulePatterns.trends(points, length: trend, rule: "nelson.3",
                                       description: "\(trend) points in a row steadily increasing or decreasing")
        signals += RulePatterns.windows(points, m: 14, rule: "nelson.4",
                                        description: "14 points in a row alternating up and down") { w in
            let v = w.map(\.value)
            for i in 2..<v.count where (v[i] - v[i - 1]) * (v[i - 1] - v[i - 2]) >= 0 { return false }
            return true
        }
        signals += RulePatterns.kOfM(points, k: 2, m: 3, zone: 2, wholeWindowSameSide: false, rule: "nelson.5",
                                     description: "2 of 3 points in a row beyond 2σ on the same side")
        signals += RulePatterns.kOfM(points, k: 4, m: 5, zone: 1, wholeWindowSameSide: false, rule: "nelson.6",
                                     description: "4 of 5 points in a row beyond 1σ on the same side")
        signals += RulePatterns.windows(points, m: 15, rule: "nelson.7",
                                        description: "15 points in a row within 1σ of the centre line") { w in
            w.allSatisfy { p in p.band.map { p.value > $0.lower1Sigma && p.value < $0.upper1Sigma } ?? false }
        }
        signals += RulePatterns.windows(points, m: 8, rule: "nelson.8",
                                        description: "8 points in a row beyond 1σ, on both sides of the centre line") { w in
            var high = false, low = false
            for p in w {
                guard let b = p.band else { return false }
                if p.value > b.upper1Sigma { high = true } else if p.value < b.lower1Sigma { low = true } else { return false }
            }
            return high && low
        }
        return signals
    }
}
