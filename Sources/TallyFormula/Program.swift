import TallyCore
import TallyData

/// Compiles formula text against a schema into aggregate (KPI) or row (computed column) programs.
public struct FormulaCompiler: Sendable {
    /// What formulas may refer to.
    public var schema: FormulaSchema

    /// Creates a compiler for a schema.
    public init(schema: FormulaSchema) { self.schema = schema }

    /// Parses without compiling (for tooling and tests).
    public func parse(_ source: FormulaSource) -> Result<Expression, Diagnostic> { Parser.parse(source) }

    /// Compiles a KPI formula: evaluated over a set of rows (per group) to one value.
    public func compileAggregate(_ source: FormulaSource) -> Result<AggregateProgram, DiagnosticError> {
        compile(source, scope: .group).map { node, compiler in
            AggregateProgram(formula: source.text, resultType: node.type, columns: compiler.columnsUsed,
                             kpiDependencies: compiler.kpisUsed, root: node)
        }
    }

    /// Compiles a computed-column formula: evaluated for every row to a new column.
    public func compileRow(_ source: FormulaSource) -> Result<RowProgram, DiagnosticError> {
        compile(source, scope: .row).map { node, compiler in
            RowProgram(formula: source.text, resultType: node.type, columns: compiler.columnsUsed, root: node)
        }
    }

    private func compile(_ source: FormulaSource, scope: Scope) -> CompileResult {
        let expression: Expression
        switch Parser.parse(source) {
        case .failure(let d): return CompileResult(failure: DiagnosticError(d))
        case .success(let e): expression = e
        }
        var compiler = Compiler(schema: schema, source: source)
        let node = compiler.compile(expression, scope: scope)
        if let node, !compiler.diagnostics.containsErrors { return CompileResult(node: node, compiler: compiler) }
        if compiler.diagnostics.isEmpty {
            compiler.diagnostics.append(source.error(at: 0, "the formula could not be compiled"))
        }
        return CompileResult(failure: DiagnosticError(compiler.diagnostics))
    }

    /// A compiled node with its compiler state, or the diagnostics.
    private struct CompileResult {
        var node: Node?
        var compiler: Compiler?
        var failure: DiagnosticError?

        init(node: Node, compiler: Compiler) { self.node = node; self.compiler = compiler }
        init(failure: DiagnosticError) { self.failure = failure }

        func map<T>(_ f: (Node, Compiler) -> T) -> Result<T, DiagnosticError> {
            if let node, let compiler { return .success(f(node, compiler)) }
            return .failure(failure ?? DiagnosticError([]))
        }
    }
}

/// A compiled KPI formula: one value per group of rows.
public struct AggregateProgram: Sendable {
    /// The formula as written.
    public let formula: String
    /// The static type of the result (`.date` results display as dates).
    public let resultType: FormulaType
    /// Columns the formula reads.
    public let columns: [String]
    /// Other KPIs the formula uses (their values must be supplied, or use `KPISet`).
    public let kpiDependencies: [String]
    let root: Node

    /// One value per group in one pass: `groupIds[i]` is row i's group (−1 = excluded), `0..<groupCount`.
    public func evaluate(table: Table, groupIds: [Int32], groupCount: Int,
                         kpiValues: [String: [FormulaValue]] = [:]) -> [FormulaValue] {
        let context = EvaluationContext(table: table, groupIds: Grouping.normalised(groupIds, rows: table.rowCount, groups: groupCount),
                                        groupCount: groupCount, kpis: kpiValues.mapValues { Grouping.vector($0, count: groupCount) })
        return run(context)
    }

    /// The value over the rows where `mask` is true.
    public func evaluate(table: Table, mask: [Bool], kpiValues: [String: FormulaValue] = [:]) -> FormulaValue {
        let ids = (0..<table.rowCount).map { $0 < mask.count && mask[$0] ? Int32(0) : -1 }
        return evaluate(table: table, groupIds: ids, groupCount: 1, kpiValues: kpiValues.mapValues { [$0] })[0]
    }

    /// The value over the given rows (duplicates count once).
    public func evaluate(table: Table, rows: [Int], kpiValues: [String: FormulaValue] = [:]) -> FormulaValue {
        var mask = [Bool](repeating: false, count: table.rowCount)
        for r in rows where r >= 0 && r < table.rowCount { mask[r] = true }
        return evaluate(table: table, mask: mask, kpiValues: kpiValues)
    }

    /// The value over every row.
    public func evaluate(table: Table, kpiValues: [String: FormulaValue] = [:]) -> FormulaValue {
        evaluate(table: table, mask: [Bool](repeating: true, count: table.rowCount), kpiValues: kpiValues)
    }

