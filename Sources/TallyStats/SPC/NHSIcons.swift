// NHS Making Data Count summaries: the variation icon and the assurance icon.

/// Which way is better for the KPI.
public enum ImprovementDirection: String, Sendable, Codable, Equatable {
    /// Higher is better (e.g. first-contact resolution).
    case increase
    /// Lower is better (e.g. handling time, complaints).
    case decrease
    /// Neither direction is better: special causes are only "neutral".
    case neutral
}

/// Classification of one point, as NHSRplotthedots colours it.
public enum NHSPointType: String, Sendable, Codable, Equatable {
    /// Not part of any signal.
    case commonCause = "common-cause"
    /// Part of a signal in the improvement direction.
    case specialCauseImprovement = "special-cause-improvement"
    /// Part of a signal against the improvement direction.
    case specialCauseConcern = "special-cause-concern"
    /// Part of a signal when no direction is better.
    case specialCauseNeutral = "special-cause-neutral"
}

/// The variation icon: what the most recent point says about the process.
public enum NHSVariationIcon: String, Sendable, Codable, Equatable {
    /// Common-cause variation only.
    case commonCause = "common-cause"
    /// Special cause, improving (high with increase is better, low with decrease is better).
    case specialCauseImproving = "special-cause-improving"
    /// Special cause, concerning.
    case specialCauseConcerning = "special-cause-concerning"
    /// Special cause where neither direction is better.
    case specialCauseNeither = "special-cause-neither"
}

/// The assurance icon: can the process be relied on to meet the target?
public enum NHSAssuranceIcon: String, Sendable, Codable, Equatable {
    /// The target lies within the process limits: it will be met and missed at random ("hit and miss").
    case inconsistent
    /// The target lies beyond the limits on the good side: the process consistently meets it.
    case consistentlyMet = "consistently-met"
    /// The target lies beyond the limits on the bad side: the process consistently misses it.
    case consistentlyMissed = "consistently-missed"
}

/// NHS Making Data Count summary of a chart.
public struct NHSSummary: Sendable, Codable, Equatable {
    /// Classification of every point.
    public var pointTypes: [NHSPointType]
    /// Variation icon from the most recent point with a value; nil when there is none.
    public var variation: NHSVariationIcon?
    /// Assurance icon from the most recent limits; nil without a target, limits, or a better direction.
    public var assurance: NHSAssuranceIcon?
}

extension SPC {
    /// NHS Making Data Count icons for a chart result (normally computed with the `nhs` rule set).
    ///
    /// A point is special cause when any signal includes it. Its direction is the signal's (above/below the
    /// centre, rising/falling for trends); when signals of both directions include it, its side of the centre
    /// line decides. The variation icon classifies the last point with a value. The assurance icon compares the
    /// target with the last point's limits: strictly inside or on a limit → inconsistent; beyond on the good
    /// side → consistently met; beyond on the bad side → consistently missed.
    public static func nhsSummary(_ result: ControlChartResult, improvement: ImprovementDirection,
                                  target: Double? = nil) -> NHSSummary {
        var directions = [Set<SignalDirection>](repeating: [], count: result.points.count)
        var special = [Bool](repeating: false, count: result.points.count)
        for s in result.signals {
            for i in s.points where i < special.count {
                special[i] = true
                if let d = s.direction { directions[i].insert(d) }
            }
        }
        let types: [NHSPointType] = result.points.indices.map { i in
            guard special[i] else { return .commonCause }
            guard improvement != .neutral else { return .specialCauseNeutral }
            let point = result.points[i]
            var direction: SignalDirection?
            if directions[i].count == 1 { direction = directions[i].first } else if let v = point.value, let c = point.centre {
                direction = v > c ? .high : (v < c ? .low : nil)
            }
            guard let direction else { return .specialCauseNeutral }
            let good = (direction == .high) == (improvement == .increase)
            return good ? .specialCauseImprovement : .specialCauseConcern
        }
        let last = result.points.lastIndex { $0.value != nil }
        let variation: NHSVariationIcon? = last.map { i in
            switch types[i] {
            case .commonCause: return .commonCause
            case .specialCauseImprovement: return .specialCauseImproving
            case .specialCauseConcern: return .specialCauseConcerning
            case .specialCauseNeutral: return .specialCauseNeither
            }
        }
        var assurance: NHSAssuranceIcon?
        if let target, improvement != .neutral, let band = result.points.last(where: { $0.band != nil })?.band {
            if target > band.upperLimit {
                assurance = improvement == .increase ? .consistentlyMissed : .consistentlyMet
            } else if target < band.lowerLimit {
                assurance = improvement == .increase ? .consistentlyMet : .consistentlyMissed
            } else {
                assurance = .inconsistent
            }
        }
        return NHSSummary(pointTypes: types, variation: variation, assurance: assurance)
    }
}
