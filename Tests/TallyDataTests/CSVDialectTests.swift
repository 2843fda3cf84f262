import TallyCore
import Testing
@testable import TallyData

/// Delimiters, BOM, `sep=` lines, encodings, line endings and blank lines.
@Suite struct CSVDialectTests {
    @Test(arguments: [(",", UInt8(44)), (";", UInt8(59)), ("\t", UInt8(9)), ("|", UInt8(124))])
    func detectsDelimiter(_ sep: String, _ byte: UInt8) throws {
        let text = ["name\(sep)score\(sep)note", "Ann\(sep)3\(sep)\"a, b; c | d\"", "Bob\(sep)4\(sep)x"].joined(separator: "\n")
        let r = try readCSV(text)
        #expect(r.dialect.delimiter == byte)
        #expect(r.dialect.delimiterDetected)
        #expect(r.table.columns.map(\.name) == ["name", "score", "note"])
        #expect(texts(r, "note") == ["a, b; c | d", "x"])
    }

    @Test func europeanExcel() throws {
        var options = CSVReadOptions()
        options.decimalSeparator = 44
        options.thousandsSeparator = 46
        let r = try readCSV("\u{FEFF}sep=;\r\nteam;amount\r\nNorth;1.234,5\r\nSouth;-2,25\r\n", options)
        #expect(r.dialect.hadBOM && r.dialect.hadSepLine && r.dialect.delimiter == 59)
        #expect(r.table.column(named: "amount")?.storage == .numbers([1234.5, -2.25]))
        var bad = options
        bad.schema = ["amount": ColumnSpec(.decimal)]
        let d = try #require(readError("sep=;\nteam;amount\nNorth;x\n", bad))
        #expect(d.location?.line == 3)  // the sep= line counts as line 1
    }

    @Test func decimalCommaBreaksDelimiterTies() throws {
        var options = CSVReadOptions()
        options.decimalSeparator = 44
        // One comma and one semicolon per line: with decimal "," the semicolon is the separator.
        let r = try readCSV("team;score,avg\nNorth;1,5\nSouth;2,25\n", options)
        #expect(r.dialect.delimiter == 59)
        #expect(r.table.column(named: "score,avg")?.storage == .numbers([1.5, 2.25]))
        #expect(try readCSV("team;score,avg\nNorth;1,5\n").dialect.delimiter == 44)
    }

    @Test func declaredDelimiterWins() throws {
        var options = CSVReadOptions()
        options.delimiter = .byte(59)
        let r = try readCSV("a,b;c\n1,2;3\n", options)
        #expect(r.table.columns.map(\.name) == ["a,b", "c"])
        #expect(!r.dialect.delimiterDetected)
    }

    @Test func lineEndingsBlankLinesAndFinalNewline() throws {
        for text in ["a,b\n1,2\n3,4", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r", "a,b\n\n1,2\n\n\n3,4\n\n", "a,b\r\n\r\n1,2\r3,4\n"] {
            let r = try readCSV(text)
            #expect(r.table.rowCount == 2, "\(text.debugDescription)")
            #expect(r.table.column(named: "b")?.storage == .integers([2, 4]), "\(text.debugDescription)")
        }
        // Line numbers count blank lines and lone CRs.
        let d = try #require(readError("a,b\r\r1,2\r3\r"))
        #expect(d.location?.line == 4)
    }

    @Test func quotedFieldsKeepLineBreaksAndDelimiters() throws {
        let r = try readCSV("id,comment\n1,\"a, \"\"b\"\"\r\nc\"\n2,\"\"\n")
        #expect(texts(r, "comment") == ["a, \"b\"\r\nc", nil])
    }

