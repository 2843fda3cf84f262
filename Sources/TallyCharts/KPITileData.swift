import TallyCore

/// NHS "Making Data Count" variation icon: what the SPC chart says about the measure's latest behaviour.
public enum VariationIcon: String, Sendable, Hashable, Codable, CaseIterable {
    case commonCause, improvementHigh, improvementLow, concernHigh, concernLow, neitherHigh, neitherLow, none

    /// Words under the icon (and in alt text).
    public var caption: String {
        switch self {
        case .commonCause: return "Common cause variation"
        case .improvementHigh: return "Improvement (higher)"
        case .improvementLow: return "Improvement (lower)"
        case .concernHigh: return "Concern (higher)"
        case .concernLow: return "Concern (lower)"
        case .neitherHigh: return "Special cause (higher)"
        case .neitherLow: return "Special cause (lower)"
        case .none: return ""
        }
    }

    /// Two words at most, for the narrow column under a tile's icons.
    public var shortCaption: String {
        switch self {
        case .commonCause: return "Common cause"
        case .improvementHigh, .improvementLow: return "Improving"
        case .concernHigh, .concernLow: return "Concerning"
        case .neitherHigh, .neitherLow: return "Special cause"
        case .none: return ""
        }
    }
}

/// NHS "Making Data Count" assurance icon: whether the process will meet its target.
public enum AssuranceIcon: String, Sendable, Hashable, Codable, CaseIterable {
    case pass, fail, hitOrMiss, none

    /// Words under the icon (and in alt text).
    public var caption: String {
        switch self {
        case .pass: return "Consistently meets target"
        case .fail: return "Consistently misses target"
        case .hitOrMiss: return "Hit and miss on target"
        case .none: return ""
        }
    }

    /// Two words at most, for the narrow column under a tile's icons.
    public var shortCaption: String {
        switch self {
        case .pass: return "Meets target"
        case .fail: return "Misses target"
        case .hitOrMiss: return "Hit and miss"
        case .none: return ""
        }
    }
}

/// Data for a KPI tile: the latest value, its change, a sparkline and the NHS variation and assurance icons.
public struct KPITileData: Sendable, Hashable, Codable {
    /// The headline value.
    public var value: Double?
    /// Value format.
    public var format: ValueFormat
    /// Decimals of the value and change.
    public var decimals: Int
    /// Locale.
    public var locale: ReportLocale
    /// Change against the comparison (same unit as the value; percentages shown as points).
    public var change: Double?
    /// What the change is against, e.g. "vs baseline".
    public var changeLabel: String
    /// Which direction is better (colours the change).
    public var improvementDirection: ImprovementDirection
    /// Recent values for the sparkline (nil = missing).
    public var sparkline: [Double?]
    /// Target (dashed in the sparkline).
    public var target: Double?
    /// Variation icon.
    public var variation: VariationIcon
    /// Assurance icon.
    public var assurance: AssuranceIcon

    /// Creates the model.
    public init(
        value: Double?, format: ValueFormat, decimals: Int, locale: ReportLocale = .enGB, change: Double? = nil,
        changeLabel: String = "vs baseline", improvementDirection: ImprovementDirection, sparkline: [Double?] = [],
        target: Double? = nil, variation: VariationIcon = .none, assurance: AssuranceIcon = .none
    ) {
        self.value = value
        self.format = format
        self.decimals = decimals
        self.locale = locale
        self.change = change
        self.changeLabel = changeLabel
        self.improvementDirection = improvementDirection
        self.sparkline = sparkline
        self.target = target
        self.variation = variation
        self.assurance = assurance
    }

    /// The change as people read it: "+6.1 points" for percentages, "−0m 45s" for durations, "+1.2" otherwise.
    public var changeText: String? {
        guard let change, change.isFinite else { return nil }
        if format == .percent { return ValueFormatter.points(change, decimals: decimals, locale: locale) }
        return ValueFormatter.format(change, as: format, decimals: decimals, locale: locale, signed: true)
    }
}
