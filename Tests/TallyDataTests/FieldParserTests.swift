import TallyCore
import Testing
@testable import TallyData

/// Numbers, dates, datetimes, durations and booleans parsed straight from bytes.
@Suite struct FieldParserTests {
    func bytes<T>(_ text: String, _ body: (UnsafePointer<UInt8>, Int) -> T) -> T {
        let b = Array(text.utf8) + [0]
        return b.withUnsafeBufferPointer { body($0.baseAddress!, b.count - 1) }
    }
    func int(_ t: String, thousands: UInt8? = nil) -> Int64? { bytes(t) { NumberParser.integer($0, 0, $1, thousands: thousands) } }
    func dec(_ t: String, decimal: UInt8 = 46, thousands: UInt8? = nil) -> Double? {
        bytes(t) { NumberParser.decimal($0, 0, $1, decimal: decimal, thousands: thousands) }
    }

    @Test func integers() {
        #expect(int("42") == 42)
        #expect(int("-7") == -7)
        #expect(int("+7") == 7)
        #expect(int("9223372036854775807") == Int64.max)
        #expect(int("-9223372036854775808") == Int64.min)
        #expect(int("9223372036854775808") == nil)
        #expect(int("1.0") == nil)
        #expect(int("") == nil)
        #expect(int("-") == nil)
        #expect(int("12a") == nil)
        #expect(int("1,234,567", thousands: 44) == 1_234_567)
        #expect(int("1,23", thousands: 44) == nil)
        #expect(int("1234,567", thousands: 44) == nil)
    }

    @Test func decimalsAreCorrectlyRounded() {
        for text in ["0.1", "1.5", "-0.25", "3.14159", "123456.789", "1e5", "2.5E-3", "0.000001", "17976931348623157e292",
                     "1.00000000000000011102230246251565404236316680908203125", "9007199254740993", "4.9e-324"] {
            #expect(dec(text) == Double(text), "\(text)")
        }
        #expect(dec("1.234,5", decimal: 44, thousands: 46) == 1234.5)
        #expect(dec("1 234,5", decimal: 44, thousands: 32) == 1234.5)
        #expect(dec("12,5", decimal: 44) == 12.5)
        #expect(dec("12.5", decimal: 44) == nil)
        #expect(dec(".5") == 0.5)
        #expect(dec("5.") == 5)
        #expect(dec(".") == nil)
        #expect(dec("1e") == nil)
        #expect(dec("abc") == nil)
    }

    @Test func percents() {
        func pct(_ t: String) -> Double? { bytes(t) { NumberParser.percent($0, 0, $1, decimal: 46, thousands: nil) } }
        #expect(pct("85%") == 0.85)
        #expect(pct("85 %") == 0.85)
        #expect(pct("12.5%") == 0.125)
        #expect(pct("-3%") == -0.03)
        #expect(pct("85") == nil)
        #expect(pct("%") == nil)
    }

    @Test func isoDatesAndDatetimes() {
        #expect(bytes("2026-03-31") { DateParser.isoDate($0, 0, $1) } == CivilDate(year: 2026, month: 3, day: 31).daysSinceEpoch)
        #expect(bytes("2026-02-29") { DateParser.isoDate($0, 0, $1) } == nil)
        #expect(bytes("2024-02-29") { DateParser.isoDate($0, 0, $1) } != nil)
        #expect(bytes("2026-13-01") { DateParser.isoDate($0, 0, $1) } == nil)
        let d = Int64(CivilDate(year: 2026, month: 3, day: 31).daysSinceEpoch) * 86_400
        let a = bytes("2026-03-31T14:05:09Z") { DateParser.isoDateTime($0, 0, $1) }
        #expect(a?.localSeconds == d + 14 * 3600 + 5 * 60 + 9 && a?.offset == 0)
        let b = bytes("2026-03-31 14:05") { DateParser.isoDateTime($0, 0, $1) }
        #expect(b?.localSeconds == d + 14 * 3600 + 5 * 60 && b?.offset == nil)
        let c = bytes("2026-03-31T14:05:09.123+05:30") { DateParser.isoDateTime($0, 0, $1) }
        #expect(c?.offset == 5 * 3600 + 30 * 60)
        #expect(bytes("2026-03-31T14:05:09-0800") { DateParser.isoDateTime($0, 0, $1) }?.offset == -8 * 3600)
        #expect(bytes("2026-03-31T25:00") { DateParser.isoDateTime($0, 0, $1) } == nil)
        #expect(bytes("2026-03-31T14:05:09+5") { DateParser.isoDateTime($0, 0, $1) } == nil)
    }

