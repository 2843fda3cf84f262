import Dispatch
import TallyCore

/// A file decoded to UTF-8 with its dialect known and its header read: what every later step starts from.
struct CSVInput {
    /// UTF-8 bytes (the original buffer or mapping when it was UTF-8 already).
    let bytes: InputBytes
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
    /// `"` counts per 1 MB block from the validation pass (nil for transcoded input).
    let quotesPerBlock: [Int]?
    /// SHA-256 of the original bytes, when the options ask for a fingerprint.
    let sha256: String?
    /// Size of the original bytes.
    let originalCount: Int

    /// Decodes, validates, detects the dialect and reads the header of bytes in memory.
    init(bytes original: [UInt8], path: String, options: CSVReadOptions) throws(DiagnosticError) {
        try self.init(source: .array(original), path: path, options: options)
    }

    /// What steps 2–4 find.
    private struct Analysis {
        var dialect: CSVDialect
        var header: [String]
        var dataStart: Int
        var dataLine: Int
        var quotesPerBlock: [Int]?
    }

    /// Decodes, validates, detects the dialect and reads the header.
    init(source original: InputBytes, path: String, options: CSVReadOptions) throws(DiagnosticError) {
        self.path = path
        originalCount = original.withUnsafeBufferPointer { $0.count }
        // Hashed on another core while this one validates the bytes (both are single passes over the file).
        let hashing = options.fingerprint ? BackgroundDigest(original) : nil
        var encoding = options.encoding
        // 1. Encoding: anything but UTF-8 is transcoded into memory first.
        let startsUTF16BOM = original.withUnsafeBufferPointer { b in
            b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
        }
        var source = original
        if encoding == .utf16 || (encoding == .utf8 && startsUTF16BOM) {
            encoding = .utf16
            do { source = .array(try Transcoding.utf16ToUTF8(original.array)) } catch {
                throw DiagnosticError(CSVMessages.transcoding(path, encoding: .utf16, offset: error.offset, reason: error.reason))
            }
        } else if encoding == .latin1 || encoding == .windows1252 {
            do { source = .array(try Transcoding.singleByteToUTF8(original.array, windows1252: encoding == .windows1252)) } catch {
                throw DiagnosticError(CSVMessages.transcoding(path, encoding: encoding, offset: error.offset, reason: error.reason))
            }
        }
        let finalEncoding = encoding
        let hadUTF16BOM = encoding == .utf16 && startsUTF16BOM
        let release = source.isMapped
        let result: Result<Analysis, DiagnosticError> = source.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress, buffer.count > 0 else { return .failure(DiagnosticError(CSVMessages.empty(path))) }
            return CSVInput.analyse(p, count: buffer.count, path: path, options: options, encoding: finalEncoding,
                                    hadUTF16BOM: hadUTF16BOM, releasePages: release)
        }
        switch result {
        case .failure(let error): throw error
        case .success(let a):
            sha256 = hashing?.wait()
            bytes = source
            dialect = a.dialect
            header = a.header
            dataStart = a.dataStart
            dataLine = a.dataLine
            quotesPerBlock = a.quotesPerBlock
        }
    }

    /// Steps 2–4: BOM, strict UTF-8, `sep=` line and delimiter, header.
    private static func analyse(
        _ p: UnsafePointer<UInt8>, count: Int, path: String, options: CSVReadOptions, encoding: CSVEncoding,
        hadUTF16BOM: Bool, releasePages: Bool
    ) -> Result<Analysis, DiagnosticError> {
        var start = 0
        var hadBOM = hadUTF16BOM
        if count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            start = 3
            hadBOM = true
        }
        // 2. Strict UTF-8 (whole file, in parallel for large files).
        var quotesPerBlock: [Int]?
        if encoding == .utf8 {
            let shared = SharedBytes(base: p, count: count, releasable: releasePages)
            let prepass = CSVParallel.prepass(shared, from: start, threads: options.threads)
            if let bad = prepass.firstInvalid {
                let loc = ByteLocation.locate(p, count: count, offset: bad, anchor: 0, anchorLine: 1)
                return .failure(DiagnosticError(CSVMessages.invalidUTF8(path, loc, offset: bad, byte: p[bad])))
            }
            quotesPerBlock = prepass.quotesPerBlock
        }
        // 3. Excel's `sep=` line, then the delimiter.
        var line = 1
        var hadSepLine = false
        var delimiter: UInt8
        var detected = false
        if let sep = DialectSniffer.sepLine(UnsafeBufferPointer(start: p, count: count), from: start) {
            start += sep.length
            line = 2
            hadSepLine = true
            delimiter = sep.delimiter
        } else {
            delimiter = DialectSniffer.detectDelimiter(p, start: start, end: count, decimal: options.decimalSeparator)
            detected = true
        }
        if case .byte(let b) = options.delimiter {
            delimiter = b
            detected = false
        }
        let dialect = CSVDialect(delimiter: delimiter, delimiterDetected: detected, encoding: encoding, hadBOM: hadBOM,
                                 hadSepLine: hadSepLine)
        // 4. Header.
        let fields = FieldBuffer()
        var scanner = CSVScanner(base: p, start: start, end: count, limit: count, delimiter: delimiter, firstLine: line)
        switch scanner.nextRecord(into: fields) {
        case .end: return .failure(DiagnosticError(CSVMessages.empty(path)))
        case .error(let e):
            let loc = ByteLocation.locate(p, count: count, offset: e.offset, anchor: scanner.recordStart, anchorLine: scanner.recordLine)
            return .failure(DiagnosticError(CSVMessages.structural(path, loc, e, record: 0, fieldName: "header")))
        case .record:
            guard options.hasHeader else {
                return .success(Analysis(dialect: dialect, header: (1...fields.count).map { "column\($0)" }, dataStart: start,
                                         dataLine: line, quotesPerBlock: quotesPerBlock))
            }
            var names: [String] = []
            var seen: [String: Int] = [:]
            for k in 0..<fields.count {
                let name = CSVRecords.fieldString(p, fields.starts[k], fields.ends[k], fields.flags[k]).trimmingSpaces()
                let loc = { ByteLocation.locate(p, count: count, offset: fields.starts[k], anchor: scanner.recordStart, anchorLine: scanner.recordLine) }
                if name.isEmpty { return .failure(DiagnosticError(CSVMessages.emptyHeader(path, loc(), column: k + 1))) }
                let key = Table.normalisedName(name)
                if let previous = seen[key] {
                    return .failure(DiagnosticError(CSVMessages.duplicateHeader(
                        path, loc(), first: names[previous], firstColumn: previous + 1, second: name, secondColumn: k + 1)))
                }
                seen[key] = k
                names.append(name)
            }
            return .success(Analysis(dialect: dialect, header: names, dataStart: scanner.position, dataLine: scanner.line,
                                     quotesPerBlock: quotesPerBlock))
        }
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

/// The SHA-256 of input bytes, computed on a background thread.
final class BackgroundDigest: @unchecked Sendable {
    // Written once by the background job before `done` is left; read only after waiting on `done`.
    private var digest = ""
    private let done = DispatchGroup()

    /// Starts hashing `bytes` (kept alive until the hash is done).
    init(_ bytes: InputBytes) {
        done.enter()
        DispatchQueue.global().async { [self] in
            digest = bytes.withUnsafeBufferPointer { SHA256.hexDigest(UnsafeRawBufferPointer($0)) }
            done.leave()
        }
    }

    /// The hex digest, once it is ready.
    func wait() -> String {
        done.wait()
        return digest
    }
}
