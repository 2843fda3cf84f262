/// Whether `actual` is within `rel` relative error of `expected` (values below 1e-300 in magnitude count as
/// equal to each other: they are beyond what a double can compare relatively).
func isClose(_ actual: Double, _ expected: Double, rel: Double) -> Bool {
    if actual == expected { return true }
    if !actual.isFinite || !expected.isFinite { return false }
    if abs(actual) < 1e-300 && abs(expected) < 1e-300 { return true }
    return abs(actual - expected) <= rel * max(abs(actual), abs(expected))
}

/// Whether `actual` is present and within `rel` relative error of `expected`.
func isClose(_ actual: Double?, _ expected: Double, rel: Double) -> Bool {
    guard let actual else { return false }
    return isClose(actual, expected, rel: rel)
}

/// The relative error of `actual` against `expected` (for failure messages).
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 0 }
    return abs(actual - expected) / max(abs(actual), abs(expected))
}

/// A small deterministic generator (SplitMix64) for property tests against brute-force oracles.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    /// Seeds the generator.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
