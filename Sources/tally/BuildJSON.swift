import Foundation
import Tally

/// The `--json` summary of a build: one object per report, then totals.
enum BuildJSON {
    /// Pretty-printed JSON text.
    static func summary(_ outcomes: [BuildOutcome], fired: [Alert], exitCode: Int32) -> String {
        var reports: [[String: Any]] = []
        for outcome in outcomes {
            var entry: [String: Any] = ["spec": outcome.specPath, "seconds": (outcome.seconds * 1000).rounded() / 1000]
            if let item = outcome.item { entry["item"] = item }
            switch outcome.status {
            case .built(let summary):
                entry["status"] = "built"
                entry["directory"] = summary.outputDirectory
                entry["files"] = summary.files
                entry["pages"] = summary.pages
                entry["charts"] = summary.charts
                entry["warnings"] = summary.warnings.map { $0.rendered() }
            case .upToDate(let directory):
                entry["status"] = "up-to-date"
                entry["directory"] = directory
            case .failed(let error):
                entry["status"] = "failed"
                entry["diagnostics"] = error.diagnostics.map { $0.rendered() }
            }
            entry["alerts"] = outcome.alerts.map { ["kind": $0.kind.rawValue, "message": $0.message] }
            reports.append(entry)
        }
        let object: [String: Any] = [
            "reports": reports, "exitCode": Int(exitCode),
            "alertsFired": fired.map { ["kind": $0.kind.rawValue, "message": $0.message] },
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Cores available to this process.
enum CoreCount {
    /// Active processor count (at least 1).
    static var available: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
