#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Distributions {
    /// The standard normal distribution N(0, 1).
    public enum Normal {
        /// Φ(z) by Cody's rational Chebyshev approximations (ACM TOMS 715, as in R's `pnorm`), about
        /// 1e-16 relative in both tails.
        public static func cdf(_ z: Double) -> Double { tails(z).lower }

        /// 1 − Φ(z) computed directly (e.g. 4.906713927148187e-198 at z = 30).
        public static func survival(_ z: Double) -> Double { tails(z).upper }

        /// (Φ(z), 1 − Φ(z)), each computed without cancellation in its own tail (Cody 1993).
        static func tails(_ x: Double) -> (lower: Double, upper: Double) {
            if x.isNaN { return (.nan, .nan) }
            let y = abs(x)
            if y <= 0.674_489_75 {
                var numerator = 0.0
                var denominator = 0.0
                if y > 1e-17 {
                    let xsq = x * x
                    numerator = 0.065_682_337_918_207_449_113 * xsq
                    denominator = xsq
                    let a = [2.235_252_035_460_683_928_7, 161.028_231_068_555_878_81, 1067.689_485_460_370_958_2]
                    let b = [47.202_581_904_688_241_87, 976.098_551_737_776_693_22, 10_260.932_208_618_978_205]
                    for i in 0..<3 {
                        numerator = (numerator + a[i]) * xsq
                        denominator = (denominator + b[i]) * xsq
                    }
                }
                let temp = x * (numerator + 18_154.981_253_343_561_249) / (denominator + 45_507.789_335_026_729_956)
                return (0.5 + temp, 0.5 - temp)
            }
            var small: Double
            if y <= 5.656_854_249_492_380_195_2 {  // √32
                let c = [
                    0.398_941_512_088_134_667_64, 8.883_149_794_388_375_941_2, 93.506_656_132_177_855_979,
                    597.270_276_394_800_262_26, 2494.537_585_290_372_671_1, 6848.190_450_536_282_332_6,
                    11_602.651_437_647_350_124,
                ]
                let d = [
                    22.266_688_044_328_115_691, 235.387_901_782_624_998_61, 1519.377_599_407_554_805,
                    6485.558_298_266_760_755, 18_615.571_640_885_098_091, 34_900.952_721_145_977_266,
                    38_912.003_286_093_271_411,
                ]
                var numerator = 1.076_557_677_372_019_231_7e-8 * y
                var denominator = y
                for i in 0..<7 {
                    numerator = (numerator + c[i]) * y
                    denominator = (denominator + d[i]) * y
                }
                let temp = (numerator + 9842.714_838_383_978_021_8) / (denominator + 19_685.429_676_859_990_727)
                small = gaussianFactor(y) * temp
            } else if y < 37.5193 {
                let xsq = 1 / (x * x)
                let p = [
                    0.215_898_534_057_956_99, 0.127_401_161_160_247_363_9, 0.022_235_277_870_649_807,
                    0.001_421_619_193_227_893_466,
                ]
                let q = [
                    1.284_260_096_144_911_21, 0.468_238_212_480_865_118, 0.065_988_137_868_928_551_5,
                    0.003_782_396_332_027_582_44,
                ]
                var numerator = 0.023_073_441_764_940_173_03 * xsq
                var denominator = xsq
                for i in 0..<4 {
                    numerator = (numerator + p[i]) * xsq
                    denominator = (denominator + q[i]) * xsq
                }
                var temp = xsq * (numerator + 2.911_287_495_116_879_2e-5) / (denominator + 7.297_515_550_839_662_05e-5)
                temp = (0.398_942_280_401_432_677_939_946_059_934 - temp) / y
                small = gaussianFactor(y) * temp
            } else {
                small = 0
            }
            return x > 0 ? (1 - small, small) : (small, 1 - small)
        }

        /// exp(−y²/2) with y² split as (⌊16y⌋/16)² + (y − ⌊16y⌋/16)(y + ⌊16y⌋/16) so the rounding of y² does
        /// not spoil the far tail.
        static func gaussianFactor(_ y: Double) -> Double {
            let rounded = (y * 16).rounded(.towardZero) / 16
            let delta = (y - rounded) * (y + rounded)
            return exp(-rounded * rounded * 0.5) * exp(-delta * 0.5)
        }

        /// φ(z), the density.
        public static func pdf(_ z: Double) -> Double {
            0.398_942_280_401_432_677_939_946_059_934 * exp(-0.5 * z * z)
        }

        /// Two-sided p-value 2 (1 − Φ(|z|)), at most 1.
        public static func twoSidedPValue(_ z: Double) -> Double { min(1, 2 * survival(abs(z))) }

        /// Φ⁻¹(p) by Wichura's AS 241 (PPND16, about 1e-16 relative); −∞ at 0, +∞ at 1.
        public static func quantile(_ p: Double) -> Double {
            if p.isNaN || p < 0 || p > 1 { return .nan }
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            let q = p - 0.5
            if abs(q) <= 0.425 { return central(q) }
            return q < 0 ? -tail(p) : tail(1 - p)
        }

        /// z with 1 − Φ(z) = q, accurate for tiny q (where 1 − q would round).
        public static func inverseSurvival(_ q: Double) -> Double {
            if q.isNaN || q < 0 || q > 1 { return .nan }
            if q == 0 { return .infinity }
            if q == 1 { return -.infinity }
            let centred = 0.5 - q
            if abs(centred) <= 0.425 { return central(centred) }
            return centred < 0 ? -tail(1 - q) : tail(q)
        }

        /// AS 241 central region, |p − ½| ≤ 0.425.
        static func central(_ q: Double) -> Double {
            let r = 0.180625 - q * q
            let numerator =
                ((((((2.509_080_928_730_122_672_7e3 * r + 3.343_057_558_358_812_810_5e4) * r
                    + 6.726_577_092_700_870_085_3e4) * r + 4.592_195_393_154_987_145_7e4) * r
                    + 1.373_169_376_550_946_112_5e4) * r + 1.971_590_950_306_551_442_7e3) * r
                    + 1.331_416_678_917_843_774_5e2) * r + 3.387_132_872_796_366_608_0
            let denominator =
                ((((((5.226_495_278_852_854_561_0e3 * r + 2.872_908_573_572_194_267_4e4) * r
                    + 3.930_789_580_009_271_061_0e4) * r + 2.121_379_430_158_659_586_7e4) * r
                    + 5.394_196_021_424_751_107_7e3) * r + 6.871_870_074_920_579_083_0e2) * r
                    + 4.231_333_070_160_091_125_2e1) * r + 1
            return q * numerator / denominator
        }

        /// AS 241 tail region: the upper-tail quantile for a small tail probability `tailProbability`.
        static func tail(_ tailProbability: Double) -> Double {
            var r = (-log(tailProbability)).squareRoot()
            if r <= 5 {
                r -= 1.6
                let numerator =
                    ((((((7.745_450_142_783_414_076_40e-4 * r + 2.272_384_498_926_918_458_33e-2) * r
                        + 2.417_807_251_774_506_117_70e-1) * r + 1.270_458_252_452_368_382_58) * r
                        + 3.647_848_324_763_204_605_04) * r + 5.769_497_221_460_691_405_50) * r
                        + 4.630_337_846_156_545_295_90) * r + 1.423_437_110_749_683_577_34
                let denominator =
                    ((((((1.050_750_071_644_416_843_24e-9 * r + 5.475_938_084_995_344_946_00e-4) * r
                        + 1.519_866_656_361_645_719_66e-2) * r + 1.481_039_764_274_800_745_90e-1) * r
                        + 6.897_673_349_851_000_045_50e-1) * r + 1.676_384_830_183_803_849_40) * r
                        + 2.053_191_626_637_758_821_87) * r + 1
                return numerator / denominator
            }
            r -= 5
            let numerator =
                ((((((2.010_334_399_292_288_132_65e-7 * r + 2.711_555_568_743_487_578_15e-5) * r
                    + 1.242_660_947_388_078_438_60e-3) * r + 2.653_218_952_657_612_309_30e-2) * r
                    + 2.965_605_718_285_048_912_30e-1) * r + 1.784_826_539_917_291_335_80) * r
                    + 5.463_784_911_164_114_369_90) * r + 6.657_904_643_501_103_777_20
            let denominator =
                ((((((2.044_263_103_389_939_785_64e-15 * r + 1.421_511_758_316_445_888_70e-7) * r
                    + 1.846_318_317_510_054_681_80e-5) * r + 7.868_691_311_456_132_591_00e-4) * r
                    + 1.487_536_129_085_061_485_25e-2) * r + 1.369_298_809_227_358_053_10e-1) * r
                    + 5.998_322_065_558_879_376_90e-1) * r + 1
            return numerator / denominator
        }
    }
}
