import TallyCore
import TallyData

/// Compiles parsed formulas into typed column operations against a schema, collecting every diagnostic.
struct Compiler {
    /// What the formula may refer to.
    let schema: FormulaSchema
    /// The formula text and location, for diagnostics.
    let source: FormulaSource
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []
    /// Columns the formula reads (schema spelling), in first-use order.
    var columnsUsed: [String] = []
    /// KPIs the formula reads, in first-use order.
    var kpisUsed: [String] = []

    /// Creates a compiler for one formula.
    init(schema: FormulaSchema, source: FormulaSource) {
        self.schema = schema
        self.source = source
    }

    /// Records an error at a span of the formula.
    mutating func error(_ span: Span, _ message: String, hint: String? = nil) {
        diagnostics.append(source.error(at: span.start, message, hint: hint))
    }

    /// The formula text a span covers.
    func text(_ span: Span) -> String {
        let characters = Array(source.text)
        let start = max(0, min(span.start, characters.count)), end = max(start, min(span.end, characters.count))
        return String(characters[start..<end])
    }

    /// Compiles one expression in a scope; nil after recording a diagnostic.
    mutating func compile(_ expression: Expression, scope: Scope) -> Node? {
        switch expression {
        case .number(let v, let span): return .constant(.number(v), span: span)
        case .text(let s, let span): return .constant(.text(s), span: span)
        case .boolean(let b, let span): return .constant(.boolean(b), span: span)
        case .error(let e, let span): return .constant(.error(e), span: span)
        case .empty(let span): return .constant(.blank, span: span)
        case .name(let name, let span, let bracketed): return compileName(name, span: span, bracketed: bracketed, scope: scope)
        case .unary(let op, let operand, let span):
            guard let node = compile(operand, scope: scope) else { return nil }
            return Operators.unary(op, node, span: span, compiler: &self)
        case .percent(let operand, let span):
            guard let node = compile(operand, scope: scope) else { return nil }
            return Operators.percent(node, span: span, compiler: &self)
        case .binary(let op, let lhs, let rhs, let opSpan):
            let l = compile(lhs, scope: scope)
            let r = compile(rhs, scope: scope)
            guard let l, let r else { return nil }
            return Operators.binary(op, l, r, span: opSpan, compiler: &self)
        case .call(let name, let arguments, let nameSpan, let span):
            return compileCall(name, arguments, nameSpan: nameSpan, span: span, scope: scope)
        }
    }

    private mutating func compileName(_ name: String, span: Span, bracketed: Bool, scope: Scope) -> Node? {
        // At KPI level a name that is both a column and a KPI means the KPI (a bare column is invalid there).
        let preferKPI = scope == .group && !bracketed && schema.kpi(named: name) != nil
        if !preferKPI, let column = schema.column(named: name) {
            if scope == .group {
                let aggregateHint = FormulaType(column.type) == .text
                    ? "count its values with COUNTIF(\(spell(column.name)), \"…\") or COUNTA(\(spell(column.name)))"
                    : "wrap it in an aggregate, e.g. AVERAGE(\(spell(column.name))) or SUM(\(spell(column.name)))"
                error(span, "column `\(column.name)` has one value per row; a KPI needs one value per group",
                      hint: aggregateHint)
                return nil
            }
            if !columnsUsed.contains(column.name) { columnsUsed.append(column.name) }
            return ColumnAccess.node(name: column.name, type: column.type, span: span)
        }
        if bracketed {
            error(span, "unknown column `\(name)`", hint: suggestion(for: name, among: schema.columns.map { $0.name }))
            return nil
        }
        if let parameter = schema.parameter(named: name) {
            return .constant(parameter.value, span: span)
        }
        if let kpi = schema.kpi(named: name) {
            if scope == .row {
                error(span, "KPI `\(kpi.name)` has one value per group; it cannot be used inside a per-row expression",
                      hint: "use it outside aggregate functions, e.g. =AVERAGE(csat) - \(kpi.name)")
                return nil
            }
            if !kpisUsed.contains(kpi.name) { kpisUsed.append(kpi.name) }
            let key = kpi.name
            return Node(type: kpi.type, level: .group, span: span, run: { ctx in
                ctx.kpis[key] ?? .scalar(.error(.name), count: ctx.groupCount)
            })
        }
        if FunctionLibrary.spec(named: name) != nil {
            error(span, "`\(name.uppercased())` is a function; call it with parentheses",
                  hint: "write \(name.uppercased())(…)")
            return nil
        }
        let candidates = schema.columns.map { $0.name } + Array(schema.parameters.keys) + Array(schema.kpis.keys)
        error(span, "unknown name `\(name)`",
              hint: suggestion(for: name, among: candidates)
                ?? "a column, parameter or KPI of this name does not exist; column names with spaces go in brackets: [\(name) …]")
        return nil
    }

