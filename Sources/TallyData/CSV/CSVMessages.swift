import TallyCore

/// Where a byte of the input is, for messages: physical line, character column, and the line's text.
struct ByteLocation {
    /// 1-based physical line.
    var line: Int
    /// 1-based column in characters.
    var column: Int
    /// The physical line's text (for the caret display).
    var text: String

    /// Locates `offset`, given that `anchor` (at or before it) is on line `anchorLine`.
    static func locate(_ p: UnsafePointer<UInt8>, count: Int, offset: Int, anchor: Int, anchorLine: Int) -> ByteLocation {
        var line = anchorLine
        var i = anchor
        while i < offset {
            if p[i] == 10 || (p[i] == 13 && (i + 1 >= count || p[i + 1] != 10)) { line += 1 }
            i += 1
        }
        var lineStart = offset
        while lineStart > 0, p[lineStart - 1] != 10, p[lineStart - 1] != 13 { lineStart -= 1 }
        var column = 1
        for k in lineStart..<offset where p[k] & 0xC0 != 0x80 { column += 1 }
        var lineEnd = offset
        while lineEnd < count, p[lineEnd] != 10, p[lineEnd] != 13, lineEnd - lineStart < 400 { lineEnd += 1 }
        let text = String(decoding: UnsafeBufferPointer(start: p + lineStart, count: lineEnd - lineStart), as: UTF8.self)
        return ByteLocation(line: line, column: column, text: text)
    }
}

/// Every user-facing message of the CSV reader, in one place.
enum CSVMessages {
    /// A diagnostic located at a byte of the file.
    static func at(_ path: String, _ where_: ByteLocation, _ message: String, hint: String?) -> Diagnostic {
        .error(.data, message, at: SourceLocation(file: path, line: where_.line, column: where_.column), hint: hint,
               sourceLine: where_.text)
    }

    /// Shows a field value in quotes, shortened.
    static func quoted(_ value: String) -> String {
        let short = value.count > 60 ? String(value.prefix(57)) + "…" : value
        return "\"" + short.replacingAll("\"", with: "\\\"") + "\""
    }

    /// Invalid UTF-8 in a file read as UTF-8.
    static func invalidUTF8(_ path: String, _ loc: ByteLocation, offset: Int, byte: UInt8) -> Diagnostic {
        at(path, loc, "the file is not valid UTF-8: byte 0x\(Transcoding.hex(byte)) at byte offset \(offset) (line \(loc.line))",
           hint: "save the file as UTF-8, or declare its encoding in the spec (encoding: windows-1252, latin1 or utf-16)")
    }

    /// Bytes that the declared encoding cannot decode.
    static func transcoding(_ path: String, encoding: CSVEncoding, offset: Int, reason: String) -> Diagnostic {
        .error(.data, "the file cannot be read as \(encoding.rawValue): \(reason) at byte offset \(offset)",
               at: SourceLocation(file: path), hint: "check the declared encoding; most exports today are UTF-8")
    }

    /// A file without even a header row.
    static func empty(_ path: String) -> Diagnostic {
        .error(.data, "the file is empty: expected a header row naming the columns", at: SourceLocation(file: path, line: 1),
               hint: "export the data again with column headers")
    }

    /// A header cell with no name.
    static func emptyHeader(_ path: String, _ loc: ByteLocation, column: Int) -> Diagnostic {
        at(path, loc, "column \(column) has an empty header name", hint: "give every column a name in the header row")
    }

    /// Two header names that are equal, or equal up to case, spaces, `_` and `-`.
    static func duplicateHeader(_ path: String, _ loc: ByteLocation, first: String, firstColumn: Int, second: String,
                                secondColumn: Int) -> Diagnostic {
        let same = first == second
        return at(path, loc,
                  same ? "columns \(firstColumn) and \(secondColumn) are both named \(quoted(first))"
                      : "columns \(firstColumn) (\(quoted(first))) and \(secondColumn) (\(quoted(second))) differ only in case, spaces, '_' or '-'",
                  hint: "rename one of them so every column name is distinct")
    }

    /// A record with more or fewer fields than the header.
    static func ragged(_ path: String, _ loc: ByteLocation, record: Int, expected: Int, found: Int, offset: Int) -> Diagnostic {
        at(path, loc, "record \(record) on line \(loc.line) has \(found) field\(found == 1 ? "" : "s"), expected \(expected) like the header (byte offset \(offset))",
           hint: found > expected
            ? "a value probably contains the delimiter; wrap such values in double quotes"
            : "a value may be missing, or the line was broken; check the record, or set bad_rows: skip to skip such rows")
    }

