// Phases: change points where limits are recalculated, or after which baseline limits are frozen and extended.

/// What happens to the limits at the start of a phase.
public enum PhaseLimits: String, Sendable, Codable, Equatable {
    /// Centre line and limits are recalculated from this phase's own (non-excluded) points.
    case recalculate
    /// The previous phase's centre line and σ are frozen and extended over this phase (baseline → monitoring).
    case extendPrevious = "extend-previous"
}

/// One phase of a chart: where it starts, what it is called, why it exists, and how its limits are set.
public struct ChartPhase: Sendable, Codable, Equatable {
    /// 0-based index of the first point of the phase.
    public var start: Int
    /// Label shown on the chart ("Baseline", "After new triage script").
    public var label: String
    /// Why the process is expected to differ from here on (the change made), if given.
    public var reason: String?
    /// Whether limits are recalculated or carried over from the previous phase.
    public var limits: PhaseLimits

    /// A phase starting at `start`.
    public init(start: Int, label: String, reason: String? = nil, limits: PhaseLimits = .recalculate) {
        self.start = start
        self.label = label
        self.reason = reason
        self.limits = limits
    }
}

/// Resolved phase layout: ranges, and which calculated phase supplies each phase's limits.
struct PhasePlan {
    /// One resolved phase.
    struct Entry {
        var definition: ChartPhase
        var range: Range<Int>
        /// Index (in `entries`) of the phase whose points determine the limits.
        var limitSource: Int
    }

    var entries: [Entry]
    var warnings: [ChartWarning]

    /// Sorts and validates the phases against `count` points; an implicit first phase covers any leading points.
    init(phases: [ChartPhase], count: Int) {
        var warnings: [ChartWarning] = []
        var defs = phases.sorted { $0.start < $1.start }
        var seen = Set<Int>()
        defs = defs.filter { phase in
            guard phase.start >= 0, phase.start < max(count, 1) else {
                warnings.append(.init(code: "phase-out-of-range",
                    message: "Phase \"\(phase.label)\" starts at point \(phase.start + 1), outside the \(count) points; ignored."))
                return false
            }
            guard seen.insert(phase.start).inserted else {
                warnings.append(.init(code: "phase-duplicate-start",
                    message: "Phase \"\(phase.label)\" starts at the same point as another phase; ignored."))
                return false
            }
            return true
        }
        if defs.first?.start != 0 {
            let label = defs.isEmpty ? "All points" : "Before \(defs[0].label)"
            defs.insert(ChartPhase(start: 0, label: label), at: 0)
        }
        if defs[0].limits == .extendPrevious {
            warnings.append(.init(code: "phase-nothing-to-extend",
                message: "The first phase \"\(defs[0].label)\" has no earlier limits to extend; recalculated instead."))
            defs[0].limits = .recalculate
        }
        var entries: [Entry] = []
        for (i, def) in defs.enumerated() {
            let end = i + 1 < defs.count ? defs[i + 1].start : count
            let source = def.limits == .recalculate ? i : entries[i - 1].limitSource
            entries.append(Entry(definition: def, range: def.start..<max(def.start, end), limitSource: source))
        }
        self.entries = entries
        self.warnings = warnings
    }

    /// Phase index of each point.
    func phaseIndex(count: Int) -> [Int] {
        var result = [Int](repeating: 0, count: count)
        for (i, e) in entries.enumerated() { for j in e.range { result[j] = i } }
        return result
    }
}
