#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import TallyCore

/// What a column may contain, for `--check`.
enum ColumnRule: Sendable {
    /// Any text (possibly empty when `optional`).
    case text(optional: Bool)
    /// One of a fixed set of values (or empty when `optional`).
    case oneOf([String], optional: Bool)
    /// `YYYY-MM-DD`.
    case date(optional: Bool)
    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` with a UK offset (+00:00 or +01:00).
    case dateTime(optional: Bool)
    /// An integer within a range.
    case integer(ClosedRange<Int>, optional: Bool)
    /// A decimal number with exactly `decimals` digits after the point (0 = none allowed).
    case decimal(decimals: Int, optional: Bool)
    /// A prefix followed by digits, e.g. `T0000001`.
    case identifier(prefix: String)
}

/// A `--check` failure: file, record number and what was wrong.
struct CheckError: Error, CustomStringConvertible {
    /// The message.
    let description: String
}

/// Reads a written CSV back with a strict RFC 4180 parser and checks its header, its record shapes and every value
/// against the file's column rules; used by `--check`.
struct Checker {
    /// The expected columns of each file, by file name.
    static let schemas: [String: [(String, ColumnRule)]] = {
        let yn = ["Y", "N"]
        return [
            "tickets.csv": [
                ("ticket_id", .identifier(prefix: "T")), ("opened_at", .dateTime(optional: false)),
                ("closed_at", .dateTime(optional: true)),
                ("channel", .oneOf(Catalog.channels.map(\.name), optional: false)),
                ("team", .oneOf(Catalog.teams, optional: false)), ("agent", .identifier(prefix: "A")),
                ("category", .oneOf(Catalog.categories.map(\.name), optional: false)),
                ("handle_time_sec", .integer(20...10_800, optional: false)), ("fcr", .oneOf(yn, optional: false)),
                ("csat", .integer(1...5, optional: true)), ("nps", .integer(0...10, optional: true)),
                ("ces", .integer(1...7, optional: true)), ("sla_met", .oneOf(yn, optional: false)),
                ("repeat_contact", .oneOf(yn, optional: false)), ("comment", .text(optional: true)),
            ],
            "complaints.csv": [
                ("complaint_id", .identifier(prefix: "C")), ("received_date", .date(optional: false)),
                ("resolved_date", .date(optional: true)),
                ("channel", .oneOf(ComplaintsGenerator.channels.map(\.name), optional: false)),
                ("category", .oneOf(ComplaintsGenerator.categories.map(\.name), optional: false)),
                ("root_cause", .oneOf(ComplaintsGenerator.rootCauses.map(\.name), optional: false)),
                ("days_to_resolve", .integer(0...180, optional: true)), ("escalated", .oneOf(yn, optional: false)),
                ("upheld", .oneOf(yn, optional: true)), ("redress_gbp", .decimal(decimals: 2, optional: true)),
            ],
            "targets.csv": [
                ("kpi", .text(optional: false)), ("target", .decimal(decimals: -1, optional: false)),
                ("deadline", .date(optional: false)), ("owner", .text(optional: false)),
                ("better", .oneOf(["higher", "lower"], optional: false)),
                ("baseline", .decimal(decimals: -1, optional: false)),
                ("expected", .decimal(decimals: -1, optional: false)), ("unit", .text(optional: false)),
            ],
            "feedback.csv": [
                ("feedback_id", .identifier(prefix: "F")), ("date", .date(optional: false)),
                ("source", .oneOf(FeedbackGenerator.sources.map(\.name), optional: false)),
                ("rating", .integer(1...5, optional: false)), ("tags", .text(optional: false)),
                ("comment", .text(optional: true)),
            ],
            "mystery_shopper.csv": [
                ("visit_id", .identifier(prefix: "V")), ("team", .oneOf(Catalog.teams, optional: false)),
                ("date", .date(optional: false)),
                ("shopper", .oneOf(MysteryShopperGenerator.shoppers, optional: false)),
            ] + MysteryShopperGenerator.criteria.map { ($0.name, ColumnRule.integer(0...5, optional: false)) }
                + [("total_pct", .decimal(decimals: 1, optional: false))],
            "servqual.csv": [
                ("respondent_id", .identifier(prefix: "R")), ("wave", .oneOf(["before", "after"], optional: false)),
            ] + (1...22).map { ("E\($0)", ColumnRule.integer(1...7, optional: true)) }
                + (1...22).map { ("P\($0)", ColumnRule.integer(1...7, optional: true)) },
            "agents.csv": [
                ("agent", .identifier(prefix: "A")), ("team", .oneOf(Catalog.teams, optional: false)),
                ("contract", .oneOf(["full-time", "part-time"], optional: false)),
                ("start_date", .date(optional: false)), ("end_date", .date(optional: true)),
            ],
        ]
    }()

    /// Checks one file; returns its data-record count, or throws the first problem found.
    static func check(path: String, name: String, expectedRows: Int) throws(CheckError) -> Int {
        guard let schema = schemas[name] else { throw CheckError(description: "\(name): no schema to check against") }
        let bytes = try read(path)
        let invalidUTF8 = transcode(
            bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in })
        guard !invalidUTF8 else {
            throw CheckError(description: "\(path): not valid UTF-8")
        }
        var records = 0
        var problem: String? = nil
        parse(bytes) { record, fields in
            if record == 0 {
                let header = fields.joined(separator: ",")
                let expected = schema.map(\.0).joined(separator: ",")
                if header != expected { problem = "header is \(header), expected \(expected)" }
                return problem == nil
            }
            records += 1
            guard fields.count == schema.count else {
                problem = "record \(record): \(fields.count) fields, expected \(schema.count)"
                return false
            }
            for (field, (column, rule)) in zip(fields, schema) where !valid(field, rule) {
                problem = "record \(record): \(column) = '\(field)' is not valid"
                return false
            }
            return true
        }
        if let problem { throw CheckError(description: "\(path): \(problem)") }
        guard bytes.last == 10 else { throw CheckError(description: "\(path): does not end with a line feed") }
        guard records == expectedRows else {
            throw CheckError(description: "\(path): \(records) records read back, \(expectedRows) written")
        }
        return records
    }

    /// The whole file as bytes.
    static func read(_ path: String) throws(CheckError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw CheckError(description: "cannot read \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Strict RFC 4180 parse (LF record ends, quotes only around whole fields); calls `visit` per record
    /// (0 = header) until it returns false. A malformed quote ends the parse with an error record.
    static func parse(_ bytes: [UInt8], visit: (Int, [String]) -> Bool) {
        var fields: [String] = []
        var field: [UInt8] = []
        var record = 0
        var index = 0
        var quoted = false
        var fieldStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 34 {
                    if index + 1 < bytes.count && bytes[index + 1] == 34 {
                        field.append(34)
                        index += 1
                    } else {
                        quoted = false
                        let next = index + 1 < bytes.count ? bytes[index + 1] : 10
                        if next != 44 && next != 10 {
                            _ = visit(record, ["<malformed quote>"])
                            return
                        }
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 34 && fieldStart {
                quoted = true
            } else if byte == 44 || byte == 10 {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                if byte == 10 {
                    if !visit(record, fields) { return }
                    record += 1
                    fields.removeAll(keepingCapacity: true)
                }
                fieldStart = true
                index += 1
                continue
            } else if byte == 34 || byte == 13 {
                _ = visit(record, ["<stray quote or CR>"])
                return
            } else {
                field.append(byte)
            }
            fieldStart = false
            index += 1
        }
    }

    /// True when a field satisfies its rule.
    static func valid(_ field: String, _ rule: ColumnRule) -> Bool {
        switch rule {
        case .text(let optional):
            return optional || !field.isEmpty
        case .oneOf(let values, let optional):
            return (optional && field.isEmpty) || values.contains(field)
        case .date(let optional):
            if field.isEmpty { return optional }
            return CivilDate(iso: Substring(field)) != nil
        case .dateTime(let optional):
            if field.isEmpty { return optional }
            let utf8 = Array(field.utf8)
            guard utf8.count == 25, CivilDate(iso: Substring(field.prefix(10))) != nil, utf8[10] == 84,
                  field.hasSuffix("+00:00") || field.hasSuffix("+01:00")
            else { return false }
            let time = field.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
            return time.count == 3 && time[0] < 24 && time[1] < 60 && time[2] < 60
        case .integer(let range, let optional):
            if field.isEmpty { return optional }
            guard let value = Int(field), String(value) == field else { return false }
            return range.contains(value)
        case .decimal(let decimals, let optional):
            if field.isEmpty { return optional }
            let parts = field.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
                  whole.allSatisfy({ $0.isASCII && $0.isNumber })
            else { return false }
            let fraction = parts.count == 2 ? parts[1] : ""
            guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            return decimals < 0 ? (parts.count == 1 || !fraction.isEmpty) : fraction.count == decimals
        case .identifier(let prefix):
            return field.hasPrefix(prefix) && field.count > prefix.count
                && field.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
        }
    }
}