    @Test func declaredDateFormats() throws {
        let uk = try #require(DateFormat("dd/MM/yyyy"))
        let day = Int64(CivilDate(year: 2026, month: 4, day: 3).daysSinceEpoch) * 86_400
        #expect(bytes("03/04/2026") { uk.parse($0, 0, $1) }?.localSeconds == day)
        #expect(bytes("3/4/2026") { uk.parse($0, 0, $1) } == nil)
        let loose = try #require(DateFormat("d/M/yyyy HH:mm"))
        #expect(bytes("3/4/2026 09:30") { loose.parse($0, 0, $1) }?.localSeconds == day + 9 * 3600 + 30 * 60)
        let us = try #require(DateFormat("MM/dd/yy"))
        #expect(bytes("04/03/26") { us.parse($0, 0, $1) }?.localSeconds == day)
        #expect(bytes("31/02/2026") { uk.parse($0, 0, $1) } == nil)
        #expect(DateFormat("dd/qq/yyyy") == nil)
        #expect(DateFormat("HH:mm") == nil)
    }

    @Test func durations() {
        func dur(_ t: String, plain: Bool = true) -> Double? { bytes(t) { DurationParser.seconds($0, 0, $1, decimal: 46, allowPlain: plain) } }
        #expect(dur("1:05:30") == 3930)
        #expect(dur("100:00:00") == 360_000)
        #expect(dur("0:00:01.5") == 1.5)
        #expect(dur("PT1H2M3S") == 3723)
        #expect(dur("P1DT0.5H") == 88_200)
        #expect(dur("90") == 90)
        #expect(dur("90", plain: false) == nil)
        #expect(dur("1:5:30") == nil)
        #expect(dur("1:65:00") == nil)
    }

    @Test func booleansAreCaseInsensitive() {
        let tokens = BooleanTokens(trueTokens: ["y", "yes", "true", "1"], falseTokens: ["n", "no", "false", "0"])
        for t in ["Y", "yes", "TRUE", "True", "1"] { #expect(bytes(t) { tokens.value($0, 0, $1) } == true) }
        for t in ["n", "No", "FALSE", "0"] { #expect(bytes(t) { tokens.value($0, 0, $1) } == false) }
        for t in ["maybe", "", "2", "yess"] { #expect(bytes(t) { tokens.value($0, 0, $1) } == nil) }
    }

    @Test func timeZones() throws {
        var cache = ZoneCache()
        #expect(TimeZoneRule("UTC")?.offset(forLocal: 0, cache: &cache) == 0)
        #expect(TimeZoneRule("+01:00")?.offset(forLocal: 0, cache: &cache) == 3600)
        #expect(TimeZoneRule("-0530")?.offset(forLocal: 0, cache: &cache) == -(5 * 3600 + 1800))
        #expect(TimeZoneRule("UTC+2")?.offset(forLocal: 0, cache: &cache) == 7200)
        #expect(TimeZoneRule("Nowhere/Special") == nil)
        let london = try #require(TimeZoneRule("Europe/London"))
        func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int) -> Int64 {
            Int64(CivilDate(year: y, month: m, day: d).daysSinceEpoch) * 86_400 + Int64(h * 3600)
        }
        #expect(london.offset(forLocal: local(2026, 1, 15, 12), cache: &cache) == 0)
        #expect(london.offset(forLocal: local(2026, 7, 15, 12), cache: &cache) == 3600)
        // Last Sunday of March 2026 is the 29th: 00:30 is GMT, 02:30 is BST.
        #expect(london.offset(forLocal: local(2026, 3, 29, 0) + 1800, cache: &cache) == 0)
        #expect(london.offset(forLocal: local(2026, 3, 29, 2) + 1800, cache: &cache) == 3600)
        // Cached lookups agree with fresh ones.
        var fresh = ZoneCache()
        for h in stride(from: 0, to: 24 * 400, by: 7) {
            let t = local(2026, 1, 1, 0) + Int64(h) * 3600
            #expect(london.offset(forLocal: t, cache: &cache) == london.offset(forLocal: t, cache: &fresh))
        }
    }
}

/// The inlined day count agrees with `CivilDate` across four centuries.
@Test func inlinedDaysMatchCivilDate() {
    for days in stride(from: -200_000, to: 200_000, by: 37) {
        let date = CivilDate(daysSinceEpoch: days)
        #expect(DateParser.days(year: date.year, month: date.month, day: date.day) == days)
    }
}
