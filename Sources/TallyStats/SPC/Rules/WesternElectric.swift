// Western Electric zone rules 1–4.

/// Western Electric Statistical Quality Control Handbook (1956), rules 1–4 (qcc `WER`).
enum WesternElectricRules {
    /// Evaluates the four Western Electric rules on one segment.
    static func evaluate(_ points: [RulePoint], parameters: RuleSet) -> [ControlChartSignal] {
        RulePatterns.beyondLimits(points, rule: "we.1", description: "1 point beyond the 3σ limits")
            + RulePatterns.kOfM(points, k: 2, m: 3, zone: 2, wholeWindowSameSide: false, rule: "we.2",
                                description: "2 of 3 points in a row beyond 2σ on the same side")
            + RulePatterns.kOfM(points, k: 4, m: 5, zone: 1, wholeWindowSameSide: false, rule: "we.3",
                                description: "4 of 5 points in a row beyond 1σ on the same side")
            + RulePatterns.runs(points, length: parameters.shiftLength, rule: "we.4",
                                description: "\(parameters.shiftLength) points in a row on the same side of the centre line")
    }
}
