// Helpers for the SPC reference suite: a tiny CSV splitter, expected.json access, and tolerant comparisons.

import Foundation
import Testing
import TallyStats
import TallyTestSupport

/// Reads `../shared/reference/spc` (CSV files and expected.json).
enum SPCReference {
    /// The folder, or nil when the shared reference data is not checked out beside the repository.
    static var directory: String? { TestPaths.sharedReference.map { $0 + "/spc" } }

    /// `datasets` of expected.json (empty when absent or unreadable).
    nonisolated(unsafe) static let datasets: [String: Any] = {
        guard let dir = directory, let data = FileManager.default.contents(atPath: dir + "/expected.json"),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let datasets = json["datasets"] as? [String: Any] else { return [:] }
        return datasets
    }()

    /// Every "dataset/chart" id in expected.json, sorted.
    static let caseIDs: [String] = datasets.keys.sorted().flatMap { ds -> [String] in
        guard let charts = (datasets[ds] as? [String: Any])?["charts"] as? [String: Any] else { return [] }
        return charts.keys.sorted().map { "\(ds)/\($0)" }
    }

    /// Rows of a CSV file as dictionaries keyed by the header.
    static func rows(_ file: String) -> [[String: String]] {
        guard let dir = directory, let data = FileManager.default.contents(atPath: dir + "/" + file),
              let text = String(data: data, encoding: .utf8) else { return [] }
        let lines = splitCSV(text)
        guard let header = lines.first else { return [] }
        return lines.dropFirst().filter { !($0.count == 1 && $0[0].isEmpty) }.map { fields in
            var row: [String: String] = [:]
            for (i, h) in header.enumerated() { row[h] = i < fields.count ? fields[i] : "" }
            return row
        }
    }

    /// RFC 4180-style splitting (quoted fields, doubled quotes, CRLF).
    static func splitCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = ""
        var quoted = false, wasQuoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? { if let p = pending { pending = nil; return p }; return it.next() }
        while let ch = next() {
            if quoted {
                if ch == "\"" {
                    if let n = next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
            case ",": fields.append(field); field = ""; wasQuoted = false
            case "\r": continue
            case "\n": fields.append(field); records.append(fields); fields = []; field = ""; wasQuoted = false
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append(fields) }
        return records
    }
}

/// One reference case being checked: its JSON, its CSV, and a running count of comparisons.
final class ReferenceCase {
    let id: String
    let dataset: [String: Any]
    let chart: [String: Any]
    let rows: [[String: String]]
    private(set) var checks = 0
    private(set) var notes: [String] = []

    init(id: String) {
        self.id = id
        let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
        dataset = SPCReference.datasets[parts[0]] as? [String: Any] ?? [:]
        chart = (dataset["charts"] as? [String: Any])?[parts.count > 1 ? parts[1] : ""] as? [String: Any] ?? [:]
        rows = SPCReference.rows(dataset["csv"] as? String ?? "")
    }

    var chartType: String { chart["chart_type"] as? String ?? "?" }
    var tolerance: Double { number(chart["tolerance"]) ?? 1e-6 }

    /// A numeric column of the CSV.
    func column(_ name: String) -> [Double] {
        rows.map { Double($0[name] ?? "") ?? .nan }
    }

    /// A text column of the CSV.
    func text(_ name: String) -> [String] { rows.map { $0[name] ?? "" } }

    /// The value at a key path ("flagged_points.phase2") of the chart entry.
    func value(_ path: String, in root: Any? = nil) -> Any? {
        var node: Any? = root ?? chart
        for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
        return node
    }