    /// A column name as a formula writes it: bare when possible, else `[Name]`.
    func spell(_ name: String) -> String {
        let simple = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            && !(name.first?.isNumber ?? true)
        return simple ? name : "[\(name)]"
    }

    private mutating func compileCall(_ name: String, _ arguments: [Expression], nameSpan: Span, span: Span,
                                      scope: Scope) -> Node? {
        let upper = name.uppercased().hasPrefix("_XLFN.") ? String(name.uppercased().dropFirst(6)) : name.uppercased()
        guard let spec = FunctionLibrary.spec(named: upper) else {
            error(nameSpan, "unknown function `\(name)`",
                  hint: suggestion(for: upper, among: FunctionLibrary.names) ?? "see the list of supported functions in the docs")
            return nil
        }
        let count = arguments.count
        if count < spec.minArguments || count > spec.maxArguments {
            let expected: String
            if spec.minArguments == spec.maxArguments {
                expected = "\(spec.minArguments) argument\(spec.minArguments == 1 ? "" : "s")"
            } else if spec.maxArguments == Int.max {
                expected = "at least \(spec.minArguments) argument\(spec.minArguments == 1 ? "" : "s")"
            } else {
                expected = "\(spec.minArguments) to \(spec.maxArguments) arguments"
            }
            let where_ = count > spec.maxArguments ? arguments[spec.maxArguments].span : Span(span.end - 1, span.end)
            error(where_, "\(spec.name) takes \(expected), got \(count)", hint: "usage: \(spec.usage)")
            return nil
        }
        let call = Call(name: spec.name, arguments: arguments, nameSpan: nameSpan, span: span, scope: scope)
        return spec.compile(call, &self)
    }

    /// Compiles every argument in the same scope; nil if any failed (all are still checked).
    mutating func compileAll(_ arguments: [Expression], scope: Scope) -> [Node]? {
        var nodes: [Node] = []
        var failed = false
        for argument in arguments {
            if let node = compile(argument, scope: scope) { nodes.append(node) } else { failed = true }
        }
        return failed ? nil : nodes
    }

    /// True when the expression mentions a column of the schema (so it varies per row).
    func mentionsColumn(_ expression: Expression) -> Bool {
        switch expression {
        case .name(let name, _, let bracketed):
            return bracketed || schema.column(named: name) != nil
        case .unary(_, let e, _), .percent(let e, _): return mentionsColumn(e)
        case .binary(_, let l, let r, _): return mentionsColumn(l) || mentionsColumn(r)
        case .call(_, let args, _, _): return args.contains { mentionsColumn($0) }
        default: return false
        }
    }

    /// "did you mean `x`?" for the closest candidate within a small edit distance.
    func suggestion(for name: String, among candidates: [String]) -> String? {
        let target = Table.normalisedName(name)
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(target, Table.normalisedName(candidate))
            if d <= max(1, target.count / 3), d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best.map { "did you mean `\($0.0)`?" }
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var beforePrevious = previous
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                // Adjacent transposition ("csta" → "csat") costs 1.
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }

    /// Folds a node whose inputs are all constants into a constant node.
    func folded(_ node: Node) -> Node {
        guard node.level == .constant, node.constant == nil else { return node }
        let context = EvaluationContext(table: Table(name: "", columns: [], rowCount: 0), groupIds: [], groupCount: 1,
                                        kpis: [:])
        let value = node.run(context).value(0).typed(node.type)
        var result = Node.constant(value, span: node.span)
        if node.type != .any { result.type = node.type }
        return result
    }
}

/// A function call being compiled.
struct Call {
    /// Canonical upper-case name.
    let name: String
    /// Argument expressions.
    let arguments: [Expression]
    /// The function name's span.
    let nameSpan: Span
    /// The whole call's span.
    let span: Span
    /// The scope the call appears in.
    let scope: Scope
}

/// Reading columns as vectors (Excel serial numbers for dates, days for durations).
enum ColumnAccess {
    /// A node reading a column.
    static func node(name: String, type: ColumnType, span: Span) -> Node {
        Node(type: FormulaType(type), level: .row, span: span, run: { ctx in vector(name: name, ctx: ctx) },
             constant: nil, columnName: name, columnType: type)
    }

    /// The column as a vector, converted once per evaluation; #REF! when the table lacks it.
    static func vector(name: String, ctx: EvaluationContext) -> Vector {
        guard let index = ctx.table.columnIndex(named: name) else {
            return .scalar(.error(.ref), count: ctx.count(.row))
        }
        if let cached = ctx.columnCache[index] { return cached }
        let v: Vector
        if let window = ctx.rowWindow, let owner = ctx.owner {
            v = slice(index: index, window: window, owner: owner)
        } else {
            v = convert(ctx.table.columns[index], status: status(index: index, ctx: ctx))
        }
        ctx.columnCache[index] = v
        return v
    }

