// libFuzzer target for the CSV reader. Built only by `make fuzz` (with -D TALLY_FUZZ and
// -sanitize=fuzzer,address); a normal build gets a main that says how to run it.
#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import TallyCore
import TallyData

/// libFuzzer's entry point: the first two bytes choose reading options (0, 0: the defaults), the rest is the CSV file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    let selector = input[0]
    let extra = size > 1 ? input[1] : 0
    let bytes = Array(input.dropFirst(size > 1 ? 2 : 1))
    CSVFuzzing.run(bytes: bytes, selector: selector, extra: extra)
    return 0
}

/// Runs libFuzzer in a fuzz build; says how to in a normal one.
@main
struct FuzzCSVMain {
    /// Hands the command line to the shared driver.
    static func main() {
        FuzzDriver.main(target: "fuzz-csv", fuzzCSV)
    }
}

/// Drives the reader's public entry points with option sets chosen by the fuzzer's bytes.
enum CSVFuzzing {
    /// Date and datetime formats tried on declared columns.
    static let formats: [String?] = [nil, "dd/MM/yyyy", "MM/dd/yyyy", "yyyy-MM-dd HH:mm", "dd.MM.yy", "d/M/yyyy H:mm:ss"]
    /// Time zones tried for datetimes without an offset.
    static let zones = ["UTC", "+01:00", "Europe/London", "America/New_York", "-09:30", "Not/AZone"]
    /// Field separators: detected, or one of the usual bytes.
    static let delimiters: [DelimiterChoice] = [.auto, .byte(UInt8(ascii: ",")), .byte(UInt8(ascii: ";")), .byte(9)]

    /// Profiles (reads, types and summarises) `bytes` with the options `selector`/`extra` pick; errors are fine.
    static func run(bytes: [UInt8], selector: UInt8, extra: UInt8) {
        let path = "fuzz.csv"
        var options = CSVReadOptions(threads: 1)
        options.delimiter = delimiters[Int(selector & 3)]
        options.encoding = CSVEncoding.allCases[Int((selector >> 2) & 3) % CSVEncoding.allCases.count]
        options.hasHeader = selector & 0x10 == 0
        options.badRows = selector & 0x20 == 0 ? .fail : .skip
        if selector & 0x40 != 0 {
            options.decimalSeparator = UInt8(ascii: ",")
            options.thousandsSeparator = extra & 1 == 0 ? UInt8(ascii: ".") : UInt8(ascii: " ")
        }
        options.timeZone = zones[Int(extra >> 5) % zones.count]
        if selector & 0x80 != 0, let header = try? CSVReader.readHeader(bytes: bytes, path: path, options: options) {
            // Declare the header's columns with types (and formats) picked by `extra`, so the typed parsers
            // see the fuzzer's fields rather than only inference.
            let types = ColumnType.allCases
            for (index, name) in header.prefix(16).enumerated() {
                let pick = Int(extra) &+ index &* 7
                let zone = pick % 3 == 0 ? zones[pick % zones.count] : nil
                options.schema[name] = ColumnSpec(types[pick % types.count], format: formats[pick % formats.count], timeZone: zone)
            }
        }
        do {
            let profile = try CSVReader.profile(bytes: bytes, path: path, options: options)
            // One rendering per input, by length parity (as fuzz-formula picks its compilation): both see every shape,
            // at less cost per execution than rendering both.
            if bytes.count % 2 == 0 { _ = profile.json } else { _ = profile.text }
        } catch {
            _ = error.description
        }
        if selector & 0x08 != 0 {
            _ = try? CSVReader.records(bytes: bytes, path: path, options: options)
        }
    }
}
