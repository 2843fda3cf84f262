import TallyCore
import Testing

@testable import TallyData

/// Inputs built to exhaust the CSV reader, generated here rather than committed: a 10 MB field, 10,000 columns,
/// a million one-character rows, non-finite numbers, dates at the ends of the calendar, an unending quote.
/// Each gets a clear error or a documented result.
@Suite struct AdversarialCSVTests {
    @Test func tenMegabyteFieldIsReadWhole() throws {
        let big = String(repeating: "x", count: 10 << 20)
        let result = try readCSV("id,note\n1,\(big)\n2,short\n")
        #expect(result.table.rowCount == 2)
        #expect(result.table.column(named: "note")?.text(at: 0)?.utf8.count == 10 << 20)
        #expect(result.table.column(named: "note")?.type == .text)
    }

    @Test func tenMegabyteQuotedFieldWithoutItsClosingQuoteIsLocated() throws {
        let big = String(repeating: "y", count: 10 << 20)
        let error = try #require(readError("id,note\n1,\"\(big)\n2,short\n"))
        #expect(error.location?.line == 2)
        #expect(error.message.contains("quote"))
    }

    @Test func tenThousandColumns() throws {
        let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<10_000).map { String($0 % 10) }.joined(separator: ",")
        let result = try readCSV(header + "\n" + row + "\n" + row + "\n")
        #expect(result.table.columns.count == 10_000)
        #expect(result.table.rowCount == 2)
        #expect(result.table.column(named: "c9999")?.double(at: 1) == 9)
    }

    @Test func aMillionOneCharacterRows() throws {
        var bytes = Array("v\n".utf8)
        bytes.reserveCapacity(2_000_002)
        for index in 0..<1_000_000 { bytes += [UInt8(ascii: "0") + UInt8(index % 10), 0x0A] }
        let result = try CSVReader.read(bytes: bytes, path: "data.csv", name: "data")
        #expect(result.table.rowCount == 1_000_000)
        #expect(result.table.column(named: "v")?.type == .integer)
        #expect(result.table.column(named: "v")?.double(at: 999_999) == 9)
    }

    @Test func notANumberAndInfinitiesAreText() throws {
        // Documented: NaN and infinities are not numbers in an export; the column stays text when inferred,
        // and a declared number column names the line of the first one.
        let text = "x\n1\nNaN\ninf\n-Infinity\n"
        let inferred = try readCSV(text)
        #expect(inferred.table.column(named: "x")?.type == .text)
        let declared = readError(text, CSVReadOptions(schema: ["x": ColumnSpec(.decimal)]))
        #expect(declared?.location?.line == 3)
    }

    @Test func datesInYearZeroAndNineThousandNineHundredNinetyNine() throws {
        let late = try readCSV("d\n9999-12-31\n2025-01-01\n")
        #expect(late.table.column(named: "d")?.type == .date)
        #expect(late.table.column(named: "d")?.text(at: 0) == "9999-12-31")
        // Documented: ISO 8601 has a year 0000 (1 BC, proleptic Gregorian) and the reader accepts it as a date.
        let zero = try readCSV("d\n0000-01-01\n2025-01-01\n", CSVReadOptions(schema: ["d": ColumnSpec(.date)]))
        #expect(zero.table.column(named: "d")?.text(at: 0) == "0000-01-01")
        #expect(zero.table.column(named: "d")?.text(at: 1) == "2025-01-01")
    }
}
