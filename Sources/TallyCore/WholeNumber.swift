/// Safe conversion of user-supplied numbers to `Int`: `Int(x)` traps on NaN, infinities and magnitudes past
/// `Int.max`, and a spreadsheet value of 1e300 must give an error value or a skipped row, never a crash.
extension Int {
    /// The largest magnitude converted (2⁵³): past it doubles are no longer whole-number exact.
    public static let wholeNumberLimit: Double = 9_007_199_254_740_992

    /// `x` rounded by `rule`, or nil when `x` is NaN, infinite or beyond ±2⁵³.
    public init?(rounding x: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        let whole = x.rounded(rule)
        guard whole.isFinite, abs(whole) <= Int.wholeNumberLimit else { return nil }
        self.init(whole)
    }

    /// `x` rounded by `rule` and saturated to ±2⁵³ (NaN as 0): for paths that must go on with some whole number.
    public init(clampingRounded x: Double, _ rule: FloatingPointRoundingRule = .down) {
        guard !x.isNaN else { self = 0; return }
        self.init(Swift.min(Swift.max(x.rounded(rule), -Int.wholeNumberLimit), Int.wholeNumberLimit))
    }
}
