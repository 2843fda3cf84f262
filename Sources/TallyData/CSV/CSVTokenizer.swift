#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The field boundaries of the current record, reused from record to record (one allocation per worker).
final class FieldBuffer {
    /// Byte offset where each field's content starts (after an opening quote).
    private(set) var starts: UnsafeMutablePointer<Int>
    /// Byte offset where each field's content ends (before a closing quote).
    private(set) var ends: UnsafeMutablePointer<Int>
    /// 0: unquoted, 1: quoted, 2: quoted with doubled quotes inside (needs unescaping).
    private(set) var flags: UnsafeMutablePointer<UInt8>
    /// Number of fields in the current record.
    var count = 0
    /// Allocated slots.
    private var capacity: Int

    /// Creates a buffer with room for `capacity` fields (it grows as needed).
    init(capacity: Int = 64) {
        self.capacity = max(capacity, 8)
        starts = .allocate(capacity: self.capacity)
        ends = .allocate(capacity: self.capacity)
        flags = .allocate(capacity: self.capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
    }

    /// Appends a field.
    @inline(__always)
    func append(_ start: Int, _ end: Int, _ flag: UInt8) {
        if count == capacity { grow() }
        starts[count] = start
        ends[count] = end
        flags[count] = flag
        count += 1
    }

    /// Doubles the capacity.
    private func grow() {
        let newCapacity = capacity * 2
        let s = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let e = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let f = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        s.update(from: starts, count: count)
        e.update(from: ends, count: count)
        f.update(from: flags, count: count)
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
        starts = s
        ends = e
        flags = f
        capacity = newCapacity
    }
}

/// A structural problem found while splitting records.
struct ScanError: Sendable, Equatable {
    /// What kind of problem.
    enum Kind: Sendable, Equatable {
        /// A quoted field that never closes.
        case unterminatedQuote
        /// A `"` inside a field that did not start with a quote.
        case quoteInUnquotedField
        /// Something other than a delimiter or line break right after a closing quote.
        case textAfterClosingQuote
    }

    /// The kind.
    var kind: Kind
    /// Byte offset of the offending byte (for an unterminated quote: the opening quote).
    var offset: Int
    /// Physical line of that byte (scanner-relative; the caller adds the chunk's first line).
    var line: Int
    /// 0-based field index within the record.
    var field: Int
}

/// What `nextRecord` found.
enum ScanOutcome {
    /// A record; its fields are in the buffer.
    case record
    /// No more records.
    case end
    /// A structural error.
    case error(ScanError)
}

/// Splits UTF-8 CSV bytes into records and fields (RFC 4180 plus CR/LF/CRLF, blank lines skipped).
///
/// Unquoted fields are scanned byte by byte for the four special bytes; quoted fields for `"` and line
/// breaks only. Nothing is copied: fields are byte ranges into the input.
struct CSVScanner {
    /// The input bytes (UTF-8).
    let base: UnsafePointer<UInt8>
    /// End of the range to scan.
    let end: Int
    /// Records must start before this offset (a chunk's end); blank lines may run up to it.
    let limit: Int
    /// The separator.
    let delimiter: UInt8
    /// Next byte to read.
    var position: Int
    /// Physical line (1-based within the scanned range's numbering) of `position`.
    var line: Int
    /// Line on which the last returned record started.
    var recordLine = 0
    /// Offset at which the last returned record started.
    var recordStart = 0

    /// Creates a scanner over `base[start..<end]`, numbering lines from `firstLine`.
    init(base: UnsafePointer<UInt8>, start: Int, end: Int, limit: Int, delimiter: UInt8, firstLine: Int) {
        self.base = base
        self.end = end
        self.limit = limit
        self.delimiter = delimiter
        position = start
        line = firstLine
    }

    /// Reads the next record's fields into `fields`, skipping blank lines.
    @inline(__always)
    mutating func nextRecord(into fields: FieldBuffer) -> ScanOutcome {
        let p = base
        let end = self.end
        let delimiter = self.delimiter
        var pos = position
        // Blank lines.
        while pos < limit {
            let b = p[pos]
            if b == 10 { line += 1; pos += 1 } else if b == 13 { line += 1; pos += 1; if pos < end, p[pos] == 10 { pos += 1 } } else { break }
        }
        fields.count = 0
        guard pos < limit else {
            position = pos
            return .end
        }
        recordLine = line
        recordStart = pos
        while true {
            if pos < end, p[pos] == 34 {
                // Quoted field.
                let open = pos
                let openLine = line
                var q = pos + 1
                var flag: UInt8 = 1
                while true {
                    while q < end {
                        let b = p[q]
                        if b == 34 { break }
                        if b == 10 { line += 1 } else if b == 13, q + 1 < end, p[q + 1] != 10 { line += 1 } else if b == 13, q + 1 == end { line += 1 }
                        q += 1
                    }
                    guard q < end else {
                        position = end
                        line = openLine
                        return .error(ScanError(kind: .unterminatedQuote, offset: open, line: openLine, field: fields.count))
                    }
                    if q + 1 < end, p[q + 1] == 34 {
                        flag = 2
                        q += 2
                        continue
                    }
                    break
                }
                fields.append(open + 1, q, flag)
                pos = q + 1
                if pos >= end { break }
                let b = p[pos]
                if b == delimiter { pos += 1; continue }
                if b == 10 { line += 1; pos += 1; break }
                if b == 13 { line += 1; pos += 1; if pos < end, p[pos] == 10 { pos += 1 }; break }
                position = pos
                return .error(ScanError(kind: .textAfterClosingQuote, offset: pos, line: line, field: fields.count - 1))
            }
            // Unquoted field.
            let start = pos
            var b: UInt8 = 0
            while pos < end {
                b = p[pos]
                if b == delimiter || b == 10 || b == 13 || b == 34 { break }
                pos += 1
            }
            if pos < end, b == 34 {
                position = pos
                return .error(ScanError(kind: .quoteInUnquotedField, offset: pos, line: line, field: fields.count))
            }
            fields.append(start, pos, 0)
            if pos >= end { break }
            pos += 1
            if b == delimiter { continue }
            line += 1
            if b == 13, pos < end, p[pos] == 10 { pos += 1 }
            break
        }
        position = pos
        return .record
    }

    /// After an error, moves to the start of the physical line after the one holding `offset`
    /// (for an unterminated quote: the line after the record's first line), so a lenient read can go on.
    mutating func resynchronise(after error: ScanError) {
        var pos = error.kind == .unterminatedQuote ? recordStart : error.offset
        var line = error.kind == .unterminatedQuote ? recordLine : error.line
        while pos < end, base[pos] != 10, base[pos] != 13 { pos += 1 }
        if pos < end {
            line += 1
            if base[pos] == 13, pos + 1 < end, base[pos + 1] == 10 { pos += 1 }
            pos += 1
        }
        position = pos
        self.line = line
    }
}