    /// Runs in an existing context (shared column cache).
    func run(_ context: EvaluationContext) -> [FormulaValue] {
        let vector = root.run(context)
        let n = context.groupCount
        return (0..<n).map { vector.isScalar ? vector.value(0) : ($0 < vector.count ? vector.value($0) : .error(.ref)) }
    }
}

/// A compiled computed-column formula: one value per row.
public struct RowProgram: Sendable {
    /// The formula as written.
    public let formula: String
    /// The static type of the result.
    public let resultType: FormulaType
    /// Columns the formula reads.
    public let columns: [String]
    let root: Node

    /// Evaluates every row; errors are listed by row (the column holds them as missing values).
    public func evaluate(table: Table, name: String) -> ComputedColumn {
        let context = EvaluationContext(table: table, groupIds: [], groupCount: table.rowCount, kpis: [:])
        let vector = root.run(context)
        return ComputedColumn(name: name, vector: vector, rows: table.rowCount, type: resultType)
    }

    /// Every row's value (convenience for small tables and tests).
    public func values(table: Table) -> [FormulaValue] {
        let context = EvaluationContext(table: table, groupIds: [], groupCount: table.rowCount, kpis: [:])
        let vector = root.run(context)
        return (0..<table.rowCount).map { vector.value(vector.isScalar ? 0 : $0) }
    }
}

/// The result of a row program: a typed column plus the rows holding error values.
public struct ComputedColumn: Sendable {
    /// The new column: numbers → `decimal`, dates → `date` (or `datetime` with a time part), logicals → `boolean`,
    /// text or mixed → `text`. Blank and error rows are missing in the validity bitmap.
    public var column: Column
    /// Rows whose value is an error, with the error (shown as `#DIV/0!` etc. with a footnote).
    public var errors: [Int: FormulaError]

    init(name: String, vector: Vector, rows: Int, type: FormulaType) {
        // Typed vectors become columns directly (no per-row values): numbers, non-date, no empty-text/FALSE gaps.
        if vector.count == rows, case .numbers(let xs, let isDate) = vector.payload, !isDate, type != .date {
            let codes = vector.status.materialized(rows) ?? []
            if !codes.contains(where: { $0 == statusEmptyText || $0 == statusOmittedFalse }) {
                var validity = ValidityBitmap(count: rows, allValid: true)
                var errors: [Int: FormulaError] = [:]
                for (i, code) in codes.enumerated() where code != statusValue {
                    validity.set(i, false)
                    if let e = FormulaError(statusCode: code) { errors[i] = e }
                }
                column = Column(name: name, type: .decimal, storage: .numbers(xs), validity: validity)
                self.errors = errors
                return
            }
        }
        var errors: [Int: FormulaError] = [:]
        var validity = ValidityBitmap(count: rows, allValid: true)
        let values = (0..<rows).map { vector.value(vector.isScalar ? 0 : $0) }
        for (i, v) in values.enumerated() {
            switch v {
            case .blank: validity.set(i, false)
            case .error(let e): validity.set(i, false); errors[i] = e
            default: break
            }
        }
        let present = values.filter { if case .blank = $0 { return false }; return $0.error == nil }
        let storage: ColumnStorage
        let columnType: ColumnType
        if present.allSatisfy({ if case .number = $0 { return true }; return false }) && type != .date {
            columnType = .decimal
            storage = .numbers(values.map { $0.number ?? 0 })
        } else if present.allSatisfy({ $0.number != nil }) && type == .date || present.allSatisfy({ if case .date = $0 { return true }; return false }) {
            let serials = values.map { $0.number ?? ExcelDate.epochSerial }
            if serials.allSatisfy({ $0 == $0.rounded(.down) }) {
                columnType = .date
                storage = .dates(serials.map { Int32(clamping: Int(clampingRounded: $0 - ExcelDate.epochSerial)) })
            } else {
                columnType = .datetime
                storage = .datetimes(serials.map { Int64(Int(clampingRounded: ($0 - ExcelDate.epochSerial) * 86_400, .toNearestOrAwayFromZero)) })
            }
        } else if present.allSatisfy({ if case .boolean = $0 { return true }; return false }) {
            columnType = .boolean
            storage = .booleans(values.map { if case .boolean(let b) = $0 { return b }; return false })
        } else {
            columnType = .text
            storage = .texts(TextStorage(values.map { v -> String in
                switch v {
                case .blank, .error: return ""
                default: return v.description
                }
            }))
        }
        column = Column(name: name, type: columnType, storage: storage, validity: validity)
        self.errors = errors
    }
}

