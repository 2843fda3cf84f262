import TallyCore

/// Records as exact field strings: samples for inference, raw columns for re-inference, and the
/// `tally inspect --records` JSON.
public extension CSVReader {
    /// The parsed records as a JSON array of objects keyed by header, each value the exact field string
    /// (quotes removed, doubled quotes undone, nothing trimmed). Malformed records are errors, or left out
    /// under `bad_rows: skip`.
    static func records(bytes: [UInt8], path: String, options: CSVReadOptions = CSVReadOptions()) throws(DiagnosticError) -> String {
        let input = try CSVInput(bytes: bytes, path: path, options: options)
        var failure: Diagnostic?
        let json: String = input.bytes.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return "[]" }
            let shared = SharedBytes(base: p, count: buffer.count)
            let keys = input.header.map { JSONText.string($0) }
            var out: [UInt8] = Array("[".utf8)
            var first = true
            let fields = FieldBuffer(capacity: input.header.count + 8)
            var scanner = CSVScanner(base: p, start: input.dataStart, end: buffer.count, limit: buffer.count,
                                     delimiter: input.dialect.delimiter, firstLine: 0)
            var record = 0
            while true {
                let result = scanner.nextRecord(into: fields)
                var problem: RecordFailure.Kind?
                switch result {
                case .end: break
                case .error(let e): problem = .structural(e)
                case .record:
                    if fields.count != keys.count {
                        problem = .ragged(found: fields.count, offset: fields.count > keys.count ? fields.starts[keys.count] : fields.ends[fields.count - 1])
                    }
                }
                if case .end = result { break }
                record += 1
                if let kind = problem {
                    let f = RecordFailure(kind: kind, recordLine: scanner.recordLine, recordStart: scanner.recordStart, record: record)
                    if options.badRows == .fail {
                        failure = CSVReader.diagnostic(for: f, input, shared, plans: [], lineBase: input.dataLine, recordBase: 0)
                        break
                    }
                    if case .structural(let e) = kind { scanner.resynchronise(after: e) }
                    continue
                }
                out.append(contentsOf: Array((first ? "\n  {" : ",\n  {").utf8))
                first = false
                for k in 0..<fields.count {
                    if k > 0 { out.append(contentsOf: Array(", ".utf8)) }
                    out.append(contentsOf: Array(keys[k].utf8))
                    out.append(contentsOf: Array(": ".utf8))
                    JSONText.appendString(CSVRecords.fieldBytes(p, fields.starts[k], fields.ends[k], fields.flags[k]), to: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
            out.append(contentsOf: Array((first ? "]" : "\n]").utf8))
            return String(decoding: out, as: UTF8.self)
        }
        if let failure { throw DiagnosticError(failure) }
        return json
    }
}

/// Helpers that turn byte ranges back into exact field values.
enum CSVRecords {
    /// The exact bytes of a field (doubled quotes undone when `flag == 2`).
    static func fieldBytes(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ flag: UInt8) -> [UInt8] {
        guard flag == 2 else { return Array(UnsafeBufferPointer(start: p + start, count: end - start)) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            out.append(p[i])
            i += p[i] == 34 ? 2 : 1
        }
        return out
    }

    /// The exact value of a field as a String.
    static func fieldString(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ flag: UInt8) -> String {
        String(decoding: fieldBytes(p, start, end, flag), as: UTF8.self)
    }

    /// The text of the field starting at `offset` (up to the next delimiter-like byte), for messages.
    static func fieldAt(_ p: UnsafePointer<UInt8>, count: Int, offset: Int) -> String {
        var e = offset
        while e < count, p[e] != 10, p[e] != 13, p[e] != 44, p[e] != 59, p[e] != 9, p[e] != 124 { e += 1 }
        return String(decoding: UnsafeBufferPointer(start: p + offset, count: e - offset), as: UTF8.self)
    }

    /// Exact values of some columns over the first `limit` well-formed records, with where each record is.
    static func sample(_ input: CSVInput, columns: [Int], limit: Int) -> (values: [[[UInt8]]], records: [(line: Int, start: Int)], fieldStarts: [[Int]]) {
        var values = [[[UInt8]]](repeating: [], count: columns.count)
        var fieldStarts = [[Int]](repeating: [], count: columns.count)
        var records: [(line: Int, start: Int)] = []
        input.bytes.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            let fields = FieldBuffer(capacity: input.header.count + 8)
            var scanner = CSVScanner(base: p, start: input.dataStart, end: buffer.count, limit: buffer.count,
                                     delimiter: input.dialect.delimiter, firstLine: input.dataLine)
            var rows = 0
            while rows < limit {
                guard case .record = scanner.nextRecord(into: fields) else { break }
                guard fields.count == input.header.count else { continue }
                for (k, c) in columns.enumerated() {
                    values[k].append(fieldBytes(p, fields.starts[c], fields.ends[c], fields.flags[c]))
                    fieldStarts[k].append(fields.starts[c] - (fields.flags[c] == 0 ? 0 : 1))
                }
                records.append((scanner.recordLine, scanner.recordStart))
                rows += 1
            }
        }
        return (values, records, fieldStarts)
    }

    /// Exact values of some columns over every record not skipped (the re-inference path).
    static func columnValues(_ input: CSVInput, _ shared: SharedBytes, columns: [Int], skipping: Set<Int>) -> [[[UInt8]]] {
        var values = [[[UInt8]]](repeating: [], count: columns.count)
        let fields = FieldBuffer(capacity: input.header.count + 8)
        var scanner = CSVScanner(base: shared.base, start: input.dataStart, end: shared.count, limit: shared.count,
                                 delimiter: input.dialect.delimiter, firstLine: 0)
        var record = 0
        while true {
            let result = scanner.nextRecord(into: fields)
            if case .end = result { break }
            record += 1
            if case .error(let e) = result {
                scanner.resynchronise(after: e)
                continue
            }
            guard !skipping.contains(record), fields.count == input.header.count else { continue }
            for (k, c) in columns.enumerated() {
                values[k].append(fieldBytes(shared.base, fields.starts[c], fields.ends[c], fields.flags[c]))
            }
        }
        return values
    }
}

/// Minimal JSON text output with deterministic formatting (no Foundation).
enum JSONText {
    /// Appends `bytes` (UTF-8) as a JSON string literal.
    static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<32:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(contentsOf: Array(Transcoding.hex(b).lowercased().utf8))
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        appendString(Array(text.utf8), to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
