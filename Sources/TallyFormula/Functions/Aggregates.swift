#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SUM, AVERAGE, COUNT, MEDIAN, STDEV, PERCENTILE, …: reduce rows to one value per group (or, per row,
/// combine their arguments like Excel does for `=SUM(a, b)` in a table row).
enum AggregateFunctions {
    static let specs: [FunctionSpec] = [
        numeric("SUM", "SUM(number, …)") { s, _, g in s.error[g] != 0 ? err(s.error[g]) : .number(s.sum[g]) },
        numeric("AVERAGE", "AVERAGE(number, …)", keepsDates: true) { s, _, g in
            s.error[g] != 0 ? err(s.error[g]) : (s.count[g] == 0 ? .error(.divisionByZero) : .number(s.sum[g] / Double(s.count[g])))
        },
        numeric("MIN", "MIN(number, …)", keepsDates: true) { s, _, g in
            s.error[g] != 0 ? err(s.error[g]) : .number(s.count[g] == 0 ? 0 : s.min[g])
        },
        numeric("MAX", "MAX(number, …)", keepsDates: true) { s, _, g in
            s.error[g] != 0 ? err(s.error[g]) : .number(s.count[g] == 0 ? 0 : s.max[g])
        },
        spread("VAR.S", sample: true, root: false), spread("VAR.P", sample: false, root: false),
        spread("STDEV.S", sample: true, root: true), spread("STDEV.P", sample: false, root: true),
        counting("COUNT", "COUNT(value, …)") { kind in
            switch kind {
            case .number, .logical(counted: true): return true
            default: return false
            }
        },
        counting("COUNTA", "COUNTA(value, …)") { kind in
            if case .blank = kind { return false }
            return true
        },
        counting("COUNTBLANK", "COUNTBLANK(range)", max: 1) { kind in
            switch kind {
            case .blank, .text(isEmpty: true): return true
            default: return false
            }
        },
        ordered("MEDIAN", "MEDIAN(number, …)", extra: 0) { values, _ in
            values.isEmpty ? .error(.num) : .number(Aggregation.interpolated(in: values, rank: Double(values.count - 1) / 2))
        },
        ordered("PERCENTILE.INC", "PERCENTILE.INC(range, k)", extra: 1) { values, k in
            percentileInclusive(values, k[0])
        },
        ordered("PERCENTILE.EXC", "PERCENTILE.EXC(range, k)", extra: 1) { values, k in
            guard case .success(let p) = Coercion.arithmetic(k[0]) else { return .error(k[0].error ?? .value) }
            let n = Double(values.count)
            guard !values.isEmpty, p > 0, p < 1, p >= 1 / (n + 1), p <= n / (n + 1) else { return .error(.num) }
            return .number(Aggregation.interpolated(in: values, rank: p * (n + 1) - 1))
        },
        ordered("QUARTILE.INC", "QUARTILE.INC(range, quart)", extra: 1) { values, q in
            guard case .success(let x) = Coercion.arithmetic(q[0]) else { return .error(q[0].error ?? .value) }
            let quart = x.rounded(.towardZero)
            guard quart >= 0, quart <= 4 else { return .error(.num) }
            return percentileInclusive(values, .number(quart / 4))
        },
        ordered("MODE.SNGL", "MODE.SNGL(number, …)", extra: 0) { values, _ in mode(ArraySlice(values)) },
        FunctionSpec(name: "SUMPRODUCT", minArguments: 1, maxArguments: 255, usage: "SUMPRODUCT(array1, array2, …)",
                     compile: sumProduct),
    ]

    /// An error value from a status code.
    static func err(_ code: UInt8) -> FormulaValue { .error(FormulaError(statusCode: code) ?? .value) }

    /// PERCENTILE.INC on one group's values.
    static func percentileInclusive(_ values: UnsafeMutableBufferPointer<Double>, _ k: FormulaValue) -> FormulaValue {
        guard case .success(let p) = Coercion.arithmetic(k) else { return .error(k.error ?? .value) }
        guard !values.isEmpty, p >= 0, p <= 1 else { return .error(.num) }
        return .number(Aggregation.interpolated(in: values, rank: p * Double(values.count - 1)))
    }