    /// Rows `window` of a column as a vector (for a window context): sliced from the owner's converted vector when
    /// it has one, else converted from storage for those rows only, with the owner's status codes for them.
    static func slice(index: Int, window: Range<Int>, owner: EvaluationContext) -> Vector {
        let status: Status
        switch ColumnAccess.status(index: index, ctx: owner) {
        case .allValid: status = .allValid
        case .codes(let codes): status = .codes(Array(codes[window]))
        case .validity(let bits): status = .codes((window).map { bits[$0] ? statusValue : statusBlank })
        }
        let n = window.count
        if let whole = owner.columnCache[index] {
            switch whole.payload {
            case .numbers(let xs, let isDate): return Vector(payload: .numbers(Array(xs[window]), isDate: isDate), status: status, count: n)
            case .booleans(let bs): return Vector(payload: .booleans(Array(bs[window])), status: status, count: n)
            case .categories(let codes, let levels):
                return Vector(payload: .categories(codes: Array(codes[window]), levels: levels), status: status, count: n)
            case .texts(let ts): return Vector(payload: .texts(Array(ts[window])), status: status, count: n)
            case .scalar, .values: break
            }
        }
        let column = owner.table.columns[index]
        switch column.storage {
        case .booleans(let v): return Vector(payload: .booleans(Array(v[window])), status: status, count: n)
        case .categories(let codes, let levels):
            return Vector(payload: .categories(codes: Array(codes[window]), levels: levels), status: status, count: n)
        case .texts(let t): return Vector(payload: .texts(window.map { t[$0] }), status: status, count: n)
        case .integers, .numbers, .dates, .datetimes:
            let storage = NumberStorage(column) ?? .doubles([])
            return Vector(payload: .numbers(storage.doubles(in: window), isDate: storage.isDate), status: status, count: n)
        }
    }

    /// A column's status codes, computed once per evaluation and shared by its vector and the typed kernels.
    static func status(index: Int, ctx: EvaluationContext) -> Status {
        if let cached = ctx.columnCache[index] { return cached.status }
        if let cached = ctx.statusCache[index] { return cached }
        let s = status(of: ctx.table.columns[index])
        ctx.statusCache[index] = s
        return s
    }

    /// The numbers of a bare reference to a numeric column, read in place (no converted copy); nil for any other
    /// node or column. A column already converted in this evaluation is read from its vector.
    static func typedNumbers(_ node: Node, ctx: EvaluationContext) -> TypedNumbers? {
        guard ctx.streaming, ctx.rowWindow == nil, let name = node.columnName, let index = ctx.table.columnIndex(named: name) else { return nil }
        if let cached = ctx.columnCache[index] { return TypedNumbers(cached) }
        let column = ctx.table.columns[index]
        guard let storage = NumberStorage(column), storage.count >= column.count else { return nil }
        return TypedNumbers(storage: storage, status: status(index: index, ctx: ctx), count: column.count,
                            isDate: storage.isDate)
    }

    /// The status of a bare reference to a number or logical column without converting its values (COUNT, COUNTA
    /// and COUNTBLANK read nothing else); nil for any other node or column.
    static func typedStatus(_ node: Node, ctx: EvaluationContext) -> (status: Status, count: Int)? {
        guard ctx.streaming, ctx.rowWindow == nil, let name = node.columnName, let index = ctx.table.columnIndex(named: name) else { return nil }
        let column = ctx.table.columns[index]
        switch column.storage {
        case .integers, .numbers, .dates, .datetimes, .booleans: break
        case .categories, .texts: return nil
        }
        return (status(index: index, ctx: ctx), column.count)
    }

    /// Codes rather than the bitmap: computed once per evaluation, then every criterion and scan reads bytes.
    static func status(of column: Column) -> Status {
        column.validity.missingCount == 0 ? .allValid
            : (Status.validity(column.validity).materialized(column.count).map { .codes($0) } ?? .allValid)
    }

    /// Converts storage to a vector.
    static func convert(_ column: Column) -> Vector { convert(column, status: status(of: column)) }

    /// Converts storage to a vector with its already computed status.
    static func convert(_ column: Column, status: Status) -> Vector {
        let n = column.count
        switch column.storage {
        case .booleans(let v): return Vector(payload: .booleans(v), status: status, count: n)
        case .categories(let codes, let levels): return Vector(payload: .categories(codes: codes, levels: levels), status: status, count: n)
        case .texts(let t): return Vector(payload: .texts((0..<t.count).map { t[$0] }), status: status, count: n)
        case .integers, .numbers, .dates, .datetimes:
            // Numeric storage always has a NumberStorage; the readers define the conversion.
            let storage = NumberStorage(column) ?? .doubles([])
            return Vector(payload: .numbers(storage.doubles(), isDate: storage.isDate), status: status, count: n)
        }
    }
}
