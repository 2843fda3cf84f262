import TallyCore
import Testing
@testable import TallyData

/// Every error kind: its message, its location (line, column) and, where relevant, the byte offset.
@Suite struct CSVErrorTests {
    @Test func raggedRowTooManyFields() throws {
        let d = try #require(readError("a,b,c\n1,2,3\n4,5,6,7\n"))
        #expect(d.category == .data)
        #expect(d.location == SourceLocation(file: "data.csv", line: 3, column: 7))
        #expect(d.message == "record 2 on line 3 has 4 fields, expected 3 like the header (byte offset 18)")
        #expect(d.hint?.contains("wrap such values in double quotes") == true)
        #expect(d.sourceLine == "4,5,6,7")
    }

    @Test func raggedRowTooFewFieldsAfterMultilineField() throws {
        let d = try #require(readError("a,b,c\n\"x\ny\",2,3\n4,5\n"))
        #expect(d.location == SourceLocation(file: "data.csv", line: 4, column: 4))
        #expect(d.message.hasPrefix("record 2 on line 4 has 2 fields, expected 3"))
    }

    @Test func unterminatedQuote() throws {
        let d = try #require(readError("id,comment\n1,ok\n2,\"never closed\n3,x\n"))
        #expect(d.location == SourceLocation(file: "data.csv", line: 3, column: 3))
        #expect(d.message == "record 2, column 2 (\"comment\"): a quoted value opened on line 3 is never closed (byte offset 18)")
    }

    @Test func strayQuoteInUnquotedField() throws {
        let d = try #require(readError("id,size\n1,5\" screen\n"))
        #expect(d.location == SourceLocation(file: "data.csv", line: 2, column: 4))
        #expect(d.message == "record 1, column 2 (\"size\"): a double quote inside a value that does not start with one (byte offset 11)")
    }

    @Test func textAfterClosingQuote() throws {
        let d = try #require(readError("id,size\n1,\"5\" screen\n"))
        #expect(d.location == SourceLocation(file: "data.csv", line: 2, column: 6))
        #expect(d.message.contains("text follows the closing quote"))
        #expect(d.message.contains("byte offset 13"))
    }

    @Test func invalidUTF8GivesLineAndByteOffset() throws {
        var bytes = Array("name\nok\ncaf".utf8)
        bytes.append(0xE9)  // latin1 é
        bytes.append(contentsOf: Array("\n".utf8))
        let d = try #require(readError(bytes: bytes))
        #expect(d.location == SourceLocation(file: "data.csv", line: 3, column: 4))
        #expect(d.message == "the file is not valid UTF-8: byte 0xE9 at byte offset 11 (line 3)")
        #expect(d.hint?.contains("encoding: windows-1252") == true)
    }

    @Test func emptyFile() throws {
        let d = try #require(readError(""))
        #expect(d.message.contains("the file is empty"))
        #expect(d.location?.line == 1)
        #expect(readError("\n\n")?.message.contains("empty") == true)
    }

    @Test func emptyHeaderName() throws {
        let d = try #require(readError("a,,c\n1,2,3\n"))
        #expect(d.message == "column 2 has an empty header name")
        #expect(d.location == SourceLocation(file: "data.csv", line: 1, column: 3))
    }

    @Test func duplicateHeaderNamesBothColumns() throws {
        let d = try #require(readError("team,score,team\n"))
        #expect(d.message == "columns 1 and 3 are both named \"team\"")
        #expect(d.location == SourceLocation(file: "data.csv", line: 1, column: 12))
        let e = try #require(readError("First Contact,first_contact\n"))
        #expect(e.message == "columns 1 (\"First Contact\") and 2 (\"first_contact\") differ only in case, spaces, '_' or '-'")
        #expect(readError("Team, team \n")?.message == "columns 1 and 2 are both named \"Team\"" || readError("Team, team \n")?.message.contains("differ only") == true)
    }

    @Test func declaredTypeMismatch() throws {
        var options = CSVReadOptions()
        options.schema = ["csat": ColumnSpec(.integer)]
        let d = try #require(readError("id,csat\n1,5\n2,five\n", options))
        #expect(d.location == SourceLocation(file: "data.csv", line: 3, column: 3))
        #expect(d.message == "record 2, column \"csat\": expected a whole number, found \"five\" (byte offset 14)")
    }

    @Test func declaredDateFormatMismatch() throws {
        var options = CSVReadOptions()
        options.schema = ["day": ColumnSpec(.date, format: "dd/MM/yyyy")]
        let d = try #require(readError("day\n31/12/2026\n2026-12-31\n", options))
        #expect(d.message.contains("expected a date in the form dd/MM/yyyy, found \"2026-12-31\""))
        #expect(d.location?.line == 3)
    }

    @Test func ambiguousDatesAskForAFormat() throws {
        let d = try #require(readError("day\n03/04/2026\n05/06/2026\n"))
        #expect(d.message == "column \"day\" holds dates like \"03/04/2026\" that could be day-first (UK) or month-first (US); Tally never guesses")
        #expect(d.location == SourceLocation(file: "data.csv", line: 2, column: 1))
        #expect(d.hint?.contains("dd/MM/yyyy (UK) or MM/dd/yyyy (US)") == true)
        let uk = try #require(readError("day\n03/04/2026\n25/06/2026\n"))
        #expect(uk.hint?.contains("fit only day-first") == true)
    }

    @Test func schemaColumnNotInFile() throws {
        var options = CSVReadOptions()
        options.schema = ["nps": ColumnSpec(.integer)]
        let d = try #require(readError("id,csat\n1,5\n", options))
        #expect(d.message == "the schema declares column \"nps\", which the file does not have")
        #expect(d.hint == "the file's columns are: \"id\", \"csat\"")
    }

    @Test func badDeclaredFormatAndZone() throws {
        var options = CSVReadOptions()
        options.schema = ["t": ColumnSpec(.datetime, format: "qq/MM", timeZone: "Mars/Olympus")]
        let error = try #require(throws: DiagnosticError.self) { try readCSV("t\nx\n", options) }
        #expect(error.diagnostics.count == 2)
        #expect(error.diagnostics[0].message.contains("the date format \"qq/MM\" is not understood"))
        #expect(error.diagnostics[1].message.contains("the time zone \"Mars/Olympus\" is not known"))
    }

    @Test func windows1252UndefinedByte() throws {
        var options = CSVReadOptions()
        options.encoding = .windows1252
        let d = try #require(readError(bytes: Array("a\n".utf8) + [0x81], options))
        #expect(d.message == "the file cannot be read as windows-1252: byte 0x81 is not defined in windows-1252 at byte offset 2")
    }
}
