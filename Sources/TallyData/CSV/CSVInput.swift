import TallyCore

/// A file decoded to UTF-8 with its dialect known and its header read: what every later step starts from.
struct CSVInput {
    /// UTF-8 bytes (the original buffer when it was UTF-8 already).
    let bytes: [UInt8]
    /// Detected form.
    let dialect: CSVDialect
    /// Column names (trimmed), or generated `column1…` without a header row.
    let header: [String]
    /// Offset of the first data record (after BOM, `sep=` line and header).
    let dataStart: Int
    /// Physical line of `dataStart`.
    let dataLine: Int
    /// Path for messages.
    let path: String

    /// Decodes, validates, detects the dialect and reads the header.
    init(bytes original: [UInt8], path: String, options: CSVReadOptions, validateAll: Bool = true)
        throws(DiagnosticError)
    {
        self.path = path
        var encoding = options.encoding
        var hadBOM = false
        var utf8: [UInt8]
        // 1. Encoding and BOM.
        let startsUTF16BOM = original.count >= 2 && ((original[0] == 0xFF && original[1] == 0xFE) || (original[0] == 0xFE && original[1] == 0xFF))
        if encoding == .utf16 || (encoding == .utf8 && startsUTF16BOM) {
            encoding = .utf16
            hadBOM = startsUTF16BOM
            do { utf8 = try Transcoding.utf16ToUTF8(original) } catch {
                throw DiagnosticError(CSVMessages.transcoding(path, encoding: .utf16, offset: error.offset, reason: error.reason))
            }
        } else if encoding == .latin1 || encoding == .windows1252 {
            do { utf8 = try Transcoding.singleByteToUTF8(original, windows1252: encoding == .windows1252) } catch {
                throw DiagnosticError(CSVMessages.transcoding(path, encoding: encoding, offset: error.offset, reason: error.reason))
            }
        } else {
            utf8 = original
        }
        var start = 0
        if utf8.count >= 3, utf8[0] == 0xEF, utf8[1] == 0xBB, utf8[2] == 0xBF {
            start = 3
            hadBOM = true
        }
        // 2. Strict UTF-8 (whole file, in parallel for large files, unless the caller validates later).
        if encoding == .utf8, validateAll {
            if let bad = CSVParallel.firstInvalidUTF8(utf8, from: start, threads: options.threads) {
                throw DiagnosticError(utf8.withUnsafeBufferPointer { buffer -> Diagnostic in
                    guard let p = buffer.baseAddress else { return CSVMessages.empty(path) }
                    let loc = ByteLocation.locate(p, count: buffer.count, offset: bad, anchor: 0, anchorLine: 1)
                    return CSVMessages.invalidUTF8(path, loc, offset: bad, byte: utf8[bad])
                })
            }
        }
        // 3. Excel's `sep=` line, then the delimiter.
        var line = 1
        var hadSepLine = false
        var delimiter: UInt8
        var detected = false
        if let sep = DialectSniffer.sepLine(utf8, from: start) {
            start += sep.length
            line = 2
            hadSepLine = true
            delimiter = sep.delimiter
        } else if case .byte(let b) = options.delimiter {
            delimiter = b
        } else {
            delimiter = utf8.withUnsafeBufferPointer { buffer in
                guard let p = buffer.baseAddress else { return UInt8(ascii: ",") }
                return DialectSniffer.detectDelimiter(p, start: start, end: buffer.count)
            }
            detected = true
        }
        if case .byte(let b) = options.delimiter { delimiter = b; detected = false }
        let dialect = CSVDialect(delimiter: delimiter, delimiterDetected: detected, encoding: encoding, hadBOM: hadBOM,
                                 hadSepLine: hadSepLine)
        // 4. Header.
        let fields = FieldBuffer()
        let headerResult: Result<(names: [String], end: Int, line: Int), DiagnosticError> = utf8.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return .failure(DiagnosticError(CSVMessages.empty(path))) }
            var scanner = CSVScanner(base: p, start: start, end: buffer.count, limit: buffer.count, delimiter: delimiter, firstLine: line)
            switch scanner.nextRecord(into: fields) {
            case .end: return .failure(DiagnosticError(CSVMessages.empty(path)))
            case .error(let e):
                let loc = ByteLocation.locate(p, count: buffer.count, offset: e.offset, anchor: scanner.recordStart, anchorLine: scanner.recordLine)
                return .failure(DiagnosticError(CSVMessages.structural(path, loc, e, record: 0, fieldName: "header")))
            case .record:
                guard options.hasHeader else {
                    return .success(((1...fields.count).map { "column\($0)" }, start, line))
                }
                var names: [String] = []
                var seen: [String: Int] = [:]
                for k in 0..<fields.count {
                    let raw = CSVRecords.fieldString(p, fields.starts[k], fields.ends[k], fields.flags[k])
                    let name = raw.trimmingSpaces()
                    let loc = { ByteLocation.locate(p, count: buffer.count, offset: fields.starts[k], anchor: scanner.recordStart, anchorLine: scanner.recordLine) }
                    if name.isEmpty { return .failure(DiagnosticError(CSVMessages.emptyHeader(path, loc(), column: k + 1))) }
                    let key = Table.normalisedName(name)
                    if let previous = seen[key] {
                        return .failure(DiagnosticError(CSVMessages.duplicateHeader(
                            path, loc(), first: names[previous], firstColumn: previous + 1, second: name, secondColumn: k + 1)))
                    }
                    seen[key] = k
                    names.append(name)
                }
                return .success((names, scanner.position, scanner.line))
            }
        }
        switch headerResult {
        case .failure(let error): throw error
        case .success(let h):
            header = h.names
            dataStart = h.end
            dataLine = h.line
        }
        bytes = utf8
        self.dialect = dialect
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
