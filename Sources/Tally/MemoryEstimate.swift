import TallyCore
import TallyData

/// How much memory reading a CSV file will take, estimated before parsing it (the per-dataset budget).
enum MemoryEstimate {
    /// Bytes per cell of the typed table: an 8-byte value or text offset, validity, and text storage slack.
    static let bytesPerCell = 16

    /// The file's bytes plus `bytesPerCell` for every cell (lines × header columns).
    static func bytes(for bytes: [UInt8], path: String, options: CSVReadOptions) -> Int {
        let header = (try? CSVReader.readHeader(bytes: bytes, path: path, options: options)) ?? []
        var lines = 1
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer where byte == 0x0A { lines += 1 }
        }
        let (cells, overflow) = lines.multipliedReportingOverflow(by: max(1, header.count))
        let (table, overflow2) = cells.multipliedReportingOverflow(by: bytesPerCell)
        let (total, overflow3) = bytes.count.addingReportingOverflow(table)
        return overflow || overflow2 || overflow3 ? Int.max : total
    }

    /// A round budget above `estimate` to suggest in the error (`3G`, `512M`).
    static func suggestion(for estimate: Int) -> String {
        let mebibytes = (estimate >> 20) + 1
        if mebibytes >= 1024 { return "\((mebibytes + 1023) / 1024)G" }
        return "\(((mebibytes + 63) / 64) * 64)M"
    }
}
