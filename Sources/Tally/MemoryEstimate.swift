#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore
import TallyData

/// How much memory reading a CSV file will take, estimated before parsing it (the per-dataset budget).
enum MemoryEstimate {
    /// Bytes per cell of the typed table: an 8-byte value or text offset, validity, and text storage slack.
    static let bytesPerCell = 16

    /// How much of the file's start the estimate looks at.
    static let prefixBytes = 1 << 20

    /// The file's size plus `bytesPerCell` for every cell: header columns × lines, the lines counted in the
    /// first megabyte and extrapolated to the whole file (exact for files up to a megabyte).
    static func bytes(prefix: [UInt8], fileSize: Int, path: String, options: CSVReadOptions) -> Int {
        // A cut prefix ends at its last line break, so no character is split.
        let whole = prefix.count >= fileSize ? prefix : Array(prefix[..<((prefix.lastIndex(of: 0x0A) ?? (prefix.count - 1)) + 1)])
        let header = (try? CSVReader.readHeader(bytes: whole, path: path, options: options)) ?? []
        var breaks = 0
        prefix.withUnsafeBufferPointer { buffer in
            for byte in buffer where byte == 0x0A { breaks += 1 }
        }
        let perByte = Double(breaks + 1) / Double(max(1, prefix.count))
        let lines = prefix.count >= fileSize ? breaks + 1 : Int(min(Double(Int.max / 64), perByte * Double(fileSize) * 1.05) + 1)
        let (cells, overflow) = lines.multipliedReportingOverflow(by: max(1, header.count))
        let (table, overflow2) = cells.multipliedReportingOverflow(by: bytesPerCell)
        let (total, overflow3) = fileSize.addingReportingOverflow(table)
        return overflow || overflow2 || overflow3 ? Int.max : total
    }

    /// The first `prefixBytes` of a local file, or nil when it cannot be opened.
    static func prefix(ofFile path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: prefixBytes)
        var filled = 0
        while filled < buffer.count {
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return read(fd, base + filled, raw.count - filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        return Array(buffer.prefix(filled))
    }

    /// A round budget above `estimate` to suggest in the error (`3G`, `512M`).
    static func suggestion(for estimate: Int) -> String {
        let mebibytes = (estimate >> 20) + 1
        if mebibytes >= 1024 { return "\((mebibytes + 1023) / 1024)G" }
        return "\(((mebibytes + 63) / 64) * 64)M"
    }
}
