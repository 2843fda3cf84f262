import Testing
import TallyCore
@testable import TallyFormula

/// Inputs the formula fuzzer (Sources/fuzz-formula) crashed on, minimised; each must now compile and evaluate.
@Suite struct FuzzRegressionTests {
    /// TEXT of a number beyond Int64 trapped converting the whole part to Int64.
    @Test func textOfHugeNumbers() {
        #expect(T.kpi("=TEXT(1e308,\"0\")") == .text("1" + String(repeating: "0", count: 308)))
        #expect(T.kpi("=TEXT(-(2^70),\"0\")") == .text("-1180591620717410000000"))
        #expect(T.kpi("=TEXT(9.3e18,\"#,##0.00\")") == .text("9,300,000,000,000,000,000.00"))
        // The fuzzer's original input, byte for byte (tabs and bytes that are not UTF-8 included).
        let bytes: [UInt8] = [
            0x3d, 0x54, 0x45, 0x58, 0x54, 0x28, 0x09, 0x31, 0x65, 0x33, 0x30, 0x38, 0x09, 0x09, 0x09, 0x09,
            0x2c, 0x22, 0x7e, 0x3f, 0x22, 0x22, 0x64, 0x90, 0x86, 0x86, 0x86, 0x2d, 0x96, 0x6d, 0xd8, 0xd8,
            0x22, 0x29, 0x26, 0x22, 0x20, 0x22, 0x26, 0x74, 0x65, 0x61, 0x6d,
        ]
        let original = String(decoding: bytes, as: UTF8.self)
        _ = T.rows(original, T.table(T.texts("team", ["a", nil])))
    }

    /// More than 15 decimal places made the fixed-point factor overflow UInt64; the places past 15 are zeros.
    @Test func textWithManyDecimalPlaces() {
        #expect(T.kpi("=TEXT(0,\"0.00000000000000000000\")") == .text("0.00000000000000000000"))
        #expect(T.kpi("=TEXT(0.5,\"0.0000000000000000000000\")") == .text("0.5000000000000000000000"))
    }

    /// The fixed-point helper itself, on values no formula produces (non-finite, negative places).
    @Test func fixedPointEdges() {
        #expect(NumberText.fixed(.infinity, decimals: 2) == "#NUM!")
        #expect(NumberText.fixed(.nan, decimals: 0) == "#NUM!")
        #expect(NumberText.fixed(12.5, decimals: -3) == "13")
        #expect(NumberText.fixed(-1e300, decimals: 1, trimZeros: true) == "-1" + String(repeating: "0", count: 300))
    }

    /// A negative base to a tiny fractional power trapped converting the exponent's reciprocal to Int.
    @Test func negativeBaseToTinyPower() {
        #expect(T.kpi("=(-2)^1E-300") == .error(.num))
        #expect(T.kpi("=(-2)^5E-324") == .error(.num))
        #expect(T.kpi("=(-8)^(1/3)") == .number(-2))
        #expect(T.kpi("=(-32)^(-1/5)") == .number(-0.5))
        #expect(T.kpi("=(-8)^(1/2)") == .error(.num))
        // The fuzzer's input, minimised by hand: a row formula whose power hits the same path per row.
        _ = T.rows("=-2^+++++D%%%%%%%%%%%%+1", T.table(T.numbers("D", [1e-300, -1, nil])))
    }

    /// DATE of a year past Int.max trapped converting it to Int; every date function's whole-number argument now has
    /// a range, and an argument outside it is Excel's error (#NUM! for dates, #VALUE! for text positions).
    @Test func dateFunctionsWithHugeArguments() {
        #expect(T.kpi("=DATE(322222222222222222222222222222222222222222222862,1,1)") == .error(.num))
        #expect(T.kpi("=DATE(2026,1e300,1)") == .error(.num))
        #expect(T.kpi("=DATE(2026,9e15,1)") == .error(.num))
        #expect(T.kpi("=DATE(2026,-9e15,1)") == .error(.num))
        #expect(T.kpi("=DATE(2026,1,1e300)") == .error(.num))
        #expect(T.kpi("=DATE(9999,12,32)") == .error(.num))
        #expect(T.kpi("=DATE(2026,14,1)") == .date(46419))          // month overflow still rolls into the next year
        #expect(T.kpi("=DATE(2026,1,-1)") == .date(46021))          // and a day before the 1st into the month before
        #expect(T.kpi("=DATE(9999,12,31)") == .date(2_958_465))
        #expect(T.kpi("=WEEKDAY(1e300)") == .error(.num))
        #expect(T.kpi("=WEEKDAY(46023,1e300)") == .error(.num))
        #expect(T.kpi("=WEEKDAY(46023,2)") == .number(4))           // 2026-01-01 is a Thursday (Monday = 1)
        #expect(T.kpi("=EDATE(46023,1e300)") == .error(.num))
        #expect(T.kpi("=EOMONTH(46023,-1e20)") == .error(.num))
        #expect(T.kpi("=NETWORKDAYS(46023,1e300)") == .error(.num))
        #expect(T.kpi("=NETWORKDAYS(-1e300,46023)") == .error(.num))
        #expect(T.kpi("=NETWORKDAYS(46023,46029,1e300)") == .number(5))  // a holiday no date can be is ignored
        #expect(T.kpi("=YEAR(1e300)") == .error(.num))
        // The fuzzer's input, byte for byte after its option byte.
        _ = T.kpi("=AVERAGEIFS(x,,\"Al*\",d,\">=\"&DATE(322222222222222222222222222222222222222222222862,1,1))",
                  T.table(T.numbers("x", [1, 2]), T.dates("d", ["2026-01-01", nil])))
    }

    /// Text positions past Int.max: MID gives "" (a start past the text), FIND #VALUE! (a start past the text).
    @Test func textPositionsWithHugeArguments() {
        #expect(T.kpi("=MID(\"abc\",1e300,2)") == .text(""))
        #expect(T.kpi("=MID(\"abc\",3.5,2)") == .text("c"))
        #expect(T.kpi("=MID(\"abc\",4,2)") == .text(""))
        #expect(T.kpi("=FIND(\"a\",\"abc\",1e300)") == .error(.value))
        #expect(T.kpi("=SEARCH(\"a\",\"abc\",-1e300)") == .error(.value))
    }

    /// A computed date column holding serials no date has is stored saturated rather than trapping.
    @Test func computedDatesBeyondAnyCalendar() {
        let rows = T.rows("=d+1e300", T.table(T.dates("d", ["2026-01-01", nil])))
        #expect(rows.count == 2)
        #expect(ExcelDate.civil(serial: 1e300).year > 9999)
        #expect(ExcelDate.civil(serial: -.infinity).year < 0)
        #expect(ExcelDate.civil(serial: .nan) == ExcelDate.civil(serial: ExcelDate.epochSerial))
    }
}