    /// A quoting problem: unterminated quote, quote in an unquoted field, text after a closing quote.
    static func structural(_ path: String, _ loc: ByteLocation, _ error: ScanError, record: Int, fieldName: String) -> Diagnostic {
        let column = "column \(error.field + 1) (\(quoted(fieldName)))"
        switch error.kind {
        case .unterminatedQuote:
            return at(path, loc, "record \(record), \(column): a quoted value opened on line \(loc.line) is never closed (byte offset \(error.offset))",
                      hint: "add the closing double quote; a quote inside a quoted value is written twice (\"\")")
        case .quoteInUnquotedField:
            return at(path, loc, "record \(record), \(column): a double quote inside a value that does not start with one (byte offset \(error.offset))",
                      hint: "quote the whole value and double the inner quote: \"5\"\" screen\"")
        case .textAfterClosingQuote:
            return at(path, loc, "record \(record), \(column): text follows the closing quote of a quoted value (byte offset \(error.offset))",
                      hint: "a quote inside a quoted value is written twice (\"\"); otherwise end the value at the closing quote")
        }
    }

    /// How a type is described to users ("a whole number", "a date like 2026-03-31").
    static func typeName(_ type: ColumnType, format: String?) -> String {
        switch type {
        case .integer: return "a whole number"
        case .decimal: return "a number"
        case .percent: return "a percentage like 85%"
        case .boolean: return "a yes/no value"
        case .date: return format.map { "a date in the form \($0)" } ?? "a date like 2026-03-31"
        case .datetime: return format.map { "a date and time in the form \($0)" } ?? "a date and time like 2026-03-31T14:05:00Z"
        case .duration: return "a duration like 1:05:30"
        case .category, .text: return "text"
        }
    }

    /// A value that a declared column type cannot read.
    static func badValue(_ path: String, _ loc: ByteLocation, record: Int, column: String, type: ColumnType,
                         format: String?, value: String, offset: Int) -> Diagnostic {
        at(path, loc, "record \(record), column \(quoted(column)): expected \(typeName(type, format: format)), found \(quoted(value)) (byte offset \(offset))",
           hint: "fix the value, mark it missing (empty, NA, N/A, null), change the column's declared type, or set bad_rows: skip")
    }

    /// Day/month dates without a declared format.
    static func ambiguousDates(_ path: String, _ loc: ByteLocation, column: String, example: String, dayFirstOnly: Bool,
                               monthFirstOnly: Bool) -> Diagnostic {
        let suggestion = dayFirstOnly ? "the values fit only day-first: format: dd/MM/yyyy"
            : monthFirstOnly ? "the values fit only month-first: format: MM/dd/yyyy"
            : "declare format: dd/MM/yyyy (UK) or MM/dd/yyyy (US)"
        return at(path, loc, "column \(quoted(column)) holds dates like \(quoted(example)) that could be day-first (UK) or month-first (US); Tally never guesses",
                  hint: "declare the column's date format in the spec's schema; \(suggestion)")
    }

    /// A schema column the file does not have.
    static func missingSchemaColumn(_ path: String, name: String, header: [String]) -> Diagnostic {
        .error(.data, "the schema declares column \(quoted(name)), which the file does not have",
               at: SourceLocation(file: path, line: 1),
               hint: "the file's columns are: " + header.map { quoted($0) }.joined(separator: ", "))
    }

    /// A declared date format that cannot be compiled.
    static func badFormat(_ path: String, column: String, format: String) -> Diagnostic {
        .error(.spec, "column \(quoted(column)): the date format \(quoted(format)) is not understood",
               at: SourceLocation(file: path), hint: "use letters yyyy, yy, MM, M, dd, d, HH, H, mm, ss, e.g. dd/MM/yyyy HH:mm")
    }

    /// A declared time zone that is not known.
    static func badZone(_ path: String, column: String?, zone: String) -> Diagnostic {
        .error(.spec, "\(column.map { "column \(quoted($0)): " } ?? "")the time zone \(quoted(zone)) is not known",
               at: SourceLocation(file: path), hint: "use UTC, a fixed offset like +01:00, or a zone name like Europe/London")
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
