// Pattern detectors shared by the rule sets: beyond limits, runs on one side, trends, k-of-m zone windows.

/// Building blocks for the rule sets; each returns signals with both flagging semantics filled in.
enum RulePatterns {
    /// The sequence rules work on: non-excluded points only.
    static func sequence(_ points: [RulePoint]) -> [RulePoint] { points.filter { !$0.excluded } }

    /// Every point strictly beyond the control limits (excluded points included), one signal per point.
    static func beyondLimits(_ points: [RulePoint], rule: String, description: String) -> [ControlChartSignal] {
        points.compactMap { p in
            guard let band = p.band else { return nil }
            let direction: SignalDirection? = p.value > band.upperLimit ? .high : (p.value < band.lowerLimit ? .low : nil)
            guard let direction else { return nil }
            return ControlChartSignal(rule: rule, description: description, points: [p.index],
                                      completingPoints: [p.index], direction: direction, phase: p.phase)
        }
    }

    /// Maximal runs of at least `length` consecutive points on one side of the centre line.
    static func runs(_ points: [RulePoint], length: Int, rule: String, description: String) -> [ControlChartSignal] {
        guard length > 0 else { return [] }
        let seq = sequence(points)
        var signals: [ControlChartSignal] = []
        var start = 0
        while start < seq.count {
            let side = seq[start].side
            var end = start
            while end + 1 < seq.count, side != 0, seq[end + 1].side == side { end += 1 }
            let run = Array(seq[start...end])
            if side != 0, run.count >= length {
                signals.append(ControlChartSignal(
                    rule: rule, description: description, points: run.map(\.index),
                    completingPoints: run[(length - 1)...].map(\.index), direction: side > 0 ? .high : .low,
                    phase: run[0].phase))
            }
            start = end + 1
        }
        return signals
    }

    /// Maximal strictly rising or falling runs of at least `length` points (a tie ends the run).
    static func trends(_ points: [RulePoint], length: Int, rule: String, description: String) -> [ControlChartSignal] {
        guard length > 1 else { return [] }
        let seq = sequence(points)
        guard seq.count >= length else { return [] }
        var signals: [ControlChartSignal] = []
        var start = 0
        while start + 1 < seq.count {
            let step = seq[start + 1].value - seq[start].value
            guard step != 0 else { start += 1; continue }
            var end = start + 1
            while end + 1 < seq.count, (seq[end + 1].value - seq[end].value) * step > 0 { end += 1 }
            let run = Array(seq[start...end])
            if run.count >= length {
                signals.append(ControlChartSignal(
                    rule: rule, description: description, points: run.map(\.index),
                    completingPoints: run[(length - 1)...].map(\.index), direction: step > 0 ? .high : .low,
                    phase: run[0].phase))
            }
            // Consecutive monotone runs share their turning point.
            start = end
        }
        return signals
    }

    /// Zone lines of a point at 1σ or 2σ.
    private static func beyondZone(_ p: RulePoint, zone: Int, side: Int) -> Bool {
        guard let b = p.band else { return false }
        let (lower, upper) = zone == 1 ? (b.lower1Sigma, b.upper1Sigma) : (b.lower2Sigma, b.upper2Sigma)
        return side > 0 ? p.value > upper : p.value < lower
    }

    /// k of m consecutive points beyond the `zone`σ line on the same side.
    ///
    /// A window qualifies when at least `k` of its `m` points are beyond the line on one side (and, with
    /// `wholeWindowSameSide`, all `m` points are on that side of the centre). `points` collects the beyond points
    /// of qualifying windows; `completingPoints` the window ends that are themselves beyond (qcc semantics).
    /// With `partialLeadingWindows`, windows shorter than m at the start of the segment also count (PowerBI-SPC).
    static func kOfM(_ points: [RulePoint], k: Int, m: Int, zone: Int, wholeWindowSameSide: Bool,
                     partialLeadingWindows: Bool = false, rule: String, description: String) -> [ControlChartSignal] {
        let seq = sequence(points)
        var signals: [ControlChartSignal] = []
        for side in [1, -1] {
            var groups: [(points: Set<Int>, completing: [Int], last: Int, phase: Int)] = []
            let firstEnd = partialLeadingWindows ? 0 : m - 1
            guard seq.count > firstEnd else { continue }
            for end in firstEnd..<seq.count {
                let window = seq[max(0, end - m + 1)...end]
                let beyond = window.filter { beyondZone($0, zone: zone, side: side) }
                guard beyond.count >= k else { continue }
                if wholeWindowSameSide, window.contains(where: { $0.side != side }) { continue }
                let windowStart = max(0, end - m + 1)
                let completing = beyondZone(seq[end], zone: zone, side: side) ? [seq[end].index] : []
                if let lastIdx = groups.indices.last, groups[lastIdx].last >= windowStart - 1 {
                    groups[lastIdx].points.formUnion(beyond.map(\.index))
                    groups[lastIdx].completing += completing
                    groups[lastIdx].last = end
                } else {
                    groups.append((Set(beyond.map(\.index)), completing, end, seq[windowStart].phase))
                }
            }
            for g in groups {
                signals.append(ControlChartSignal(
                    rule: rule, description: description, points: g.points.sorted(), completingPoints: g.completing,
                    direction: side > 0 ? .high : .low, phase: g.phase))
            }
        }
        return signals.sorted { ($0.points.first ?? 0) < ($1.points.first ?? 0) }
    }

    /// Maximal stretches where every window of `m` consecutive points satisfies `predicate`; merged into signals.
    static func windows(_ points: [RulePoint], m: Int, rule: String, description: String,
                        predicate: (ArraySlice<RulePoint>) -> Bool) -> [ControlChartSignal] {
        let seq = sequence(points)
        guard m > 0, seq.count >= m else { return [] }
        var signals: [ControlChartSignal] = []
        var current: (start: Int, last: Int, completing: [Int])?
        for end in (m - 1)..<seq.count {
            let start = end - m + 1
            guard predicate(seq[start...end]) else { continue }
            if var c = current, c.last >= start - 1 {
                c.last = end
                c.completing.append(seq[end].index)
                current = c
            } else {
                if let c = current { signals.append(make(seq, c, rule, description)) }
                current = (start, end, [seq[end].index])
            }
        }
        if let c = current { signals.append(make(seq, c, rule, description)) }
        return signals
    }

    private static func make(_ seq: [RulePoint], _ c: (start: Int, last: Int, completing: [Int]),
                             _ rule: String, _ description: String) -> ControlChartSignal {
        ControlChartSignal(rule: rule, description: description, points: seq[c.start...c.last].map(\.index),
                           completingPoints: c.completing, direction: nil, phase: seq[c.start].phase)
    }
}
