// Named, versioned rule sets and the point sequence they are evaluated on.

/// One point as the rules see it: value, centre line, band, and whether it was excluded from the limits.
public struct RulePoint: Sendable, Equatable {
    /// 0-based index of the point in the chart.
    public var index: Int
    /// Plotted value.
    public var value: Double
    /// Centre line at the point.
    public var centre: Double
    /// Limits and zone lines (nil for run charts: limit- and zone-based rules then find nothing).
    public var band: ControlBand?
    /// Excluded points are tested against the limits but skipped by run, trend and zone-window rules.
    public var excluded: Bool
    /// Phase of the point (carried into signals).
    public var phase: Int

    /// A rule point from its parts.
    public init(index: Int, value: Double, centre: Double, band: ControlBand?, excluded: Bool = false, phase: Int = 0) {
        self.index = index
        self.value = value
        self.centre = centre
        self.band = band
        self.excluded = excluded
        self.phase = phase
    }

    /// +1 above the centre, −1 below, 0 on it (a point on the centre line breaks runs).
    var side: Int { value > centre ? 1 : (value < centre ? -1 : 0) }
}

/// A named, versioned set of detection rules with its parameters.
///
/// Rule ids are stable strings used in results.json: `nhs.astronomical`, `nhs.shift`, `nhs.trend`,
/// `nhs.two-of-three`; `we.1` … `we.4`; `nelson.1` … `nelson.8`; `anhoej.longest-run`, `anhoej.crossings`.
/// All limit comparisons are strict: a point exactly on a limit or zone line is not beyond it.
/// Rules are evaluated within a segment (a phase whose limits were calculated, plus the phases that extend
/// them); runs, trends and zone windows never span a recalculation. Excluded points are still tested by the
/// beyond-the-limits rules but skipped by every sequence rule.
public struct RuleSet: Sendable, Codable, Equatable {
    /// The rule families Tally knows.
    public enum Name: String, Sendable, Codable, Equatable, CaseIterable {
        /// NHS Making Data Count: astronomical point, shift, trend, two of three near the limits.
        case nhs
        /// Western Electric Handbook (1956) zone rules 1–4.
        case westernElectric = "western-electric"
        /// Nelson (1984) rules 1–8.
        case nelson
        /// Anhøj run-chart rules: longest run and number of crossings.
        case anhoej
    }

    /// Family.
    public var name: Name
    /// Version of the definition; bumped whenever a default parameter or the semantics change.
    public var version: Int
    /// Points in a run on one side of the centre that make a shift (NHS 7, WE 8, Nelson 9).
    public var shiftLength: Int
    /// Points in a strictly monotone run that make a trend (NHS 7, Nelson 6).
    public var trendLength: Int
    /// NHS two-of-three: require all three points on the same side of the centre (NHSRplotthedots: true).
    /// false gives PowerBI-SPC's variant: only the two beyond points count, and the shorter windows at the
    /// start of a segment count too.
    public var twoOfThreeRequiresSameSide: Bool

    /// A rule set with explicit parameters.
    public init(name: Name, version: Int = 1, shiftLength: Int, trendLength: Int, twoOfThreeRequiresSameSide: Bool = true) {
        self.name = name
        self.version = version
        self.shiftLength = shiftLength
        self.trendLength = trendLength
        self.twoOfThreeRequiresSameSide = twoOfThreeRequiresSameSide
    }

    /// NHS Making Data Count (NHSRplotthedots defaults): shift 7, trend 7, two of three beyond 2σ.
    public static let nhs = RuleSet(name: .nhs, shiftLength: 7, trendLength: 7, twoOfThreeRequiresSameSide: true)
    /// Western Electric rules 1–4 (8 in a row for rule 4).
    public static let westernElectric = RuleSet(name: .westernElectric, shiftLength: 8, trendLength: 0)
    /// Nelson rules 1–8 (9 in a row, 6 rising or falling).
    public static let nelson = RuleSet(name: .nelson, shiftLength: 9, trendLength: 6)
    /// Anhøj run-chart rules.
    public static let anhoej = RuleSet(name: .anhoej, shiftLength: 0, trendLength: 0)

    /// The registered default of a family.
    public static func named(_ name: Name) -> RuleSet {
        switch name {
        case .nhs: return .nhs
        case .westernElectric: return .westernElectric
        case .nelson: return .nelson
        case .anhoej: return .anhoej
        }
    }

    /// "name@version", as recorded in results.json.
    public var identifier: String { "\(name.rawValue)@\(version)" }

    /// Evaluates the rules on one segment of points (in chart order).
    public func evaluate(_ points: [RulePoint]) -> [ControlChartSignal] {
        switch name {
        case .nhs: return NHSRules.evaluate(points, parameters: self)
        case .westernElectric: return WesternElectricRules.evaluate(points, parameters: self)
        case .nelson: return NelsonRules.evaluate(points, parameters: self)
        case .anhoej: return AnhoejRules.evaluate(points).signals
        }
    }
}
