/// What the reader found out about a file's form: separator, encoding, BOM and an Excel `sep=` line.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator byte.
    public var delimiter: UInt8
    /// Whether the delimiter was detected (true) or declared (false).
    public var delimiterDetected: Bool
    /// The encoding the bytes were read in.
    public var encoding: CSVEncoding
    /// Whether the file started with a byte-order mark (removed before parsing).
    public var hadBOM: Bool
    /// Whether the file started with Excel's `sep=X` line (removed before parsing).
    public var hadSepLine: Bool

    /// The separator as users write it: `,`, `;`, `tab`, `|`.
    public var delimiterName: String {
        delimiter == 9 ? "tab" : String(decoding: [delimiter], as: UTF8.self)
    }
}

/// Decoding the start of a file: BOM, encoding, `sep=` line and delimiter detection.
enum DialectSniffer {
    /// The candidate separators, in order of preference when counts tie.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")]

    /// Length of an Excel `sep=X` first line including its line break, and the separator, or nil.
    static func sepLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (length: Int, delimiter: UInt8)? {
        let prefix: [UInt8] = Array("sep=".utf8)
        guard bytes.count >= start + 5 else { return nil }
        for k in 0..<3 where bytes[start + k] | 0x20 != prefix[k] { return nil }
        guard bytes[start + 3] == prefix[3] else { return nil }
        let delimiter = bytes[start + 4]
        guard delimiter != 10, delimiter != 13, delimiter != UInt8(ascii: "\"") else { return nil }
        var end = start + 5
        if end == bytes.count { return (end - start, delimiter) }
        if bytes[end] == 13 { end += 1 }
        if end < bytes.count, bytes[end] == 10 { end += 1 }
        guard end > start + 5 else { return nil }
        return (end - start, delimiter)
    }

    /// Picks the candidate whose per-line count (outside quotes) is non-zero and most consistent over the
    /// first lines; `,` when none occurs (a one-column file).
    ///
    /// With `decimal: ","` declared, a comma loses ties to the other candidates (European files write
    /// `1,5` inside `;`-separated records).
    static func detectDelimiter(_ base: UnsafePointer<UInt8>, start: Int, end: Int, decimal: UInt8 = 46) -> UInt8 {
        var perLine: [[Int]] = []
        var counts = [0, 0, 0, 0]
        var inQuotes = false
        var i = start
        let stop = min(end, start + 65_536)
        while i < stop, perLine.count < 20 {
            let b = base[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, b == 10 || b == 13 {
                if counts != [0, 0, 0, 0] || !perLine.isEmpty { perLine.append(counts) }
                counts = [0, 0, 0, 0]
                if b == 13, i + 1 < stop, base[i + 1] == 10 { i += 1 }
            } else if !inQuotes {
                for (k, c) in candidates.enumerated() where c == b { counts[k] += 1 }
            }
            i += 1
        }
        if counts != [0, 0, 0, 0] { perLine.append(counts) }
        guard let header = perLine.first else { return UInt8(ascii: ",") }
        var best: (score: Int, delimiter: UInt8)? = nil
        for k in 0..<candidates.count where header[k] > 0 {
            // Lines agreeing with the header's count, then the count itself, decide.
            let agreeing = perLine.filter { $0[k] == header[k] }.count
            let score = (agreeing * 1000 + min(header[k], 999)) * 2 + (candidates[k] == decimal ? 0 : 1)
            if best == nil || score > (best?.score ?? 0) { best = (score, candidates[k]) }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }
}
