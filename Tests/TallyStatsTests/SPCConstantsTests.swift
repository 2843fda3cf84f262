// Control-chart constants against their closed forms and the printed tables.

import Foundation
import Testing
@testable import TallyStats

@Suite("SPC constants")
struct SPCConstantsTests {
    @Test("d2 is the printed 3-decimal table; d3 and c4 are exact")
    func tables() throws {
        #expect(SPCConstants.d2(2) == 1.128)
        #expect(SPCConstants.d2(5) == 2.326)
        #expect(SPCConstants.d2(25) == 3.931)
        // d3(2) = √(2 − 4/π): the range of two normals is √2 |Z|.
        #expect(abs(try #require(SPCConstants.d3(2)) - (2 - 4 / Double.pi).squareRoot()) < 1e-7)
        #expect(abs(try #require(SPCConstants.d3(5)) - 0.8641) < 5e-5)
        // c4(2) = √(2/π); c4(5) = 0.9399856 (Montgomery Appendix VI prints 0.9400).
        #expect(abs(try #require(SPCConstants.c4(2)) - (2 / Double.pi).squareRoot()) < 1e-12)
        #expect(abs(try #require(SPCConstants.c4(5)) - 0.9399856) < 1e-7)
        #expect(abs(try #require(SPCConstants.c4(1000)) - 0.99975) < 1e-5)
        #expect(SPCConstants.d2(1) == nil && SPCConstants.d2(51) == nil && SPCConstants.d3(26) == nil && SPCConstants.c4(1) == nil)
    }

    @Test("derived factors match Montgomery Appendix VI", arguments: [
        (2, 1.880, 2.659, 0.0, 3.267, 0.0, 3.267),
        (5, 0.577, 1.427, 0.0, 2.089, 0.0, 2.114),
        (10, 0.308, 0.975, 0.284, 1.716, 0.223, 1.777),
        (25, 0.153, 0.606, 0.565, 1.435, 0.459, 1.541),
    ])
    func factors(n: Int, a2: Double, a3: Double, b3: Double, b4: Double, d3: Double, d4: Double) throws {
        #expect(abs(try #require(SPCConstants.a2(n)) - a2) < 1e-3)
        #expect(abs(try #require(SPCConstants.a3(n)) - a3) < 1e-3)
        #expect(abs(try #require(SPCConstants.b3(n)) - b3) < 1e-3)
        #expect(abs(try #require(SPCConstants.b4(n)) - b4) < 1e-3)
        #expect(abs(try #require(SPCConstants.d3Factor(n)) - d3) < 1e-3)
        #expect(abs(try #require(SPCConstants.d4Factor(n)) - d4) < 1e-3)
    }

    @Test("E2(2) = 3/1.128 ≈ 2.66 (the NHS constant is its rounding)")
    func e2() throws {
        #expect(abs(try #require(SPCConstants.e2(2)) - 2.6596) < 1e-4)
    }

    @Test("qbinom(0.05, n, 0.5) matches R for small and large n")
    func binomialQuantile() {
        // R: qbinom(0.05, c(1, 9, 23, 99, 999), 0.5) = 0 2 8 41 474 (also scipy binom.ppf)
        #expect(SPCMath.binomialHalfQuantile(0.05, size: 1) == 0)
        #expect(SPCMath.binomialHalfQuantile(0.05, size: 9) == 2)
        #expect(SPCMath.binomialHalfQuantile(0.05, size: 23) == 8)
        #expect(SPCMath.binomialHalfQuantile(0.05, size: 99) == 41)
        #expect(SPCMath.binomialHalfQuantile(0.05, size: 999) == 474)
    }
}