    @Test func encodings() throws {
        // windows-1252: € is 0x80, é is 0xE9; latin1: é is 0xE9.
        var options = CSVReadOptions()
        options.encoding = .windows1252
        let win: [UInt8] = Array("name,price\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(",".utf8) + [0x80] + Array("5\n".utf8)
        let r = try CSVReader.read(bytes: win, path: "w.csv", name: "w", options: options)
        #expect(texts(r, "name") == ["Café"])
        #expect(texts(r, "price") == ["€5"])
        options.encoding = .latin1
        let lat = try CSVReader.read(bytes: Array("n\n".utf8) + [0xE9, 0x0A], path: "l.csv", name: "l", options: options)
        #expect(texts(lat, "n") == ["é"])
        // UTF-16LE with BOM is recognised even when not declared; UTF-16BE when declared.
        let text = "a,b\n1,ʤ\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let r16 = try CSVReader.read(bytes: le, path: "u.csv", name: "u")
        #expect(r16.dialect.encoding == .utf16 && r16.dialect.hadBOM)
        #expect(texts(r16, "b") == ["ʤ"])
        var be = CSVReadOptions()
        be.encoding = .utf16
        let bytesBE: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(texts(try CSVReader.read(bytes: bytesBE, path: "u.csv", name: "u", options: be), "b") == ["ʤ"])
        #expect(CSVEncoding(name: "UTF-8") == .utf8 && CSVEncoding(name: "cp1252") == .windows1252 && CSVEncoding(name: "ISO-8859-1") == .latin1)
    }

    @Test func overlongAndSurrogateUTF8AreRejected() {
        #expect(readError(bytes: Array("a\n".utf8) + [0xC0, 0xAF])?.message.contains("byte 0xC0") == true)
        #expect(readError(bytes: Array("a\n".utf8) + [0xED, 0xA0, 0x80])?.message.contains("byte 0xED") == true)
        #expect(readError(bytes: Array("a\n".utf8) + [0xE2, 0x82])?.message.contains("byte 0xE2") == true)
        #expect(readError(bytes: Array("a\nʤ€😀\n".utf8)) == nil)
    }

    @Test func headerOnly() throws {
        #expect(try CSVReader.readHeader(bytes: Array("\u{FEFF} id , Name \n1,2\n".utf8), path: "h.csv") == ["id", "Name"])
        var options = CSVReadOptions()
        options.hasHeader = false
        let r = try readCSV("1,2\n3,4\n", options)
        #expect(r.table.columns.map(\.name) == ["column1", "column2"])
        #expect(r.table.rowCount == 2)
    }
}

/// Edge cases of shape: header-only files, long headers, whitespace lines.
@Suite struct CSVShapeTests {
    @Test func headerOnlyFileGivesEmptyColumns() throws {
        let r = try readCSV("a,b\n")
        #expect(r.table.rowCount == 0)
        #expect(r.table.columns.map(\.type) == [.text, .text])
    }

    @Test func readHeaderOfALargeFileDoesNotSplitCharacters() throws {
        var text = "name,city\n"
        while text.utf8.count < (1 << 20) + 100 { text += "Zoë,Göteborg\n" }
        #expect(try CSVReader.readHeader(bytes: Array(text.utf8), path: "big.csv") == ["name", "city"])
    }

    @Test func whitespaceOnlyLineIsARecordNotABlankLine() throws {
        let d = try #require(readError("a,b\n1,2\n   \n3,4\n"))
        #expect(d.location?.line == 3)
        #expect(d.message.contains("has 1 field, expected 2"))
    }

    @Test func records() throws {
        let json = try CSVReader.records(bytes: Array("a,b\n1,\"x\"\"y\"\n\n2,\"tab\there\"\n".utf8), path: "r.csv")
        #expect(json == "[\n  {\"a\": \"1\", \"b\": \"x\\\"y\"},\n  {\"a\": \"2\", \"b\": \"tab\\there\"}\n]")
        #expect(try CSVReader.records(bytes: Array("a\n".utf8), path: "r.csv") == "[]")
        var skip = CSVReadOptions()
        skip.badRows = .skip
        #expect(try CSVReader.records(bytes: Array("a,b\n1\n2,3\n".utf8), path: "r.csv", options: skip) == "[\n  {\"a\": \"2\", \"b\": \"3\"}\n]")
        do {
            _ = try CSVReader.records(bytes: Array("a,b\n1\n".utf8), path: "r.csv")
            Issue.record("expected a ragged-row error")
        } catch {
            #expect(error.diagnostics.first?.location?.line == 2)
        }
    }
}
