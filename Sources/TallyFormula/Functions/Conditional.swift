/// COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS, MINIFS: aggregates over the rows that meet criteria.
enum ConditionalFunctions {
    static let specs: [FunctionSpec] = [
        FunctionSpec(name: "COUNTIF", minArguments: 2, maxArguments: 2, usage: "COUNTIF(range, criteria)") { call, c in
            build(call, &c, values: nil, pairs: [(0, 1)], kind: .count)
        },
        FunctionSpec(name: "COUNTIFS", minArguments: 2, maxArguments: 254,
                     usage: "COUNTIFS(range1, criteria1, range2, criteria2, …)") { call, c in
            guard let pairs = pairs(call, from: 0, &c) else { return nil }
            return build(call, &c, values: nil, pairs: pairs, kind: .count)
        },
        FunctionSpec(name: "SUMIF", minArguments: 2, maxArguments: 3, usage: "SUMIF(range, criteria, [sum_range])") { call, c in
            build(call, &c, values: call.arguments.count == 3 ? 2 : 0, pairs: [(0, 1)], kind: .sum)
        },
        FunctionSpec(name: "SUMIFS", minArguments: 3, maxArguments: 255,
                     usage: "SUMIFS(sum_range, range1, criteria1, …)") { call, c in
            guard let pairs = pairs(call, from: 1, &c) else { return nil }
            return build(call, &c, values: 0, pairs: pairs, kind: .sum)
        },
        FunctionSpec(name: "AVERAGEIF", minArguments: 2, maxArguments: 3,
                     usage: "AVERAGEIF(range, criteria, [average_range])") { call, c in
            build(call, &c, values: call.arguments.count == 3 ? 2 : 0, pairs: [(0, 1)], kind: .average)
        },
        FunctionSpec(name: "AVERAGEIFS", minArguments: 3, maxArguments: 255,
                     usage: "AVERAGEIFS(average_range, range1, criteria1, …)") { call, c in
            guard let pairs = pairs(call, from: 1, &c) else { return nil }
            return build(call, &c, values: 0, pairs: pairs, kind: .average)
        },
        FunctionSpec(name: "MAXIFS", minArguments: 3, maxArguments: 255,
                     usage: "MAXIFS(max_range, range1, criteria1, …)") { call, c in
            guard let pairs = pairs(call, from: 1, &c) else { return nil }
            return build(call, &c, values: 0, pairs: pairs, kind: .max)
        },
        FunctionSpec(name: "MINIFS", minArguments: 3, maxArguments: 255,
                     usage: "MINIFS(min_range, range1, criteria1, …)") { call, c in
            guard let pairs = pairs(call, from: 1, &c) else { return nil }
            return build(call, &c, values: 0, pairs: pairs, kind: .min)
        },
    ]

    /// What the matching rows are reduced to.
    enum Kind: Sendable { case count, sum, average, max, min }

    /// (range, criteria) index pairs from `start`; reports an odd count.
    static func pairs(_ call: Call, from start: Int, _ c: inout Compiler) -> [(Int, Int)]? {
        let rest = call.arguments.count - start
        guard rest % 2 == 0 else {
            c.error(call.arguments[call.arguments.count - 1].span,
                    "\(call.name) needs ranges and criteria in pairs; the last range has no criteria")
            return nil
        }
        return stride(from: start, to: call.arguments.count, by: 2).map { ($0, $0 + 1) }
    }

