// Anhøj run-chart rules: unusually long runs and unusually few crossings of the centre line.

import Foundation

/// Anhøj, Olesen (2014, PLoS ONE 9:e113825) runs analysis with the critical values of qicharts2.
///
/// Useful observations are the non-excluded points not on the centre line. A signal is raised when the
/// longest run exceeds round(log2(n) + 3) or the number of crossings is below qbinom(0.05, n − 1, 0.5).
/// The longest-run signal flags every point of each run longer than the maximum; the crossings signal flags
/// every useful point of the segment (it is a property of the whole series).
public enum AnhoejRules {
    /// Upper limit for the longest run with `useful` useful observations: round(log2(n) + 3).
    public static func longestRunMaximum(useful n: Int) -> Int {
        guard n > 0 else { return 0 }
        return Int((log2(Double(n)) + 3).rounded(.toNearestOrEven))
    }

    /// Lower limit for the number of crossings: qbinom(0.05, n − 1, 0.5).
    public static func crossingsMinimum(useful n: Int) -> Int {
        guard n > 1 else { return 0 }
        return SPCMath.binomialHalfQuantile(0.05, size: n - 1)
    }

    /// Runs analysis and signals for one segment of points.
    public static func evaluate(_ points: [RulePoint]) -> (analysis: RunsAnalysis, signals: [ControlChartSignal]) {
        let observed = RulePatterns.sequence(points)
        let useful = observed.filter { $0.side != 0 }
        // Runs as (start, length) over `useful`.
        var runs: [(start: Int, length: Int)] = []
        for (i, p) in useful.enumerated() {
            if let last = runs.last, useful[last.start].side == p.side {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((i, 1))
            }
        }
        let n = useful.count
        let longest = runs.map(\.length).max() ?? 0
        let crossings = max(0, runs.count - 1)
        let maxRun = longestRunMaximum(useful: n)
        let minCross = crossingsMinimum(useful: n)
        let phase = points.first?.phase ?? 0
        var signals: [ControlChartSignal] = []
        if n > 0 {
            for run in runs where run.length > maxRun {
                let members = useful[run.start..<(run.start + run.length)]
                signals.append(ControlChartSignal(
                    rule: "anhoej.longest-run",
                    description: "Run of \(run.length) points on one side of the centre line (limit \(maxRun))",
                    points: members.map(\.index), completingPoints: [useful[run.start + maxRun].index],
                    direction: useful[run.start].side > 0 ? .high : .low, phase: useful[run.start].phase))
            }
            if crossings < minCross {
                signals.append(ControlChartSignal(
                    rule: "anhoej.crossings",
                    description: "\(crossings) crossings of the centre line (minimum \(minCross))",
                    points: useful.map(\.index), completingPoints: [], direction: nil, phase: phase))
            }
        }
        let analysis = RunsAnalysis(
            phase: phase, observations: observed.count, usefulObservations: n, longestRun: longest,
            longestRunMaximum: maxRun, crossings: crossings, crossingsMinimum: minCross, signal: !signals.isEmpty)
        return (analysis, signals)
    }
}