/// Helpers for group ids and per-group values.
enum Grouping {
    /// Group ids padded/truncated to the row count, out-of-range ids excluded (−1).
    static func normalised(_ ids: [Int32], rows: Int, groups: Int) -> [Int32] {
        if ids.count == rows, !ids.contains(where: { Int($0) >= groups }) { return ids }
        return (0..<rows).map { i in
            guard i < ids.count, Int(ids[i]) < groups else { return -1 }
            return ids[i]
        }
    }

    /// Per-group values as a vector.
    static func vector(_ values: [FormulaValue], count: Int) -> Vector {
        var builder = VectorBuilder(type: .any, count: count)
        for g in 0..<count { builder.append(g < values.count ? values[g] : .error(.notAvailable)) }
        return builder.build()
    }
}

/// Several named KPI formulas compiled together: references between them resolve, cycles are errors,
/// and evaluation runs them in dependency order per group, sharing converted columns.
public struct KPISet: Sendable {
    /// KPI names in evaluation order (dependencies first).
    public let order: [String]
    /// The compiled programs by name.
    public let programs: [String: AggregateProgram]

    /// Compiles every formula; all diagnostics (parse, type, unknown names, cycles) come back together.
    public static func compile(_ formulas: [(name: String, source: FormulaSource)],
                               schema: FormulaSchema) -> Result<KPISet, DiagnosticError> {
        var schema = schema
        for (name, _) in formulas where schema.kpis[name] == nil { schema.kpis[name] = .number }
        let compiler = FormulaCompiler(schema: schema)
        var programs: [String: AggregateProgram] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, source) in formulas {
            var own = compiler
            own.schema.kpis[name] = nil  // a KPI cannot use itself
            switch own.compileAggregate(source) {
            case .success(let p): programs[name] = p
            case .failure(let e): diagnostics += e.diagnostics
            }
        }
        // Topological order with cycle detection.
        var order: [String] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        let sources = Dictionary(formulas.map { ($0.name, $0.source) }, uniquingKeysWith: { a, _ in a })
        func visit(_ name: String, path: [String]) {
            guard let program = programs[name] else { return }
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = (path.drop { $0 != name } + [name]).joined(separator: " → ")
                if let source = sources[name] {
                    diagnostics.append(source.error(at: 0, "KPIs refer to each other in a circle: \(cycle)",
                                                    hint: "one of them must be computed from columns only"))
                }
                return
            }
            state[name] = 1
            for dependency in program.kpiDependencies { visit(dependency, path: path + [name]) }
            state[name] = 2
            order.append(name)
        }
        for (name, _) in formulas { visit(name, path: []) }
        if diagnostics.containsErrors { return .failure(DiagnosticError(diagnostics)) }
        return .success(KPISet(order: order, programs: programs))
    }

    /// Every KPI's value per group, in one pass per KPI over the rows.
    public func evaluate(table: Table, groupIds: [Int32], groupCount: Int,
                         externalKPIs: [String: [FormulaValue]] = [:]) -> [String: [FormulaValue]] {
        let ids = Grouping.normalised(groupIds, rows: table.rowCount, groups: groupCount)
        var results = externalKPIs
        var vectors = externalKPIs.mapValues { Grouping.vector($0, count: groupCount) }
        var cache: [Int: Vector] = [:]
        var statusCache: [Int: Status] = [:]
        // The last KPI (position in `order`) that reads each column: a converted column is dropped from the cache
        // once no later KPI needs it, so its memory can be reused by later conversions and intermediates instead
        // of the heap growing by every column at once. Only the cache's lifetime changes: a column read again
        // later would just be converted again.
        var lastUse: [Int: Int] = [:]
        for (position, name) in order.enumerated() {
            for column in programs[name]?.columns ?? [] {
                if let index = table.columnIndex(named: column) { lastUse[index] = position }
            }
        }
        for (position, name) in order.enumerated() {
            guard let program = programs[name] else { continue }
            let context = EvaluationContext(table: table, groupIds: ids, groupCount: groupCount, kpis: vectors)
            context.columnCache = cache
            context.statusCache = statusCache
            let vector = program.root.run(context)
            cache = context.columnCache
            statusCache = context.statusCache
            context.columnCache = [:]
            context.statusCache = [:]
            for index in Array(cache.keys) where (lastUse[index] ?? -1) <= position { cache[index] = nil }
            for index in Array(statusCache.keys) where (lastUse[index] ?? -1) <= position { statusCache[index] = nil }
            let values = (0..<groupCount).map { vector.isScalar ? vector.value(0) : vector.value($0) }
            results[name] = values
            vectors[name] = vector.isScalar ? Grouping.vector(values, count: groupCount) : vector
        }
        return results
    }
}
