#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import TallyCore

/// A write to an output file failed (disk full, permission denied, missing directory…).
struct OutputError: Error, CustomStringConvertible {
    /// What went wrong, with the path.
    let description: String
}

/// Streams RFC 4180 CSV (comma, `"` quoting with doubled quotes, LF line ends) through a 1 MiB byte buffer.
///
/// Fields are appended as bytes, never built as per-row Strings, so a million rows take well under a second.
/// Quotes only fields that need it (comma, quote, CR or LF inside).
struct CSVWriter {
    /// The file being written.
    let path: String
    /// Bytes not yet handed to the file.
    private var buffer: [UInt8] = []
    /// The open C stream.
    private let file: UnsafeMutablePointer<FILE>
    /// True until the first field of the current row has been written.
    private var atRowStart = true
    /// Data rows finished so far (the header not counted).
    private(set) var rows = 0
    /// Flush threshold in bytes.
    private static let flushSize = 1 << 20

    /// Creates (truncates) the file and writes the header row.
    init(path: String, header: [String]) throws(OutputError) {
        guard let file = fopen(path, "wb") else {
            throw OutputError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.file = file
        buffer.reserveCapacity(CSVWriter.flushSize + 4096)
        for name in header { text(name) }
        buffer.append(10)
        atRowStart = true
    }

    /// Writes the separator before every field but the first of a row.
    @inline(__always) private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.append(44) }
    }

    /// An empty field (a missing value).
    mutating func empty() { separate() }

    /// A text field, quoted per RFC 4180 when it contains a comma, quote, CR or LF.
    mutating func text(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            if !needsQuotes {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(34)
            for byte in bytes {
                if byte == 34 { buffer.append(34) }
                buffer.append(byte)
            }
            buffer.append(34)
        }
    }

    /// A field known to need no quoting (identifiers, codes), written as is.
    @inline(__always) mutating func raw(_ bytes: [UInt8]) {
        separate()
        buffer.append(contentsOf: bytes)
    }

    /// `Y` or `N`.
    @inline(__always) mutating func flag(_ value: Bool) {
        separate()
        buffer.append(value ? 89 : 78)
    }

    /// A decimal integer.
    @inline(__always) mutating func int(_ value: Int) {
        separate()
        appendDigits(value, width: 1)
    }

    /// A prefix followed by a zero-padded number, e.g. `T0000042`.
    mutating func id(_ prefix: [UInt8], _ number: Int, width: Int) {
        separate()
        buffer.append(contentsOf: prefix)
        appendDigits(number, width: width)
    }

    /// A number with a fixed count of decimals (half away from zero), e.g. `12.50`.
    mutating func fixed(_ value: Double, decimals: Int) {
        separate()
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        if value < 0, scaled != 0 { buffer.append(45) }
        appendDigits(scaled / scale, width: 1)
        if decimals > 0 {
            buffer.append(46)
            appendDigits(scaled % scale, width: decimals)
        }
    }

    /// An ISO date, `YYYY-MM-DD`.
    mutating func date(_ day: CivilDate) {
        separate()
        appendDate(day)
    }

    /// An ISO 8601 datetime in UK civil time with its offset, e.g. `2025-07-07T09:14:05+01:00`.
    mutating func ukDateTime(utcSeconds: Int) {
        separate()
        let offset = UKTime.offsetSeconds(utc: utcSeconds)
        let local = utcSeconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - days * 86_400
        appendDate(CivilDate(daysSinceEpoch: days))
        buffer.append(84)  // T
        appendDigits(second / 3600, width: 2)
        buffer.append(58)
        appendDigits(second / 60 % 60, width: 2)
        buffer.append(58)
        appendDigits(second % 60, width: 2)
        buffer.append(offset >= 0 ? 43 : 45)
        appendDigits(abs(offset) / 3600, width: 2)
        buffer.append(58)
        appendDigits(abs(offset) / 60 % 60, width: 2)
    }

    /// Ends the row; hands the buffer to the file once it passes the flush size.
    mutating func endRow() throws(OutputError) {
        buffer.append(10)
        atRowStart = true
        rows += 1
        if buffer.count >= CSVWriter.flushSize { try flush() }
    }

    /// Writes the remaining bytes and closes the file.
    mutating func close() throws(OutputError) {
        try flush()
        if fclose(file) != 0 {
            throw OutputError(description: "cannot close \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Hands the buffered bytes to the C stream.
    private mutating func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count {
            throw OutputError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// `YYYY-MM-DD` without a separator.
    @inline(__always) private mutating func appendDate(_ day: CivilDate) {
        appendDigits(day.year, width: 4)
        buffer.append(45)
        appendDigits(day.month, width: 2)
        buffer.append(45)
        appendDigits(day.day, width: 2)
    }

    /// A non-negative integer, left-padded with zeros to `width` digits (a minus sign for negatives).
    @inline(__always) private mutating func appendDigits(_ value: Int, width: Int) {
        if value < 0 {
            buffer.append(45)
            appendDigits(-value, width: width)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { storage in
            repeat {
                storage[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            var padding = width - count
            while padding > 0 {
                buffer.append(48)
                padding -= 1
            }
            var index = count - 1
            while index >= 0 {
                buffer.append(storage[index])
                index -= 1
            }
        }
    }
}
