// Control-chart constants: d2, d3, c4 and the factors derived from them (A2, A3, B3, B4, D3, D4, E2).

import Foundation
import TallyCore

/// Bias-correction constants and limit factors for subgroup sizes, with the conventions behind each.
///
/// Choices (documented because tools differ):
/// - `d2` is the table printed to three decimals in ASTM STP 15D and Montgomery's Appendix VI (d2(2) = 1.128,
///   d2(5) = 2.326). qcc, qicharts2 and PowerBI-SPC all divide by these rounded values, so the published limits
///   are only reproduced with them. For n > 25, the exact expectation of the range (numerical integration,
///   7 decimals) continues the table.
/// - `d3` is the standard deviation of the relative range, exact to 7 decimals (d3(2) = √(2 − 4/π)).
/// - `c4` is exact: √(2/(n−1)) Γ(n/2) / Γ((n−1)/2).
/// - Derived factors follow their textbook definitions: A2 = 3/(d2√n), A3 = 3/(c4√n), B3/B4 = 1 ∓ 3√(1−c4²)/c4
///   (B3 floored at 0), D3/D4 = 1 ∓ 3 d3/d2 (D3 floored at 0), E2 = 3/d2.
public enum SPCConstants {
    /// Largest subgroup size with a tabulated d3 (R charts); d2 is tabulated to n = 50.
    public static let maximumRangeSubgroupSize = 25

    private static let d2Table: [Double] = [
        1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078,  // n = 2 ... 10
        3.173, 3.258, 3.336, 3.407, 3.472, 3.532, 3.588, 3.640, 3.689, 3.735,  // 11 ... 20
        3.778, 3.819, 3.858, 3.895, 3.931,  // 21 ... 25
        3.9643157, 3.9965386, 4.0274138, 4.0570443, 4.0855217, 4.1129282, 4.1393377, 4.1648167,  // 26 ... 33
        4.1894255, 4.2132189, 4.2362466, 4.2585541, 4.2801829, 4.3011713, 4.3215544, 4.3413644,  // 34 ... 41
        4.3606312, 4.3793825, 4.3976439, 4.4154391, 4.4327903, 4.4497181, 4.4662418, 4.4823792,  // 42 ... 49
        4.4981473,  // 50 ... 50
    ]

    private static let d3Table: [Double] = [
        0.8525025, 0.8883680, 0.8798082, 0.8640819, 0.8480397, 0.8332053, 0.8198315, 0.8078343, 0.7970507,
        0.7873146, 0.7784783, 0.7704162, 0.7630231, 0.7562114, 0.7499081, 0.7440518, 0.7385909, 0.7334815,
        0.7286863, 0.7241733, 0.7199148, 0.7158867, 0.7120682, 0.7084408,
    ]

    /// Expected relative range d2(n) = E[R]/σ for a normal subgroup of size n (2...50), nil outside the table.
    public static func d2(_ n: Int) -> Double? {
        guard n >= 2, n - 2 < d2Table.count else { return nil }
        return d2Table[n - 2]
    }

    /// Standard deviation of the relative range d3(n) = sd(R)/σ (2...25), nil outside the table.
    public static func d3(_ n: Int) -> Double? {
        guard n >= 2, n - 2 < d3Table.count else { return nil }
        return d3Table[n - 2]
    }

    /// Bias-correction constant c4(n) = E[s]/σ for the sample standard deviation (exact; n ≥ 2).
    public static func c4(_ n: Int) -> Double? {
        guard n >= 2 else { return nil }
        let m = Double(n)
        // lgamma keeps large n finite; exp of the difference is exact enough (relative error ~1e-15).
        return (2.0 / (m - 1)).squareRoot() * exp(lgamma(m / 2) - lgamma((m - 1) / 2))
    }

    /// c4 for a real-valued size (variable subgroups pass integers; non-integers are rounded).
    static func c4(_ n: Double) -> Double? { Int(rounding: n).flatMap { c4($0) } }

    /// A2(n) = 3 / (d2 √n): X̄ limits are X̄̄ ± A2 R̄.
    public static func a2(_ n: Int) -> Double? { d2(n).map { 3 / ($0 * Double(n).squareRoot()) } }

    /// A3(n) = 3 / (c4 √n): X̄ limits are X̄̄ ± A3 S̄.
    public static func a3(_ n: Int) -> Double? { c4(n).map { 3 / ($0 * Double(n).squareRoot()) } }

    /// B3(n) = max(0, 1 − 3√(1−c4²)/c4): lower S-chart limit factor.
    public static func b3(_ n: Int) -> Double? { c4(n).map { max(0, 1 - 3 * (1 - $0 * $0).squareRoot() / $0) } }

    /// B4(n) = 1 + 3√(1−c4²)/c4: upper S-chart limit factor.
    public static func b4(_ n: Int) -> Double? { c4(n).map { 1 + 3 * (1 - $0 * $0).squareRoot() / $0 } }

    /// D3(n) = max(0, 1 − 3 d3/d2): lower R-chart limit factor.
    public static func d3Factor(_ n: Int) -> Double? {
        guard let d2 = d2(n), let d3 = d3(n) else { return nil }
        return max(0, 1 - 3 * d3 / d2)
    }

    /// D4(n) = 1 + 3 d3/d2: upper R-chart limit factor.
    public static func d4Factor(_ n: Int) -> Double? {
        guard let d2 = d2(n), let d3 = d3(n) else { return nil }
        return 1 + 3 * d3 / d2
    }

    /// E2(n) = 3 / d2: individuals limits from the mean moving range of span n (E2(2) = 2.660).
    public static func e2(_ n: Int) -> Double? { d2(n).map { 3 / $0 } }
}
