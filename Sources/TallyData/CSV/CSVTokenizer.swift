#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The field boundaries of the current record, reused from record to record (one allocation per worker).
///
/// All mutable state lives behind pointers: a class's `var` properties are access-checked at run time on
/// every use, which cost ~5% of the whole read when the count lived in a stored property.
final class FieldBuffer {
    /// The buffers and counts.
    struct Storage {
        var count: Int
        var capacity: Int
        var starts: UnsafeMutablePointer<Int>
        var ends: UnsafeMutablePointer<Int>
        var flags: UnsafeMutablePointer<UInt8>
    }

    /// Behind a pointer, so reads and writes are plain memory accesses.
    private let storage: UnsafeMutablePointer<Storage>
    /// Byte offset where each field's content starts (after an opening quote).
    var starts: UnsafeMutablePointer<Int> { storage.pointee.starts }
    /// Byte offset where each field's content ends (before a closing quote).
    var ends: UnsafeMutablePointer<Int> { storage.pointee.ends }
    /// 0: unquoted, 1: quoted, 2: quoted with doubled quotes inside (needs unescaping).
    var flags: UnsafeMutablePointer<UInt8> { storage.pointee.flags }
    /// Number of fields in the current record.
    var count: Int {
        get { storage.pointee.count }
        set { storage.pointee.count = newValue }
    }

    /// Creates a buffer with room for `capacity` fields (it grows as needed).
    init(capacity: Int = 64) {
        let capacity = max(capacity, 8)
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(count: 0, capacity: capacity, starts: .allocate(capacity: capacity),
                                       ends: .allocate(capacity: capacity), flags: .allocate(capacity: capacity)))
    }

    deinit {
        storage.pointee.starts.deallocate()
        storage.pointee.ends.deallocate()
        storage.pointee.flags.deallocate()
        storage.deallocate()
    }

    /// Appends a field.
    @inline(__always)
    func append(_ start: Int, _ end: Int, _ flag: UInt8) {
        let n = storage.pointee.count
        if n == storage.pointee.capacity { grow() }
        storage.pointee.starts[n] = start
        storage.pointee.ends[n] = end
        storage.pointee.flags[n] = flag
        storage.pointee.count = n + 1
    }

    /// Doubles the capacity.
    private func grow() {
        let old = storage.pointee
        let newCapacity = old.capacity * 2
        let s = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let e = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let f = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        s.update(from: old.starts, count: old.count)
        e.update(from: old.ends, count: old.count)
        f.update(from: old.flags, count: old.count)
        old.starts.deallocate()
        old.ends.deallocate()
        old.flags.deallocate()
        storage.pointee = Storage(count: old.count, capacity: newCapacity, starts: s, ends: e, flags: f)
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
    /// The separator repeated in all eight bytes.
    let delimiterMask: UInt64
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
        delimiterMask = SWAR.broadcast(delimiter)
        position = start
        line = firstLine
    }

    /// Reads the next record's fields into `fields`, skipping blank lines.
    ///
    /// Quoted fields are scanned eight bytes at a time for `"` and line breaks, unquoted ones for the
    /// delimiter, line breaks and `"` (SWAR: no SIMD intrinsics needed, portable to any 64-bit CPU).
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
                    while q + 8 <= end {
                        let w = UnsafeRawPointer(p + q).loadUnaligned(as: UInt64.self)
                        if SWAR.match(w, SWAR.quote) | SWAR.match(w, SWAR.lf) | SWAR.match(w, SWAR.cr) != 0 { break }
                        q += 8
                    }
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
            // Unquoted field: eight bytes at a time while no special byte is in sight, then byte by byte.
            let start = pos
            var b: UInt8 = 0
            while pos + 8 <= end {
                let w = UnsafeRawPointer(p + pos).loadUnaligned(as: UInt64.self)
                let m = SWAR.match(w, delimiterMask) | SWAR.match(w, SWAR.lf) | SWAR.match(w, SWAR.cr) | SWAR.match(w, SWAR.quote)
                if m != 0 {
                    pos += m.trailingZeroBitCount >> 3
                    break
                }
                pos += 8
            }
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

/// SIMD-within-a-register helpers: find bytes equal to a value in a 64-bit word.
enum SWAR {
    /// `0x01` in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// `0x80` in every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080
    /// `\n` in every byte.
    static let lf: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    /// `\r` in every byte.
    static let cr: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    /// `"` in every byte.
    static let quote: UInt64 = 0x2222_2222_2222_2222

    /// `byte` in every byte.
    static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// High bit set in (at least) the lowest byte of `w` equal to the broadcast byte; exact for the lowest one.
    @inline(__always)
    static func match(_ w: UInt64, _ mask: UInt64) -> UInt64 {
        let x = w ^ mask
        return (x &- ones) & ~x & highs
    }
}