    /// MODE.SNGL: the most frequent value; ties go to the one seen first; #N/A when nothing repeats.
    static func mode(_ values: ArraySlice<Double>) -> FormulaValue {
        var counts: [Double: (count: Int, first: Int)] = [:]
        for (i, x) in values.enumerated() {
            if let seen = counts[x] { counts[x] = (seen.count + 1, seen.first) } else { counts[x] = (1, i) }
        }
        var best: (value: Double, count: Int, first: Int)?
        for (x, c) in counts where c.count >= 2 {
            if best == nil || c.count > best!.count || (c.count == best!.count && c.first < best!.first) {
                best = (x, c.count, c.first)
            }
        }
        return best.map { .number($0.value) } ?? .error(.notAvailable)
    }

    // MARK: - Compiling aggregate calls

    /// Compiled arguments of an aggregate: the ranges, the extra per-group arguments, and whether rows reduce to groups.
    struct Compiled {
        var ranges: [Node]
        var extras: [Node]
        var reduces: Bool
        var level: Level
    }

    /// Compiles range arguments (per row when they mention columns and the call is at KPI level) and extra arguments.
    static func compileArguments(_ call: Call, rangeIndices: [Int], numeric: Bool, _ c: inout Compiler) -> Compiled? {
        var ranges: [Node] = [], extras: [Node] = []
        var failed = false
        for (i, argument) in call.arguments.enumerated() {
            let isRange = rangeIndices.contains(i)
            let scope: Scope = isRange && c.mentionsColumn(argument) ? .row : call.scope
            guard let node = c.compile(argument, scope: scope) else { failed = true; continue }
            if isRange {
                if numeric, node.type == .text, !(node.constant.map { isNumericText($0) } ?? false) {
                    let what = node.columnName.map { "column `\($0)`" } ?? "`\(c.text(node.span))`"
                    c.error(node.span, "\(call.name) needs numbers, but \(what) is text",
                            hint: "count text values with COUNTA(…) or COUNTIF(…, \"value\")")
                    failed = true
                    continue
                }
                ranges.append(node)
            } else {
                if call.scope == .group, node.level == .row {
                    c.error(node.span, "this argument of \(call.name) must be one value per group, not a column")
                    failed = true
                    continue
                }
                extras.append(node)
            }
        }
        if failed { return nil }
        let reduces = call.scope == .group && ranges.contains { $0.level == .row }
        let level = reduces ? .group : Elementwise.level(ranges + extras)
        return Compiled(ranges: ranges, extras: extras, reduces: reduces, level: level)
    }

    private static func isNumericText(_ value: FormulaValue) -> Bool {
        if case .text(let s) = value { return Coercion.number(fromText: s) != nil }
        return true
    }

    /// The inputs of a reduction at evaluation time.
    static func inputs(_ ranges: [Node], reduces: Bool, ctx: EvaluationContext) -> [AggregateInput] {
        ranges.map { node in
            let v = node.run(ctx)
            let map: GroupMap = v.isScalar ? .broadcast : (reduces && node.level == .row ? .rows(ctx.groupIds) : .identity)
            return AggregateInput(vector: v, map: map)
        }
    }

