import Foundation
import Testing
import TallyTestSupport

/// Shared helpers for end-to-end tests: the built binary, poppler, scratch folders.
enum EndToEnd {
    /// True when the `tally` binary and poppler's tools are available.
    static let ready: Bool = ProcessRunner.tallyExecutable != nil && ProcessRunner.which("pdftotext") != nil
        && ProcessRunner.which("pdfinfo") != nil && ProcessRunner.which("pdffonts") != nil

    /// Why end-to-end tests are skipped.
    static let skipReason: Comment = "needs the built tally binary (swift build) and poppler-utils (make test installs them)"

    /// Runs `tally` from the repository root.
    static func tally(_ arguments: [String]) throws -> ProcessOutcome {
        guard let executable = ProcessRunner.tallyExecutable else { throw CocoaError(.fileNoSuchFile) }
        return try ProcessRunner.run(executable, arguments, in: TestPaths.repositoryRoot, environment: ["SOURCE_DATE_EPOCH": ""])
    }

    /// Runs a poppler tool and returns its stdout.
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        guard let executable = ProcessRunner.which(tool) else { throw CocoaError(.fileNoSuchFile) }
        return try ProcessRunner.run(executable, arguments).stdout
    }

    /// A new empty folder under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tally-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24 else { return (0, 0) }
        func word(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        return (word(16), word(20))
    }
}

/// First contact resolution per phase computed straight from the sample CSV (independent of Tally's reader).
enum IndependentFCR {
    /// Baseline and post FCR as fractions.
    static func compute() throws -> (baseline: Double, post: Double) {
        let text = try String(contentsOfFile: TestPaths.inRepository("SampleData/tickets.csv"), encoding: .utf8)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        var counts = [(yes: 0, all: 0), (yes: 0, all: 0)]
        for record in IndependentCSV.records(text) {
            guard let stamp = record["opened_at"], let date = formatter.date(from: stamp), let fcr = record["fcr"], !fcr.isEmpty else { continue }
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let key = (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
            let phase: Int
            if key >= 20_250_106 && key <= 20_250_706 { phase = 0 } else if key >= 20_250_707 && key <= 20_260_104 { phase = 1 } else { continue }
            counts[phase].all += 1
            if fcr == "Y" { counts[phase].yes += 1 }
        }
        return (Double(counts[0].yes) / Double(counts[0].all), Double(counts[1].yes) / Double(counts[1].all))
    }

    /// FCR of the ISO week starting on `monday` (local dates, Europe/London).
    static func week(starting monday: String) throws -> Double {
        let text = try String(contentsOfFile: TestPaths.inRepository("SampleData/tickets.csv"), encoding: .utf8)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let local = DateFormatter()
        local.dateFormat = "yyyy-MM-dd"
        local.timeZone = TimeZone(identifier: "Europe/London")
        local.locale = Locale(identifier: "en_GB_POSIX")
        guard let start = local.date(from: monday) else { return .nan }
        let days = (0..<7).map { local.string(from: start.addingTimeInterval(Double($0) * 86_400 + 3600)) }
        var yes = 0, all = 0
        for record in IndependentCSV.records(text) {
            guard let stamp = record["opened_at"], let date = formatter.date(from: stamp), let fcr = record["fcr"], !fcr.isEmpty else { continue }
            guard days.contains(local.string(from: date)) else { continue }
            all += 1
            if fcr == "Y" { yes += 1 }
        }
        return Double(yes) / Double(all)
    }

    /// One-decimal percentage as the report prints it, e.g. "65.7%".
    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", (fraction * 1000).rounded() / 10) }
}
