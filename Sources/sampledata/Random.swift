import Foundation

/// A seeded xoshiro256** generator (state seeded through SplitMix64) with the samplers the datasets need.
///
/// Never the system RNG: the same seed gives the same sequence on every platform, so the generated files are
/// byte-identical across runs and machines.
struct Random: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator for one named stream of a seed, so each dataset draws independently of the others.
    init(seed: UInt64, stream: String) {
        // FNV-1a over the stream name, mixed into the seed.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var state = seed ^ hash
        s0 = Random.splitMix(&state)
        s1 = Random.splitMix(&state)
        s2 = Random.splitMix(&state)
        s3 = Random.splitMix(&state)
    }

    /// One step of SplitMix64, used only to expand a seed into the xoshiro state.
    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Rotates left by `k` bits.
    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    @inline(__always) mutating func next() -> UInt64 {
        let result = Random.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Random.rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always) mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }

    /// A uniform integer in 0..<n (n > 0), by the multiply-high method.
    @inline(__always) mutating func int(below n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(max(1, n))).high)
    }

    /// A uniform integer in the closed range.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + int(below: range.count) }

    /// True with probability `p`.
    @inline(__always) mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// A standard normal deviate (Marsaglia's polar method; only `log` and `sqrt`, no trigonometry).
    mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0, s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// A normal deviate with the given mean and standard deviation.
    mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// A lognormal deviate given its median (e^µ) and the standard deviation σ of its logarithm.
    mutating func logNormal(median: Double, sigma: Double) -> Double { median * exp(sigma * normal()) }

    /// A Poisson count: Knuth's product method, in chunks of mean ≤ 20 (a sum of Poissons is Poisson).
    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        var remaining = lambda
        var total = 0
        while remaining > 0 {
            let chunk = min(remaining, 20)
            remaining -= chunk
            let limit = exp(-chunk)
            var product = uniform()
            while product > limit {
                total += 1
                product *= uniform()
            }
        }
        return total
    }

    /// A uniformly chosen element of a non-empty array (callers pass static pools).
    mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }
}

/// Draws an index with probability proportional to fixed weights (cumulative table, binary search).
struct Categorical: Sendable {
    /// Running sums of the weights.
    let cumulative: [Double]

    /// Builds the table; negative weights count as zero.
    init(_ weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map { weight in
            sum += max(0, weight)
            return sum
        }
    }

    /// One draw: an index into the weights.
    func sample(_ rng: inout Random) -> Int {
        let total = cumulative.last ?? 0
        guard total > 0 else { return 0 }
        let target = rng.uniform() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// The logistic function 1 / (1 + e^−x).
func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// The log-odds of a probability.
func logit(_ p: Double) -> Double { log(p / (1 - p)) }

/// Clamps a value to a closed range.
func clamp<T: Comparable>(_ value: T, _ low: T, _ high: T) -> T { min(high, max(low, value)) }