    /// A JSON number as Double.
    func number(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

    /// A JSON array of numbers (nil entries stay nil).
    func numbers(_ any: Any?) -> [Double?]? { (any as? [Any])?.map { number($0) } }

    /// Records why a reference value is checked against a documented alternative.
    func note(_ text: String) { notes.append(text) }

    /// |actual − expected| ≤ tol, where the expected value is given directly.
    func near(_ actual: Double?, _ expected: Double?, tol: Double? = nil, _ label: String,
              sourceLocation: SourceLocation = #_sourceLocation) {
        checks += 1
        let t = tol ?? tolerance
        guard let expected else {
            Issue.record("\(id): \(label): no expected value in expected.json", sourceLocation: sourceLocation)
            return
        }
        guard let actual, abs(actual - expected) <= t * (1 + 1e-9) else {
            Issue.record("\(id): \(label): expected \(expected) ± \(t), got \(actual.map { "\($0)" } ?? "nil")",
                         sourceLocation: sourceLocation)
            return
        }
    }

    /// Compares with the number at a key path of the chart entry.
    func near(_ actual: Double?, key: String, tol: Double? = nil, scale: Double = 1,
              sourceLocation: SourceLocation = #_sourceLocation) {
        near(actual, number(value(key)).map { $0 * scale }, tol: tol, key, sourceLocation: sourceLocation)
    }

    /// Element-wise comparison with an array at a key path.
    func nearAll(_ actual: [Double?], key: String, root: Any? = nil, tol: Double? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected = numbers(value(key, in: root)) else {
            checks += 1
            Issue.record("\(id): \(key): no expected array", sourceLocation: sourceLocation)
            return
        }
        checks += 1
        guard expected.count == actual.count else {
            Issue.record("\(id): \(key): expected \(expected.count) values, got \(actual.count)", sourceLocation: sourceLocation)
            return
        }
        for (i, (a, e)) in zip(actual, expected).enumerated() {
            if a == nil && e == nil { continue }  // undefined in both (e.g. the first moving range)
            near(a, e, tol: tol, "\(key)[\(i + 1)]", sourceLocation: sourceLocation)
        }
    }

    /// Compares 0-based flagged indices with the 1-based list at a key path (or given directly).
    func points(_ actual: [Int], key: String? = nil, expected given: [Int]? = nil, offset: Int = 1,
                sourceLocation: SourceLocation = #_sourceLocation) {
        checks += 1
        let expected = given ?? (key.flatMap { value($0) } as? [Any])?.compactMap { number($0).map { Int($0) } }
        guard let expected else {
            Issue.record("\(id): \(key ?? "points"): no expected list", sourceLocation: sourceLocation)
            return
        }
        let got = Array(Set(actual.map { $0 + offset })).sorted()
        if got != expected.sorted() {
            Issue.record("\(id): \(key ?? "points"): expected \(expected), got \(got)", sourceLocation: sourceLocation)
        }
    }

    /// Exact equality of integers/flags.
    func equal<T: Equatable>(_ actual: T?, _ expected: T?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        checks += 1
        if actual != expected || expected == nil {
            Issue.record("\(id): \(label): expected \(String(describing: expected)), got \(String(describing: actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// Checks a qicharts2-style runs analysis object ("n_obs", "n_useful", "longest_run", ...).
    func runs(_ actual: RunsAnalysis?, key: String, root: Any? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let obj = value(key, in: root) as? [String: Any] else {
            checks += 1
            Issue.record("\(id): \(key): no runs analysis", sourceLocation: sourceLocation)
            return
        }
        func int(_ k: String) -> Int? { number(obj[k]).map { Int($0) } }
        if obj["n_obs"] != nil { equal(actual?.observations, int("n_obs"), "\(key).n_obs", sourceLocation: sourceLocation) }
        equal(actual?.usefulObservations, int("n_useful"), "\(key).n_useful", sourceLocation: sourceLocation)
        equal(actual?.longestRun, int("longest_run"), "\(key).longest_run", sourceLocation: sourceLocation)
        equal(actual?.longestRunMaximum, int("longest_run_max"), "\(key).longest_run_max", sourceLocation: sourceLocation)
        equal(actual?.crossings, int("n_crossings"), "\(key).n_crossings", sourceLocation: sourceLocation)
        equal(actual?.crossingsMinimum, int("n_crossings_min"), "\(key).n_crossings_min", sourceLocation: sourceLocation)
        equal(actual?.signal, obj["runs_signal"] as? Bool, "\(key).runs_signal", sourceLocation: sourceLocation)
    }
}

extension ControlChartResult {
    /// Per-point values of a band line.
    func line(_ pick: (ControlBand) -> Double) -> [Double?] { points.map { $0.band.map(pick) } }
    /// 0-based indices of points strictly beyond their limits.
    var beyondLimits: [Int] {
        points.filter { p in
            guard let v = p.value, let b = p.band else { return false }
            return v > b.upperLimit || v < b.lowerLimit
        }.map(\.index)
    }
}
