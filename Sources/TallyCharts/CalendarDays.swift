import TallyCore

/// Axis-label forms of a date (English short names, as the en-GB reports use).
extension CivilDate {
    /// Short English month names.
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date `days` after 1970-01-01.
    public init(days: Int) { self.init(daysSinceEpoch: max(-100_000_000, min(100_000_000, days))) }
    /// The date nearest to a fractional day count; non-finite values give 1970-01-01 (never a crash).
    init(dayValue x: Double) { self.init(days: x.isFinite ? Int(max(-1e8, min(1e8, x)).rounded()) : 0) }
    /// Days since 1970-01-01.
    public var days: Int { daysSinceEpoch }
    /// Day of the week, Monday = 0 … Sunday = 6.
    static func weekday(days: Int) -> Int { CivilDate(daysSinceEpoch: days).isoWeekday - 1 }

    /// "Mar".
    public var monthName: String { Self.monthAbbreviations[max(0, min(11, month - 1))] }
    /// "Mar 2025".
    public var monthYear: String { "\(monthName) \(year)" }
    /// "3 Mar".
    public var dayMonth: String { "\(day) \(monthName)" }
    /// "Q1 2025".
    public var quarterYear: String { "Q\((month - 1) / 3 + 1) \(year)" }
}