    /// Compiles the ranges and constant criteria and builds the reducing node.
    static func build(_ call: Call, _ c: inout Compiler, values valueIndex: Int?, pairs: [(Int, Int)], kind: Kind) -> Node? {
        var failed = false
        func range(_ i: Int, numeric: Bool) -> Node? {
            let argument = call.arguments[i]
            let scope: Scope = c.mentionsColumn(argument) ? .row : call.scope
            guard let node = c.compile(argument, scope: scope) else { failed = true; return nil }
            if numeric, node.type == .text {
                c.error(node.span, "\(call.name) adds up numbers, but `\(c.text(node.span))` is text")
                failed = true
                return nil
            }
            return node
        }
        var ranges: [Node] = []
        var criteria: [Criterion] = []
        for (r, k) in pairs {
            let rangeNode = range(r, numeric: false)
            let hint = "use a literal such as \">=4\", a parameter, or text joined with & from them"
            if c.mentionsColumn(call.arguments[k]) {
                c.error(call.arguments[k].span, "criteria must be fixed when the report is built", hint: hint)
                failed = true
                continue
            }
            guard let criterionNode = c.compile(call.arguments[k], scope: call.scope) else { failed = true; continue }
            guard let value = criterionNode.constant else {
                c.error(criterionNode.span, "criteria must be fixed when the report is built", hint: hint)
                failed = true
                continue
            }
            if let rangeNode { ranges.append(rangeNode) }
            criteria.append(Criterion(value))
        }
        let valueNode = valueIndex.flatMap { range($0, numeric: kind != .count) }
        if failed { return nil }
        let all = ranges + (valueNode.map { [$0] } ?? [])
        let reduces = call.scope == .group && all.contains { $0.level == .row }
        if reduces, let fixed = all.first(where: { $0.level != .row }) {
            c.error(fixed.span, "\(call.name)'s ranges must all be columns or per-row expressions")
            return nil
        }
        let level = reduces ? .group : Elementwise.level(all)
        let rangeRuns = ranges.map(\.run), valueRun = valueNode?.run, rangeNodes = ranges
        let fixedCriteria = criteria
        let isDate = (kind == .max || kind == .min || kind == .average) && valueNode?.type == .date
        let node = Node(type: isDate ? .date : .number, level: level, span: call.span, run: { ctx in
            let n = ctx.count(level)
            let rows = reduces ? ctx.table.rowCount : n
            if kind == .count, reduces, rangeRuns.count == 1 {
                // COUNTIF over grouped rows: count matches directly, no mask; a numeric column is read in place.
                if let numbers = ColumnAccess.typedNumbers(rangeNodes[0], ctx: ctx),
                   let counts = fixedCriteria[0].countPerGroup(numbers, ids: ctx.groupIds, groups: n) {
                    return Vector(payload: .numbers(counts, isDate: false), status: .allValid, count: n)
                }
                let v = rangeRuns[0](ctx)
                if let counts = fixedCriteria[0].countPerGroup(v, ids: ctx.groupIds, groups: n) {
                    return Vector(payload: .numbers(counts, isDate: false), status: .allValid, count: n)
                }
            }
            if kind == .count, reduces {
                // COUNTIFS over grouped rows with typed ranges: AND per-row match bytes, count per group run.
                if let counts = countAll(rangeRuns.map { $0(ctx) }, fixedCriteria, rows: rows, ids: ctx.groupIds, groups: n) {
                    return Vector(payload: .numbers(counts, isDate: false), status: .allValid, count: n)
                }
            }
            var combined: [Bool]?
            for (k, run) in rangeRuns.enumerated() {
                var v = run(ctx)
                if v.isScalar { v = Vector(payload: v.payload, status: .allValid, count: rows) }
                let mask = fixedCriteria[k].mask(v.isScalar ? expand(v, rows) : v)
                if var current = combined {
                    for i in 0..<min(current.count, mask.count) { current[i] = current[i] && mask[i] }
                    combined = current
                } else {
                    combined = mask
                }
            }
            let mask = combined ?? [Bool](repeating: true, count: rows)
            let map: GroupMap = reduces ? .rows(ctx.groupIds) : .identity
            if kind == .count {
                var counts = [Double](repeating: 0, count: n)
                counts.withUnsafeMutableBufferPointer { cp in
                    Aggregation.scan(mask.count, map: map, status: .allValid, mask: mask) { _, g, _ in
                        if g < n { cp[g] += 1 }
                    }
                }
                return Vector(payload: .numbers(counts, isDate: false), status: .allValid, count: n)
            }
            guard let valueRun else { return .scalar(.error(.value), count: n) }
            if reduces, let valueNode, let numbers = ColumnAccess.typedNumbers(valueNode, ctx: ctx),
               let summary = Aggregation.summary(numbers, ids: ctx.groupIds, groups: n, mask: mask,
                                                 minMax: kind == .max || kind == .min) {
                // A numeric value column is summed in place under the criteria mask.
                return finish(summary, groups: n, kind: kind, isDate: isDate)
            }
            var values = valueRun(ctx)
            if values.isScalar { values = expand(values, rows) }
            let summary = Aggregation.Summary([AggregateInput(vector: values, map: map)], groups: n, masks: [mask],
                                                minMax: kind == .max || kind == .min)
            return finish(summary, groups: n, kind: kind, isDate: isDate)
        })
        return c.folded(node)
    }

    /// The per-group result of SUMIFS, AVERAGEIFS, MAXIFS or MINIFS from the matching rows' summary.
    static func finish(_ summary: Aggregation.Summary, groups n: Int, kind: Kind, isDate: Bool) -> Vector {
        Aggregation.numbers(n, isDate: isDate) { g in
            if summary.error[g] != 0 { return AggregateFunctions.err(summary.error[g]) }
            switch kind {
            case .sum: return .number(summary.sum[g])
            case .average: return summary.count[g] == 0 ? .error(.divisionByZero) : .number(summary.sum[g] / Double(summary.count[g]))
            case .max: return .number(summary.count[g] == 0 ? 0 : summary.max[g])
            case .min: return .number(summary.count[g] == 0 ? 0 : summary.min[g])
            case .count: return .number(0)
            }
        }
    }

    /// COUNTIFS per group from `Criterion.hitBytes` (nil when a range is not a typed row vector): the same rows as
    /// the mask path counts, without per-row Bool arrays and closures.
    static func countAll(_ vectors: [Vector], _ criteria: [Criterion], rows: Int, ids: [Int32], groups: Int) -> [Double]? {
        guard vectors.count == criteria.count, !vectors.isEmpty, ids.count >= rows else { return nil }
        var combined: [UInt8]?
        for (k, v) in vectors.enumerated() {
            guard !v.isScalar, v.count == rows, let hits = criteria[k].hitBytes(v), hits.count == rows else { return nil }
            if var current = combined {
                current.withUnsafeMutableBufferPointer { cp in
                    hits.withUnsafeBufferPointer { hp in
                        for i in 0..<rows { cp[i] &= hp[i] }
                    }
                }
                combined = current
            } else {
                combined = hits
            }
        }
        guard let combined else { return nil }
        var counts = [Double](repeating: 0, count: groups)
        counts.withUnsafeMutableBufferPointer { tp in
            ids.withUnsafeBufferPointer { ip in
                combined.withUnsafeBufferPointer { hp in
                    Aggregation.countRuns(rows, ids: ip, groups: groups, into: tp) { hp[$0] }
                }
            }
        }
        return counts
    }

    /// A scalar repeated `count` times as a mixed vector (rare: constant ranges).
    static func expand(_ v: Vector, _ count: Int) -> Vector {
        Vector(payload: .values([FormulaValue](repeating: v.value(0), count: count)), status: .allValid, count: count)
    }
}
