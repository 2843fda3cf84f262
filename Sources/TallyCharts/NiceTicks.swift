#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Axis tick positions chosen by the extended Wilkinson optimiser (Talbot, Lin & Hanrahan, 2010).
///
/// It scores candidate label sets on simplicity (nice step multiples, zero included), coverage of the
/// data range, and density close to the wanted count, and returns the best set that covers the data.
public enum NiceTicks {
    private static let niceSteps: [Double] = [1, 5, 2, 2.5, 4, 3]
    private static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// Ticks covering `min…max` with about `count` labels; the first and last tick enclose the data.
    public static func ticks(min dmin: Double, max dmax: Double, count: Int = 5) -> [Double] {
        guard dmin.isFinite, dmax.isFinite else { return [0, 1] }
        var low = Swift.min(dmin, dmax), high = Swift.max(dmin, dmax)
        if high - low < 1e-12 {
            let pad = abs(low) > 0 ? abs(low) * 0.1 : 1
            low -= pad
            high += pad
        }
        let m = Double(Swift.max(2, count))
        var best: (score: Double, lmin: Double, lstep: Double, k: Int)? = nil
        var j = 1.0
        outer: while j <= 8 {
            for (index, q) in niceSteps.enumerated() {
                let sm = simplicityMax(index: index, j: j)
                if weights.simplicity * sm + weights.coverage + weights.density + weights.legibility < (best?.score ?? -2) {
                    break outer
                }
                var k = 2.0
                while k <= 14 {
                    let dm = densityMax(k: k, m: m)
                    if weights.simplicity * sm + weights.coverage + weights.density * dm + weights.legibility < (best?.score ?? -2) {
                        break
                    }
                    let delta = (high - low) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    var zTries = 0
                    while zTries < 8 {
                        zTries += 1
                        let step = j * q * pow(10, z)
                        let cm = coverageMax(low, high, span: step * (k - 1))
                        if weights.simplicity * sm + weights.coverage * cm + weights.density * dm + weights.legibility
                            < (best?.score ?? -2)
                        {
                            break
                        }
                        let minStart = floor(high / step) * j - (k - 1) * j
                        let maxStart = ceil(low / step) * j
                        if minStart <= maxStart {
                            var start = minStart
                            while start <= maxStart {
                                let lmin = start * (step / j)
                                let lmax = lmin + step * (k - 1)
                                // Loose labelling: the labels must enclose the data.
                                if lmin <= low + 1e-9 * abs(step), lmax >= high - 1e-9 * abs(step) {
                                    let s = simplicity(index: index, j: j, lmin: lmin, lmax: lmax, step: step)
                                    let c = coverage(low, high, lmin, lmax)
                                    let g = density(k: k, m: m, low, high, lmin, lmax)
                                    let score = weights.simplicity * s + weights.coverage * c + weights.density * g + weights.legibility
                                    if score > (best?.score ?? -2) { best = (score, lmin, step, Int(k)) }
                                }
                                start += 1
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let best else { return [low, high] }
        return (0..<best.k).map { i in
            let value = best.lmin + Double(i) * best.lstep
            return abs(value) < best.lstep * 1e-9 ? 0 : value
        }
    }

    /// Number of decimals needed to show ticks `step` apart without losing distinctness.
    public static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var places = 0
        var scaled = step
        while places < 6 && abs(scaled - scaled.rounded()) > 1e-6 * Swift.max(1, abs(scaled)) {
            scaled *= 10
            places += 1
        }
        return places
    }

    private static func simplicity(index: Int, j: Double, lmin: Double, lmax: Double, step: Double) -> Double {
        let n = Double(niceSteps.count)
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let includesZero = (abs(remainder) < 1e-10 || step - abs(remainder) < 1e-10) && lmin <= 0 && lmax >= 0 ? 1.0 : 0.0
        return 1 - Double(index) / (n - 1) - j + includesZero
    }

    private static func simplicityMax(index: Int, j: Double) -> Double {
        1 - Double(index) / Double(niceSteps.count - 1) - j + 1
    }

    private static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    private static func coverageMax(_ dmin: Double, _ dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        if span > range {
            let half = (span - range) / 2
            return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
        }
        return 1
    }

    private static func density(k: Double, m: Double, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (Swift.max(lmax, dmax) - Swift.min(dmin, lmin))
        return 2 - Swift.max(r / rt, rt / r)
    }

    private static func densityMax(k: Double, m: Double) -> Double { k >= m ? 2 - (k - 1) / (m - 1) : 1 }
}

extension NiceTicks {
    /// Steps that read well on a clock: seconds, minutes, hours, days.
    static let durationSteps: [Double] = [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 432_000, 864_000,
    ]

    /// Ticks for durations in seconds: whole clock steps (15 s, 1 min, 5 min, 1 h…) enclosing `min…max`, about `count` of them.
    public static func durationTicks(min dmin: Double, max dmax: Double, count: Int = 5) -> [Double] {
        guard dmin.isFinite, dmax.isFinite else { return [0, 60] }
        var low = Swift.min(dmin, dmax), high = Swift.max(dmin, dmax)
        if high - low < 1e-9 { low -= 30; high += 30 }
        var best: (score: Double, ticks: [Double])? = nil
        for step in durationSteps {
            let first = floor(low / step) * step, last = ceil(high / step) * step
            let span = (last - first) / step
            guard span.isFinite, span < 20 else { continue }
            let k = Int(span.rounded()) + 1
            guard k >= 2, k <= 12 else { continue }
            // Prefer counts near the wanted number and little empty space beyond the data.
            let coverage = (high - low) / (last - first)
            let score = 0.5 * abs(Double(k - count)) + 4 * (1 - coverage)
            if score < (best?.score ?? .infinity) { best = (score, (0..<k).map { first + Double($0) * step }) }
        }
        return best?.ticks ?? NiceTicks.ticks(min: low, max: high, count: count)
    }
}
