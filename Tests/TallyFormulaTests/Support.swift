import TallyCore
import TallyData
@testable import TallyFormula

/// Builders for small hand-made tables and one-line evaluation helpers used by every test file.
enum T {
    static func numbers(_ name: String, _ values: [Double?], type: ColumnType = .decimal) -> Column {
        Column(name: name, type: type, storage: .numbers(values.map { $0 ?? 0 }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    static func integers(_ name: String, _ values: [Int64?]) -> Column {
        Column(name: name, type: .integer, storage: .integers(values.map { $0 ?? 0 }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    static func booleans(_ name: String, _ values: [Bool?]) -> Column {
        Column(name: name, type: .boolean, storage: .booleans(values.map { $0 ?? false }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    static func texts(_ name: String, _ values: [String?]) -> Column {
        Column(name: name, type: .text, storage: .texts(TextStorage(values.map { $0 ?? "" })), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    static func categories(_ name: String, _ values: [String?]) -> Column {
        var levels: [String] = []
        let codes = values.map { v -> Int32 in
            guard let v else { return 0 }
            if let i = levels.firstIndex(of: v) { return Int32(i) }
            levels.append(v)
            return Int32(levels.count - 1)
        }
        return Column(name: name, type: .category, storage: .categories(codes: codes, levels: levels), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    static func dates(_ name: String, _ values: [String?]) -> Column {
        let days = values.map { $0.flatMap { CivilDate(iso: Substring($0)) }?.daysSinceEpoch ?? 0 }
        return Column(name: name, type: .date, storage: .dates(days.map { Int32($0) }), validity: ValidityBitmap(values.map { $0 != nil }))
    }

    static func datetimes(_ name: String, _ seconds: [Int64?]) -> Column {
        Column(name: name, type: .datetime, storage: .datetimes(seconds.map { $0 ?? 0 }), validity: ValidityBitmap(seconds.map { $0 != nil }))
    }

    static func table(_ columns: Column...) -> Table {
        Table(name: "t", columns: columns, rowCount: columns.first?.count ?? 0)
    }

    /// A one-row table for evaluating constant formulas.
    static let empty = Table(name: "t", columns: [], rowCount: 0)

    static func schema(_ table: Table, parameters: [String: FormulaValue] = [:], kpis: [String: FormulaType] = [:]) -> FormulaSchema {
        FormulaSchema(table: table, parameters: parameters, kpis: kpis, asOf: CivilDate(year: 2026, month: 11, day: 23))
    }

    /// Aggregate formula over every row; a compile failure becomes a #NAME? with the message printed.
    static func kpi(_ formula: String, _ table: Table = empty, parameters: [String: FormulaValue] = [:]) -> FormulaValue {
        switch FormulaCompiler(schema: schema(table, parameters: parameters)).compileAggregate(FormulaSource(formula)) {
        case .success(let p): return p.evaluate(table: table)
        case .failure(let e): return .text("compile error: \(e.diagnostics.map(\.message).joined(separator: "; "))")
        }
    }

    /// Row formula values.
    static func rows(_ formula: String, _ table: Table, parameters: [String: FormulaValue] = [:]) -> [FormulaValue] {
        switch FormulaCompiler(schema: schema(table, parameters: parameters)).compileRow(FormulaSource(formula)) {
        case .success(let p): return p.values(table: table)
        case .failure(let e): return [.text("compile error: \(e.diagnostics.map(\.message).joined(separator: "; "))")]
        }
    }

    /// The diagnostics of a formula that must fail to compile (aggregate unless `row`).
    static func errors(_ formula: String, _ table: Table = empty, row: Bool = false, kpis: [String: FormulaType] = [:],
                       at location: SourceLocation = SourceLocation(file: "r.yaml", line: 1, column: 1)) -> [Diagnostic] {
        let compiler = FormulaCompiler(schema: schema(table, kpis: kpis))
        let source = FormulaSource(formula, at: location)
        if row {
            if case .failure(let e) = compiler.compileRow(source) { return e.diagnostics }
        } else if case .failure(let e) = compiler.compileAggregate(source) {
            return e.diagnostics
        }
        return []
    }

    /// Approximate equality for numbers (relative 1e-9), exact otherwise.
    static func close(_ a: FormulaValue, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        guard let x = a.number else { return false }
        return abs(x - b) <= tolerance * max(1, abs(b))
    }
}

import Foundation

/// JSON round trip through Foundation's coders (tests only; the library itself does not use Foundation).
enum JSONEncoderShim {
    static func roundTrip<V: Codable>(_ value: V) throws -> V {
        try JSONDecoder().decode(V.self, from: JSONEncoder().encode(value))
    }
}
