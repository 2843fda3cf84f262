import TallyCore
import Testing
@testable import TallyData

/// Declared schemas, missing tokens, time zones, re-inference after the sample, and exact replay of
/// rejected batches under `bad_rows: skip`.
@Suite struct CSVTypingTests {
    @Test func declaredSchema() throws {
        var options = CSVReadOptions()
        options.schema = [
            "opened": ColumnSpec(.datetime, format: "dd/MM/yyyy HH:mm", timeZone: "Europe/London"),
            "day": ColumnSpec(.date, format: "dd/MM/yyyy"), "fcr": ColumnSpec(.boolean), "wait": ColumnSpec(.duration),
            "zip": ColumnSpec(.text), "team": ColumnSpec(.category), "share": ColumnSpec(.percent),
        ]
        let r = try readCSV("opened,day,fcr,wait,zip,team,share\n15/07/2026 09:30,03/04/2026,Yes,90,08123,A,50%\n15/01/2026 09:30,31/12/2026,n,1:00:00,,B,\n", options)
        let opened = try #require(r.table.column(named: "opened"))
        #expect(opened.text(at: 0) == "2026-07-15T08:30:00Z")  // BST
        #expect(opened.text(at: 1) == "2026-01-15T09:30:00Z")  // GMT
        #expect(texts(r, "day") == ["2026-04-03", "2026-12-31"])
        #expect(r.table.column(named: "fcr")?.storage == .booleans([true, false]))
        #expect(r.table.column(named: "wait")?.storage == .numbers([90, 3600]))
        #expect(texts(r, "zip") == ["08123", nil])
        #expect(r.table.column(named: "team")?.storage == .categories(codes: [0, 1], levels: ["A", "B"]))
        #expect(r.table.column(named: "share")?.double(at: 0) == 0.5)
        #expect(r.inferredColumns.isEmpty)
    }

    @Test func missingTokensAndDefaultZone() throws {
        var options = CSVReadOptions()
        options.missingTokens = ["", "-", "unknown"]
        options.timeZone = "+02:00"
        let r = try readCSV("n,at\n-,2026-01-01T12:00\nUNKNOWN,2026-01-01T12:00Z\n7,\n", options)
        #expect(texts(r, "n") == [nil, nil, "7"])
        #expect(texts(r, "at") == ["2026-01-01T10:00:00Z", "2026-01-01T12:00:00Z", nil])
        // Default tokens: empty, NA, N/A, null in any case; spaces around are ignored.
        let d = try readCSV("n\nNA\n n/a \nNULL\n4\n")
        #expect(texts(d, "n") == [nil, nil, nil, "4"])
        #expect(d.table.column(named: "n")?.type == .integer)
    }

    @Test func misfitAfterTheSampleIsReInferred() throws {
        var text = "id,score,code\n"
        for i in 1...1500 { text += "\(i),\(i % 10),c\(i % 3)\n" }
        text += "1501,2.5,c1\n1502,x,c2\n"
        let r = try readCSV(text)
        #expect(r.table.column(named: "score")?.type == .category)
        #expect(texts(r, "score").suffix(2) == ["2.5", "x"])
        var decimal = "v\n" + String(repeating: "1\n", count: 1200) + "0.5\n"
        decimal += ""
        let d = try readCSV(decimal)
        #expect(d.table.column(named: "v")?.type == .decimal)
        #expect(d.table.column(named: "v")?.double(at: 1200) == 0.5)
        #expect(d.table.rowCount == 1201)
    }

    @Test func rejectedValuesInABatchAreSkippedExactly() throws {
        var options = CSVReadOptions()
        options.schema = ["n": ColumnSpec(.integer), "team": ColumnSpec(.category)]
        options.badRows = .skip
        var text = "team,n\n"
        for i in 1...5000 { text += i == 3000 ? "ONLY_HERE,oops\n" : "T\(i % 4),\(i)\n" }
        let r = try readCSV(text, options)
        #expect(r.table.rowCount == 4999)
        #expect(r.skippedRows == [SkippedRow(line: 3001, record: 3000, reason: "record 3000, column \"n\": expected a whole number, found \"oops\" (byte offset \(byteOffset(of: "oops", in: text)))")])
        guard case .categories(_, let levels)? = r.table.column(named: "team")?.storage else {
            Issue.record("team should be a category")
            return
        }
        #expect(levels == ["T1", "T2", "T3", "T0"])  // the skipped record's level is not kept
        #expect(r.table.column(named: "n")?.double(at: 2999) == 3001)
        options.badRows = .fail
        let d = try #require(readError(text, options))
        #expect(d.location?.line == 3001)
    }

    func byteOffset(of needle: String, in text: String) -> Int {
        let bytes = Array(text.utf8)
        let n = Array(needle.utf8)
        for i in 0...(bytes.count - n.count) where Array(bytes[i..<i + n.count]) == n { return i }
        return -1
    }
}
