// NHS Making Data Count rules (as implemented by NHSRplotthedots).

/// NHS Making Data Count: astronomical point, shift, trend, two of three beyond 2σ.
enum NHSRules {
    /// Evaluates the four NHS rules on one segment.
    static func evaluate(_ points: [RulePoint], parameters: RuleSet) -> [ControlChartSignal] {
        let shift = parameters.shiftLength, trend = parameters.trendLength
        return RulePatterns.beyondLimits(points, rule: "nhs.astronomical",
                                         description: "A point outside the process limits")
            + RulePatterns.runs(points, length: shift, rule: "nhs.shift",
                                description: "\(shift) or more points in a row on the same side of the centre line")
            + RulePatterns.trends(points, length: trend, rule: "nhs.trend",
                                  description: "\(trend) or more points in a row all rising or all falling")
            + RulePatterns.kOfM(points, k: 2, m: 3, zone: 2, wholeWindowSameSide: parameters.twoOfThreeRequiresSameSide,
                                partialLeadingWindows: !parameters.twoOfThreeRequiresSameSide,
                                rule: "nhs.two-of-three",
                                description: "2 of 3 points in a row beyond the 2σ line on the same side")
    }
}
