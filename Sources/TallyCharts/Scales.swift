/// Maps a numeric domain linearly onto a pixel range (ranges may run backwards, e.g. y up the page).
public struct LinearScale: Sendable, Hashable {
    /// Data interval.
    public var domain: ClosedRange<Double>
    /// Start of the output range (maps `domain.lowerBound`).
    public var rangeStart: Double
    /// End of the output range (maps `domain.upperBound`).
    public var rangeEnd: Double
    /// Tick values (inside the domain).
    public var ticks: [Double]

    /// A scale whose domain is widened to nice ticks enclosing `values` (and `includeZero` if asked).
    public static func nice(
        values: [Double], includeZero: Bool, rangeStart: Double, rangeEnd: Double, tickCount: Int = 5, clampUnit: Bool = false,
        duration: Bool = false
    ) -> LinearScale {
        var finite = values.filter(\.isFinite)
        if includeZero { finite.append(0) }
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        var ticks = duration
            ? NiceTicks.durationTicks(min: low, max: high, count: tickCount) : NiceTicks.ticks(min: low, max: high, count: tickCount)
        if clampUnit {
            // Proportions never need ticks below 0% or above 100%.
            ticks = ticks.filter { $0 >= -1e-9 && $0 <= 1 + 1e-9 }
            if ticks.count < 2 { ticks = [0, 1] }
        }
        let lower = Swift.min(ticks.first ?? low, low), upper = Swift.max(ticks.last ?? high, high)
        return LinearScale(domain: lower...Swift.max(upper, lower + 1e-9), rangeStart: rangeStart, rangeEnd: rangeEnd, ticks: ticks)
    }

    /// Creates a scale with explicit ticks.
    public init(domain: ClosedRange<Double>, rangeStart: Double, rangeEnd: Double, ticks: [Double]) {
        self.domain = domain
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        self.ticks = ticks
    }

    /// The output position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domain.lowerBound) / span * (rangeEnd - rangeStart)
    }

    /// Spacing between ticks (0 for fewer than two ticks).
    public var tickStep: Double { ticks.count >= 2 ? ticks[1] - ticks[0] : 0 }
}

/// Places categories in equal bands along an axis, with inner and outer padding.
public struct BandScale: Sendable, Hashable {
    /// Number of categories.
    public var count: Int
    /// Start of the output range.
    public var rangeStart: Double
    /// End of the output range.
    public var rangeEnd: Double
    /// Fraction of each step left empty between bands (0…1).
    public var padding: Double

    /// Creates a band scale.
    public init(count: Int, rangeStart: Double, rangeEnd: Double, padding: Double = 0.3) {
        self.count = Swift.max(1, count)
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        self.padding = padding
    }

    /// Distance from one band's start to the next.
    public var step: Double { (rangeEnd - rangeStart) / (Double(count) + padding) }
    /// Width of a band.
    public var bandwidth: Double { step * (1 - padding) }
    /// Start of band `index`.
    public func start(_ index: Int) -> Double { rangeStart + step * padding + Double(index) * step }
    /// Centre of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
