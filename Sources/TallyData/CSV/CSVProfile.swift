import TallyCore

/// What `tally inspect` shows about a file: its dialect and, per column, type, missing count, range,
/// distinct count and sample values.
public struct CSVProfile: Sendable, Equatable {
    /// One column's profile.
    public struct ColumnProfile: Sendable, Equatable {
        /// Header name.
        public var name: String
        /// Type read (declared or inferred).
        public var type: ColumnType
        /// Whether the type was inferred.
        public var inferred: Bool
        /// Rows without a value.
        public var missing: Int
        /// Distinct non-missing values.
        public var distinct: Int
        /// Smallest value as text (numeric/chronological order; byte order for text), nil if all missing.
        public var min: String?
        /// Largest value as text.
        public var max: String?
        /// Up to five distinct values in file order.
        public var samples: [String]
    }

    /// The file's path.
    public var path: String
    /// Data rows read.
    public var rowCount: Int
    /// Delimiter, encoding, BOM, `sep=` line.
    public var dialect: CSVDialect
    /// Per-column profiles, in file order.
    public var columns: [ColumnProfile]
    /// Rows skipped under `bad_rows: skip`.
    public var skippedRows: [SkippedRow]

    /// Profiles a read result.
    public init(_ result: CSVReadResult, path: String) {
        self.path = path
        rowCount = result.table.rowCount
        dialect = result.dialect
        skippedRows = result.skippedRows
        columns = result.table.columns.map { CSVProfile.profile($0, inferred: result.inferredColumns.contains($0.name)) }
    }

    /// Profiles one column.
    static func profile(_ column: Column, inferred: Bool) -> ColumnProfile {
        var minIndex: Int?
        var maxIndex: Int?
        var distinct = 0
        var samples: [String] = []
        func consider(_ i: Int, less: (Int, Int) -> Bool) {
            if minIndex.map({ less(i, $0) }) ?? true { minIndex = i }
            if maxIndex.map({ less($0, i) }) ?? true { maxIndex = i }
        }
        func track<K: Hashable>(_ key: (Int) -> K, less: (Int, Int) -> Bool) {
            var seen = Set<K>()
            for i in 0..<column.count where column.validity[i] {
                consider(i, less: less)
                if seen.insert(key(i)).inserted, samples.count < 5, let text = column.text(at: i) { samples.append(text) }
            }
            distinct = seen.count
        }
        switch column.storage {
        case .integers(let v): track({ v[$0] }, less: { v[$0] < v[$1] })
        case .numbers(let v): track({ v[$0] == 0 ? 0 : v[$0] }, less: { v[$0] < v[$1] })
        case .booleans(let v): track({ v[$0] }, less: { !v[$0] && v[$1] })
        case .dates(let v): track({ v[$0] }, less: { v[$0] < v[$1] })
        case .datetimes(let v): track({ v[$0] }, less: { v[$0] < v[$1] })
        case .categories(let codes, let levels):
            let bytes = levels.map { Array($0.utf8) }
            track({ codes[$0] }, less: { bytes[Int(codes[$0])].lexicographicallyPrecedes(bytes[Int(codes[$1])]) })
        case .texts(let t): track({ t.utf8($0) }, less: { t.utf8($0).lexicographicallyPrecedes(t.utf8($1)) })
        }
        return ColumnProfile(
            name: column.name, type: column.type, inferred: inferred, missing: column.validity.missingCount, distinct: distinct,
            min: minIndex.flatMap { column.text(at: $0) }, max: maxIndex.flatMap { column.text(at: $0) }, samples: samples)
    }

    /// A human-readable summary for the terminal.
    public var text: String {
        var lines: [String] = []
        let bom = dialect.hadBOM ? ", BOM" : ""
        let sep = dialect.hadSepLine ? ", sep= line" : ""
        lines.append("\(path): \(rowCount) row\(rowCount == 1 ? "" : "s"), \(columns.count) column\(columns.count == 1 ? "" : "s")")
        lines.append("delimiter \(dialect.delimiterName)\(dialect.delimiterDetected ? " (detected)" : ""), encoding \(dialect.encoding.rawValue)\(bom)\(sep)")
        if !skippedRows.isEmpty { lines.append("skipped rows: \(skippedRows.count)") }
        lines.append("")
        let header = ["column", "type", "missing", "distinct", "min", "max", "samples"]
        var rows: [[String]] = [header]
        for c in columns {
            rows.append([
                c.name, c.type.rawValue + (c.inferred ? "" : " (declared)"), String(c.missing), String(c.distinct),
                CSVProfile.shorten(c.min ?? "—"), CSVProfile.shorten(c.max ?? "—"),
                c.samples.map { CSVProfile.shorten($0, 20) }.joined(separator: " | "),
            ])
        }
        let widths = (0..<header.count).map { k in rows.map { $0[k].count }.max() ?? 0 }
        for row in rows {
            let padded = row.enumerated().map { k, cell in
                k == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[k] - cell.count)
            }
            lines.append(padded.joined(separator: "  "))
        }
        for s in skippedRows { lines.append("skipped line \(s.line) (record \(s.record)): \(s.reason)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line of at most `limit` characters, line breaks shown as ⏎.
    static func shorten(_ text: String, _ limit: Int = 30) -> String {
        let flat = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? "⏎" : $0 })
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    /// Deterministic JSON (fixed key order, two-space indent), for `tally inspect --json`.
    public var json: String {
        func s(_ text: String) -> String { JSONText.string(text) }
        func opt(_ text: String?) -> String { text.map(s) ?? "null" }
        var out = "{\n"
        out += "  \"path\": \(s(path)),\n"
        out += "  \"rows\": \(rowCount),\n"
        out += "  \"delimiter\": \(s(String(decoding: [dialect.delimiter], as: UTF8.self))),\n"
        out += "  \"delimiter_detected\": \(dialect.delimiterDetected),\n"
        out += "  \"encoding\": \(s(dialect.encoding.rawValue)),\n"
        out += "  \"bom\": \(dialect.hadBOM),\n"
        out += "  \"sep_line\": \(dialect.hadSepLine),\n"
        out += "  \"columns\": ["
        for (k, c) in columns.enumerated() {
            out += k == 0 ? "\n" : ",\n"
            out += "    {\"name\": \(s(c.name)), \"type\": \(s(c.type.rawValue)), \"inferred\": \(c.inferred), "
            out += "\"missing\": \(c.missing), \"distinct\": \(c.distinct), \"min\": \(opt(c.min)), \"max\": \(opt(c.max)), "
            out += "\"samples\": [\(c.samples.map(s).joined(separator: ", "))]}"
        }
        out += columns.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"skipped_rows\": ["
        for (k, r) in skippedRows.enumerated() {
            out += k == 0 ? "\n" : ",\n"
            out += "    {\"line\": \(r.line), \"record\": \(r.record), \"reason\": \(s(r.reason))}"
        }
        out += skippedRows.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }
}

extension CSVReader {
    /// Reads a file and profiles it (for `tally inspect`).
    public static func profile(bytes: [UInt8], path: String, options: CSVReadOptions = CSVReadOptions())
        throws(DiagnosticError) -> CSVProfile
    {
        let result = try read(bytes: bytes, path: path, name: Path.stem(of: path), options: options)
        return CSVProfile(result, path: path)
    }
}