    /// SUM-like functions: one pass computing count/sum/min/max per group.
    static func numeric(_ name: String, _ usage: String, keepsDates: Bool = false,
                        _ finish: @escaping @Sendable (Aggregation.Summary, [Vector], Int) -> FormulaValue) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: 255, usage: usage) { call, c in
            guard let compiled = compileArguments(call, rangeIndices: Array(call.arguments.indices), numeric: true, &c) else {
                return nil
            }
            let isDate = keepsDates && compiled.ranges.allSatisfy { $0.type == .date }
            let usesMinMax = name == "MIN" || name == "MAX"
            let ranges = compiled.ranges, reduces = compiled.reduces, level = compiled.level
            let node = Node(type: isDate ? .date : .number, level: level, span: call.span, run: { ctx in
                let n = ctx.count(level)
                if reduces, ranges.count == 1, let numbers = ColumnAccess.typedNumbers(ranges[0], ctx: ctx),
                   let summary = Aggregation.summary(numbers, ids: ctx.groupIds, groups: n, mask: nil, minMax: usesMinMax) {
                    // One numeric column: summed in place, no converted copy.
                    return Aggregation.numbers(n, isDate: isDate) { finish(summary, [], $0) }
                }
                if reduces, ranges.count == 1,
                   let summary = RowChunks.summary(ranges[0], ctx: ctx, groups: n, minMax: usesMinMax, readsMax: name == "MAX") {
                    // One row expression: evaluated and summed a block of rows at a time.
                    return Aggregation.numbers(n, isDate: isDate) { finish(summary, [], $0) }
                }
                let summary = Aggregation.Summary(inputs(ranges, reduces: reduces, ctx: ctx), groups: n, minMax: usesMinMax)
                return Aggregation.numbers(n, isDate: isDate) { finish(summary, [], $0) }
            })
            return c.folded(node)
        }
    }

    /// VAR.S, VAR.P, STDEV.S, STDEV.P: mean first, then the sum of squared deviations (two passes, as Excel).
    static func spread(_ name: String, sample: Bool, root: Bool) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: 255, usage: "\(name)(number, …)") { call, c in
            guard let compiled = compileArguments(call, rangeIndices: Array(call.arguments.indices), numeric: true, &c) else {
                return nil
            }
            let ranges = compiled.ranges, reduces = compiled.reduces, level = compiled.level
            let node = Node(type: .number, level: level, span: call.span, run: { ctx in
                let n = ctx.count(level)
                var typed: (TypedNumbers, Aggregation.Summary)?
                if reduces, ranges.count == 1, let numbers = ColumnAccess.typedNumbers(ranges[0], ctx: ctx),
                   let summary = Aggregation.summary(numbers, ids: ctx.groupIds, groups: n, mask: nil, minMax: false) {
                    typed = (numbers, summary)
                }
                // One numeric column is read in place by both passes; anything else goes through its vectors.
                let ins = typed == nil ? inputs(ranges, reduces: reduces, ctx: ctx) : []
                let summary = typed?.1 ?? Aggregation.Summary(ins, groups: n, minMax: false)
                var squares = [Double](repeating: 0, count: n)
                let means = (0..<n).map { summary.count[$0] > 0 ? summary.sum[$0] / Double(summary.count[$0]) : 0 }
                if let (numbers, _) = typed {
                    _ = Aggregation.squaredDeviations(numbers, ids: ctx.groupIds, means: means, into: &squares)
                }
                for input in ins {
                    if case .numbers(let xs, _) = input.vector.payload, case .rows(let ids) = input.map, ids.count >= xs.count {
                        // One number column over grouped rows: the register-run kernel (same sums, row order).
                        let codes = input.vector.status.materialized(xs.count) ?? []
                        Aggregation.squaredDeviationRuns(xs, codes: codes, ids: ids, means: means, into: &squares)
                        continue
                    }
                    Aggregation.forEachNumber(input, groups: n, { g, x in
                        let d = x - means[g]
                        squares[g] += d * d
                    }, { _, _ in })
                }
                return Aggregation.numbers(n) { g in
                    if summary.error[g] != 0 { return err(summary.error[g]) }
                    let count = summary.count[g]
                    let denominator = sample ? count - 1 : count
                    guard denominator > 0 else { return .error(.divisionByZero) }
                    let variance = squares[g] / Double(denominator)
                    return .number(root ? variance.squareRoot() : variance)
                }
            })
            return c.folded(node)
        }
    }

    /// MEDIAN, PERCENTILE, QUARTILE, MODE: values bucketed per group, then order statistics.
    static func ordered(_ name: String, _ usage: String, extra: Int,
                        _ finish: @escaping @Sendable (UnsafeMutableBufferPointer<Double>, [FormulaValue]) -> FormulaValue) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: extra == 0 ? 1 : 1 + extra, maxArguments: extra == 0 ? 255 : 1 + extra,
                     usage: usage) { call, c in
            let rangeIndices = extra == 0 ? Array(call.arguments.indices) : [0]
            guard let compiled = compileArguments(call, rangeIndices: rangeIndices, numeric: true, &c) else { return nil }
            let ranges = compiled.ranges, extras = compiled.extras.map(\.run), reduces = compiled.reduces
            let level = compiled.level
            let isDate = name == "MEDIAN" || name.hasPrefix("PERCENTILE") || name.hasPrefix("QUARTILE") || name == "MODE.SNGL"
            let type: FormulaType = isDate && ranges.allSatisfy({ $0.type == .date }) ? .date : .number
            let node = Node(type: type, level: level, span: call.span, run: { ctx in
                let n = ctx.count(level)
                var typed: Aggregation.Buckets?
                if reduces, ranges.count == 1, let numbers = ColumnAccess.typedNumbers(ranges[0], ctx: ctx) {
                    typed = Aggregation.buckets(numbers, ids: ctx.groupIds, groups: n)
                }
                var buckets = typed ?? Aggregation.Buckets(inputs(ranges, reduces: reduces, ctx: ctx), groups: n)
                let extraVectors = extras.map { $0(ctx) }
                let offsets = buckets.offsets, errors = buckets.error
                return buckets.values.withUnsafeMutableBufferPointer { all in
                    Aggregation.numbers(n, isDate: type == .date) { g in
                        if errors[g] != 0 { return err(errors[g]) }
                        let args = extraVectors.map { $0.isScalar ? $0.value(0) : $0.value(g) }
                        if let e = args.lazy.compactMap(\.error).first { return .error(e) }
                        // Each group's values are ours to reorder: select in place.
                        return finish(UnsafeMutableBufferPointer(rebasing: all[offsets[g]..<offsets[g + 1]]), args)
                    }
                }
            })
            return c.folded(node)
        }
    }

    /// What an element is, for COUNT, COUNTA and COUNTBLANK.
    enum ElementKind {
        case number
        case logical(counted: Bool)
        case text(isEmpty: Bool)
        case blank
        case error
    }

    /// Calls `body(group, kind)` for every element of the input.
    static func forEachElement(_ input: AggregateInput, groups: Int, _ body: (Int, ElementKind) -> Void) {
        let v = input.vector
        func kind(of value: FormulaValue, direct: Bool) -> ElementKind {
            switch value {
            case .number, .date: return .number
            case .boolean: return .logical(counted: direct)
            case .text(let s): return direct && Coercion.number(fromText: s) != nil ? .number : .text(isEmpty: s.isEmpty)
            case .blank: return .blank
            case .error: return .error
            }
        }
        if case .scalar(let value) = v.payload {
            let k = kind(of: value, direct: true)
            let range: Range<Int>
            if case .broadcast = input.map { range = 0..<groups } else { range = 0..<min(groups, v.count) }
            for g in range { body(g, k) }
            return
        }
        switch v.payload {
        case .numbers:
            Aggregation.scan(v.count, map: input.map, status: v.status, mask: nil) { _, g, code in
                body(g, elementKind(code) ?? .number)
            }
        case .booleans:
            Aggregation.scan(v.count, map: input.map, status: v.status, mask: nil) { _, g, code in
                body(g, elementKind(code) ?? .logical(counted: true))
            }
        case .texts(let ts):
            Aggregation.scan(v.count, map: input.map, status: v.status, mask: nil) { i, g, code in
                body(g, elementKind(code) ?? .text(isEmpty: ts[i].isEmpty))
            }
        case .categories(let codes, let levels):
            let emptyLevel = levels.map(\.isEmpty)
            Aggregation.scan(v.count, map: input.map, status: v.status, mask: nil) { i, g, code in
                let c = Int(codes[i])
                body(g, elementKind(code) ?? .text(isEmpty: c < 0 || c >= levels.count || emptyLevel[c]))
            }
        case .values(let values):
            Aggregation.scan(v.count, map: input.map, status: .allValid, mask: nil) { i, g, _ in
                body(g, kind(of: values[i], direct: false))
            }
        case .scalar: break
        }
    }

    /// The kind of a non-value status code, or nil for a value.
    @inline(__always) static func elementKind(_ code: UInt8) -> ElementKind? {
        switch code {
        case statusValue: return nil
        case statusBlank: return .blank
        case statusOmittedFalse: return .logical(counted: false)
        case statusEmptyText: return .text(isEmpty: true)
        default: return .error
        }
    }

    /// COUNT / COUNTA / COUNTBLANK of a typed number or logical column over grouped rows, from status codes alone.
    static func countTypedRows(_ input: AggregateInput, name: String, into totals: inout [Double]) -> Bool {
        guard case .rows(let ids) = input.map else { return false }
        switch input.vector.payload {
        case .numbers, .booleans: break
        default: return false
        }
        return countStatusRows(input.vector.status, count: input.vector.count, ids: ids, name: name, into: &totals)
    }

    /// COUNT / COUNTA / COUNTBLANK over grouped rows of `count` number or logical elements with `status`.
    static func countStatusRows(_ status: Status, count n: Int, ids: [Int32], name: String, into totals: inout [Double]) -> Bool {
        guard ids.count >= n else { return false }
        let codes = status.materialized(n) ?? []
        guard codes.isEmpty || codes.count >= n else { return false }
        let groups = totals.count
        // Which status codes count: 0 value, 1 blank, 2–7 errors, 8 omitted FALSE, 9 empty text.
        var counted = [Bool](repeating: false, count: 10)
        switch name {
        case "COUNT": counted[0] = true
        case "COUNTA": counted = (0..<10).map { $0 != 1 }
        default: counted[1] = true; counted[9] = true
        }
        // 256 entries: any status byte indexes the table in bounds.
        var table = [Bool](repeating: false, count: 256)
        for code in 0..<10 { table[code] = counted[code] }
        let useCodes = !codes.isEmpty
        let valueCounted = counted[0]
        totals.withUnsafeMutableBufferPointer { tp in
            ids.withUnsafeBufferPointer { ip in
                codes.withUnsafeBufferPointer { kp in
                    table.withUnsafeBufferPointer { cp in
                        if useCodes {
                            Aggregation.countRuns(n, ids: ip, groups: groups, into: tp) { Aggregation.bit(cp[Int(kp[$0])]) }
                        } else {
                            let one = Aggregation.bit(valueCounted)
                            Aggregation.countRuns(n, ids: ip, groups: groups, into: tp) { _ in one }
                        }
                    }
                }
            }
        }
        return true
    }

    /// COUNT, COUNTA, COUNTBLANK.
    static func counting(_ name: String, _ usage: String, max: Int = 255,
                         _ counts: @escaping @Sendable (ElementKind) -> Bool) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: max, usage: usage) { call, c in
            guard let compiled = compileArguments(call, rangeIndices: Array(call.arguments.indices), numeric: false, &c) else {
                return nil
            }
            let ranges = compiled.ranges, reduces = compiled.reduces, level = compiled.level
            let node = Node(type: .number, level: level, span: call.span, run: { ctx in
                let n = ctx.count(level)
                var totals = [Double](repeating: 0, count: n)
                if reduces, ranges.count == 1, let (status, rows) = ColumnAccess.typedStatus(ranges[0], ctx: ctx),
                   countStatusRows(status, count: rows, ids: ctx.groupIds, name: name, into: &totals) {
                    // A number or logical column is counted from its status alone: its values are never converted.
                    return Vector(payload: .numbers(totals, isDate: false), status: .allValid, count: n)
                }
                for input in inputs(ranges, reduces: reduces, ctx: ctx) {
                    if countTypedRows(input, name: name, into: &totals) { continue }
                    totals.withUnsafeMutableBufferPointer { tp in
                        forEachElement(input, groups: n) { g, kind in if counts(kind) { tp[g] += 1 } }
                    }
                }
                return Vector(payload: .numbers(totals, isDate: false), status: .allValid, count: n)
            })
            return c.folded(node)
        }
    }

    /// SUMPRODUCT over typed number/logical vectors: products per row (gaps count as 0), summed per group.
    static func fastSumProduct(_ vectors: [Vector], rows: Int, groups: Int, ids: [Int32]?) -> Vector? {
        if vectors.count == 2, let ids, case .numbers(let a, _) = vectors[0].payload, case .numbers(let b, _) = vectors[1].payload,
           a.count == rows, b.count == rows {
            // Two number columns over grouped rows (SUMPRODUCT(weights, values)): one fused pass, same arithmetic.
            var sums = [Double](repeating: 0, count: groups)
            var groupErrors = [UInt8](repeating: 0, count: groups)
            if Aggregation.sumProduct2Runs(a, vectors[0].status.materialized(rows) ?? [], b,
                                           vectors[1].status.materialized(rows) ?? [], ids: ids, groups: groups,
                                           sums: &sums, errors: &groupErrors) {
                return Aggregation.numbers(groups) { g in groupErrors[g] != 0 ? err(groupErrors[g]) : .number(sums[g]) }
            }
        }
        var product = [Double](repeating: 1, count: rows)
        var errors: [UInt8]?
        for v in vectors {
            let codes = v.status.materialized(rows) ?? []
            switch v.payload {
            case .numbers(let xs, _):
                guard xs.count == rows else { return nil }
                for i in 0..<rows { product[i] *= xs[i] }
            case .booleans(let bs):
                guard bs.count == rows else { return nil }
                for i in 0..<rows where !bs[i] { product[i] = 0 }
            default: return nil
            }
            if !codes.isEmpty {
                for i in 0..<rows where codes[i] != statusValue {
                    if Aggregation.isError(codes[i]) {
                        if errors == nil { errors = [UInt8](repeating: 0, count: rows) }
                        if errors?[i] == 0 { errors?[i] = codes[i] }
                    }
                    product[i] = 0
                }
            }
        }
        var sums = [Double](repeating: 0, count: groups)
        var groupErrors = [UInt8](repeating: 0, count: groups)
        let idArray = ids ?? [], useIds = ids != nil
        let errorArray = errors ?? [], useErrors = errors != nil
        product.withUnsafeBufferPointer { pp in
            sums.withUnsafeMutableBufferPointer { sp in
                for i in 0..<rows {
                    let g = useIds ? Int(idArray[i]) : i
                    if g < 0 || g >= groups { continue }
                    if useErrors, errorArray[i] != 0 {
                        if groupErrors[g] == 0 { groupErrors[g] = errorArray[i] }
                    } else {
                        sp[g] += pp[i]
                    }
                }
            }
        }
        return Aggregation.numbers(groups) { g in groupErrors[g] != 0 ? err(groupErrors[g]) : .number(sums[g]) }
    }

    /// SUMPRODUCT: multiplies its arrays element by element (non-numbers count as 0) and sums per group.
    static func sumProduct(_ call: Call, _ c: inout Compiler) -> Node? {
        guard let compiled = compileArguments(call, rangeIndices: Array(call.arguments.indices), numeric: true, &c) else {
            return nil
        }
        let ranges = compiled.ranges, reduces = compiled.reduces, level = compiled.level
        if reduces, let constant = ranges.first(where: { $0.level != .row }) {
            c.error(constant.span, "SUMPRODUCT's arrays must all be columns or per-row expressions of the same length")
            return nil
        }
        let node = Node(type: .number, level: level, span: call.span, run: { ctx in
            if reduces, ranges.count == 2, let a = ColumnAccess.typedNumbers(ranges[0], ctx: ctx),
               let b = ColumnAccess.typedNumbers(ranges[1], ctx: ctx), a.count == ctx.table.rowCount,
               let (sums, errors) = Aggregation.sumProduct(a, b, ids: ctx.groupIds, groups: ctx.count(level)) {
                // Two numeric columns: multiplied and summed in place (the same fused kernel as below).
                return Aggregation.numbers(ctx.count(level)) { g in errors[g] != 0 ? err(errors[g]) : .number(sums[g]) }
            }
            let vectors = ranges.map { $0.run(ctx) }
            let rows = reduces ? ctx.table.rowCount : ctx.count(level)
            let n = ctx.count(level)
            if let fast = fastSumProduct(vectors, rows: rows, groups: n, ids: reduces ? ctx.groupIds : nil) { return fast }
            var sums = [Double](repeating: 0, count: n)
            var errors = [UInt8](repeating: 0, count: n)
            for i in 0..<rows {
                let g = reduces ? Int(ctx.groupIds[i]) : i
                if g < 0 { continue }
                var product = 1.0
                var error: UInt8 = 0
                for v in vectors {
                    switch v.value(v.isScalar ? 0 : i) {
                    case .number(let x), .date(let x): product *= x
                    case .boolean(let b):
                        if case .booleans = v.payload { product *= b ? 1 : 0 } else { product = 0 }
                    case .error(let e): if error == 0 { error = e.statusCode }
                    default: product = 0
                    }
                }
                if error != 0 { if errors[g] == 0 { errors[g] = error } } else { sums[g] += product }
            }
            return Aggregation.numbers(n) { g in errors[g] != 0 ? err(errors[g]) : .number(sums[g]) }
        })
        return c.folded(node)
    }
}
