/// IF, IFS, IFERROR, IFNA, AND, OR, NOT and the IS… tests.
enum LogicalFunctions {
    static let specs: [FunctionSpec] = [
        FunctionSpec(name: "IF", minArguments: 2, maxArguments: 3, usage: "IF(condition, value_if_true, [value_if_false])",
                     compile: compileIf),
        FunctionSpec(name: "IFS", minArguments: 2, maxArguments: 254, usage: "IFS(condition1, value1, condition2, value2, …)",
                     compile: compileIfs),
        fallback("IFERROR") { _ in true },
        fallback("IFNA") { $0 == .notAvailable },
        logical("AND", initial: true) { $0 && $1 },
        logical("OR", initial: false) { $0 || $1 },
        FunctionSpec(name: "XOR", minArguments: 1, maxArguments: 255, usage: "XOR(logical, …)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .boolean, span: call.span, compiler: c) { combineLogicals($0, initial: false) { $0 != $1 } }
        },
        FunctionSpec(name: "NOT", minArguments: 1, maxArguments: 1, usage: "NOT(logical)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .boolean, span: call.span, compiler: c) { v in
                switch Coercion.logical(v[0]) {
                case .success(let b): return .boolean(!b)
                case .failure(let e): return .error(e)
                }
            }
        },
        test("ISBLANK") { if case .blank = $0 { return true }; return false },
        test("ISNUMBER") { $0.number != nil },
        test("ISTEXT") { if case .text = $0 { return true }; return false },
        test("ISLOGICAL") { if case .boolean = $0 { return true }; return false },
        test("ISERROR") { $0.error != nil },
        test("ISERR") { $0.error != nil && $0.error != .notAvailable },
        test("ISNA") { $0.error == .notAvailable },
    ]

    /// The common type of branches: equal types stay, blanks adopt the other type, else `.any`.
    static func unify(_ types: [FormulaType]) -> FormulaType {
        let concrete = types.filter { $0 != .any }
        guard concrete.count == types.count, let first = concrete.first else { return .any }
        if concrete.allSatisfy({ $0 == first }) { return first }
        if Set(concrete) == [.number, .date] { return .number }
        return .any
    }

    static func branchType(_ node: Node) -> FormulaType? {
        if case .blank? = node.constant { return nil }
        return node.type
    }

    static func compileIf(_ call: Call, _ c: inout Compiler) -> Node? {
        guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
        let omittedElse = args.count == 2
        let branchTypes = args.dropFirst().compactMap(branchType)
        let type = branchTypes.isEmpty ? FormulaType.number : unify(branchTypes)
        let level = Elementwise.level(args)
        let runs = args.map(\.run)
        let node = Node(type: type, level: level, span: call.span, run: { ctx in
            let n = ctx.count(level)
            let condition = runs[0](ctx), then = runs[1](ctx)
            let otherwise = omittedElse ? nil : runs[2](ctx)
            if condition.isScalar && then.isScalar && (otherwise?.isScalar ?? true) {
                switch Coercion.logical(condition.value(0)) {
                case .failure(let e): return .scalar(.error(e), count: n)
                case .success(let yes):
                    guard let branch = yes ? then : otherwise else { return .scalar(.boolean(false), count: n) }
                    return .scalar(chosenScalar(branch.value(0)), count: n)  // IF(x,,…) returns 0
                }
            }
            if let fast = fastNumericIf(condition, then, otherwise, n: n, type: type) { return fast }
            return generalIf(condition, then, otherwise, n: n, type: type)
        })
        return c.folded(node)
    }

    /// IF element by element for any vectors: the chosen branch's element is returned unchanged (a blank as 0), so
    /// "" and an inner IF's omitted FALSE keep their status, exactly as in `fastNumericIf`.
    static func generalIf(_ condition: Vector, _ then: Vector, _ otherwise: Vector?, n: Int, type: FormulaType) -> Vector {
        var builder = VectorBuilder(type: type, count: n)
        for i in 0..<n {
            switch Coercion.logical(condition.value(i)) {
            case .failure(let e): builder.append(.error(e))
            case .success(let yes):
                guard let branch = yes ? then : otherwise else { builder.appendOmittedFalse(); continue }
                appendChosen(branch, i, to: &builder)
            }
        }
        return builder.build()
    }

    /// Appends element `i` of the branch IF, IFS, IFERROR or IFNA chose, unchanged: a blank as 0 (`IF(x,,…)` returns
    /// 0), "" as empty text and an inner IF's omitted FALSE as that FALSE, whatever the builder's type.
    @inline(__always) static func appendChosen(_ branch: Vector, _ i: Int, to builder: inout VectorBuilder) {
        if !branch.isScalar && branch.status.code(i) == statusOmittedFalse {
            // Typed storage only (`.values` and scalars report no codes): a real FALSE stays a FALSE.
            builder.appendOmittedFalse()
            return
        }
        switch branch.value(branch.isScalar ? 0 : i) {
        case .blank: builder.append(.number(0))
        case .text(let s) where s.isEmpty: builder.appendEmptyText()
        case let v: builder.append(v)
        }
    }

    /// The value a conditional returns for a chosen scalar: a blank as 0, anything else unchanged.
    static func chosenScalar(_ value: FormulaValue) -> FormulaValue {
        if case .blank = value { return .number(0) }
        return value
    }

    /// A branch of IF that is numeric: a number vector or a scalar number, blank, "" or omitted FALSE.
    struct NumericBranch {
        var xs: [Double] = []
        var codes: [UInt8] = []
        var scalar: Double = 0
        var scalarCode: UInt8 = 0
        var isScalar = true
        /// Whether its values are dates (a date vector or a scalar date).
        var isDate = false

        init?(_ v: Vector?) {
            guard let v else { scalarCode = statusOmittedFalse; return }
            switch v.payload {
            case .numbers(let values, let dates):
                xs = values
                isDate = dates
                codes = v.status.materialized(v.count) ?? []
                isScalar = false
            case .scalar(let value):
                switch value {
                case .number(let x): scalar = x
                case .date(let x): scalar = x; isDate = true
                case .blank: scalar = 0
                case .text(let s) where s.isEmpty: scalarCode = statusEmptyText
                case .error(let e): scalarCode = e.statusCode
                default: return nil
                }
            default: return nil
            }
        }

        @inline(__always) func value(_ i: Int) -> (Double, UInt8) {
            if isScalar { return (scalar, scalarCode) }
            let code = codes.isEmpty ? 0 : codes[i]
            return code == statusBlank ? (0, 0) : (xs[i], code)   // IF returns 0 for a blank branch
        }

        /// Whether IF returns element `i` as a plain number (a value of a non-date branch, or a blank's 0).
        @inline(__always) func yieldsNumber(_ i: Int) -> Bool {
            if isScalar { return scalarCode == 0 && !isDate }
            let code = codes.isEmpty ? 0 : codes[i]
            return code == statusBlank || (code == statusValue && !isDate)
        }
    }

    /// IF over a logical (or numeric) condition choosing between numeric branches: one loop, no per-row values.
    /// The result holds dates when `type` is `.date`, or when it is `.any` and no chosen element is a plain number
    /// (`IF(ISBLANK(d), "", d)` over a date column), as `generalIf`'s builder decides.
    static func fastNumericIf(_ condition: Vector, _ then: Vector, _ otherwise: Vector?, n: Int, type: FormulaType) -> Vector? {
        guard let a = NumericBranch(then), let b = NumericBranch(otherwise) else { return nil }
        let conditionCodes = condition.status.materialized(n) ?? []
        var truth = [Bool](repeating: false, count: n)
        switch condition.payload {
        case .booleans(let bs): truth = bs
        case .numbers(let xs, _): truth = xs.map { $0 != 0 }
        default: return nil
        }
        var out = [Double](repeating: 0, count: n)
        var codes = [UInt8](repeating: 0, count: n)
        var gaps = false
        for i in 0..<n {
            var chosen: (Double, UInt8)
            let c = conditionCodes.isEmpty ? 0 : conditionCodes[i]
            if Aggregation.isError(c) {
                chosen = (0, c)
            } else if c == statusEmptyText {
                chosen = (0, FormulaError.value.statusCode)
            } else if c == 0 && truth[i] {
                chosen = a.value(i)
            } else {
                chosen = b.value(i)
            }
            out[i] = chosen.0
            if chosen.1 != 0 { codes[i] = chosen.1; gaps = true }
        }
        var isDate = type == .date
        if type == .any && (a.isDate || b.isDate) {
            // Separate pass, only for untyped IFs with a date branch: dates unless some row yields a plain number.
            isDate = true
            for i in 0..<n {
                let c = conditionCodes.isEmpty ? 0 : conditionCodes[i]
                if Aggregation.isError(c) || c == statusEmptyText { continue }
                if (c == 0 && truth[i]) ? a.yieldsNumber(i) : b.yieldsNumber(i) { isDate = false; break }
            }
        }
        return Vector(payload: .numbers(out, isDate: isDate), status: gaps ? .codes(codes) : .allValid, count: n)
    }

    static func compileIfs(_ call: Call, _ c: inout Compiler) -> Node? {
        guard call.arguments.count % 2 == 0 else {
            c.error(call.arguments[call.arguments.count - 1].span, "IFS needs conditions and values in pairs",
                    hint: "end with TRUE, value for a default")
            return nil
        }
        guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
        let values = stride(from: 1, to: args.count, by: 2).map { args[$0] }
        let type = unify(values.compactMap(branchType))
        let level = Elementwise.level(args)
        let runs = args.map(\.run)
        let node = Node(type: type, level: level, span: call.span, run: { ctx in
            let n = ctx.count(level)
            let vectors = runs.map { $0(ctx) }
            if vectors.allSatisfy(\.isScalar) {
                switch ifsPick(vectors, 0) {
                case .success(let k?): return .scalar(chosenScalar(vectors[k].value(0)), count: n)
                case .success(nil): return .scalar(.error(.notAvailable), count: n)
                case .failure(let e): return .scalar(.error(e), count: n)
                }
            }
            var builder = VectorBuilder(type: type, count: n)
            for i in 0..<n {
                switch ifsPick(vectors, i) {
                case .success(let k?): appendChosen(vectors[k], i, to: &builder)
                case .success(nil): builder.append(.error(.notAvailable))  // no condition held
                case .failure(let e): builder.append(.error(e))
                }
            }
            return builder.build()
        })
        return c.folded(node)
    }

    /// The index of the value IFS returns for row `i`: the first TRUE condition's value, nil when none holds, or the
    /// error of the first condition that is not a logical.
    static func ifsPick(_ vectors: [Vector], _ i: Int) -> Result<Int?, FormulaError> {
        for k in stride(from: 0, to: vectors.count, by: 2) {
            switch Coercion.logical(vectors[k].value(i)) {
            case .failure(let e): return .failure(e)
            case .success(true): return .success(k + 1)
            case .success(false): continue
            }
        }
        return .success(nil)
    }

    /// IFERROR / IFNA: the value, or the fallback where the value is an error they catch.
    static func fallback(_ name: String, catches: @escaping @Sendable (FormulaError) -> Bool) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 2, maxArguments: 2, usage: "\(name)(value, value_if_error)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            let type = unify(args.compactMap(branchType))
            let level = Elementwise.level(args)
            let (valueRun, fallbackRun) = (args[0].run, args[1].run)
            let node = Node(type: type, level: level, span: call.span, run: { ctx in
                let n = ctx.count(level)
                let value = valueRun(ctx), fallback = fallbackRun(ctx)
                func caught(_ i: Int) -> Bool { value.value(i).error.map(catches) ?? false }
                if value.isScalar && fallback.isScalar {
                    return .scalar(chosenScalar(caught(0) ? fallback.value(0) : value.value(0)), count: n)
                }
                var builder = VectorBuilder(type: type, count: n)
                for i in 0..<n { appendChosen(caught(i) ? fallback : value, i, to: &builder) }
                return builder.build()
            })
            return c.folded(node)
        }
    }

    /// Folds logicals: blanks are skipped, text is #VALUE!, no logical at all is #VALUE!.
    static func combineLogicals(_ values: [FormulaValue], initial: Bool, _ f: (Bool, Bool) -> Bool) -> FormulaValue {
        var result = initial
        var seen = false
        for v in values {
            switch v {
            case .blank: continue
            case .error(let e): return .error(e)
            case .text(let s):
                guard let b = ["TRUE": true, "FALSE": false][s.uppercased()] else { return .error(.value) }
                result = f(result, b); seen = true
            case .boolean(let b): result = f(result, b); seen = true
            case .number(let x), .date(let x): result = f(result, x != 0); seen = true
            }
        }
        return seen ? .boolean(result) : .error(.value)
    }

    /// AND / OR over their arguments, element by element.
    static func logical(_ name: String, initial: Bool, _ f: @escaping @Sendable (Bool, Bool) -> Bool) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: 255, usage: "\(name)(logical1, logical2, …)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .boolean, span: call.span, compiler: c) { combineLogicals($0, initial: initial, f) }
        }
    }

    /// IS… tests: never an error, always TRUE or FALSE.
    static func test(_ name: String, _ f: @escaping @Sendable (FormulaValue) -> Bool) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: 1, usage: "\(name)(value)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            if name == "ISBLANK", args[0].level == .row {
                // Typed columns answer from their status alone.
                let run = args[0].run
                return Node(type: .boolean, level: .row, span: call.span, run: { ctx in
                    let v = run(ctx)
                    switch v.payload {
                    case .numbers, .booleans, .texts, .categories:
                        let n = v.count
                        guard let codes = v.status.materialized(n) else {
                            return Vector(payload: .booleans([Bool](repeating: false, count: n)), status: .allValid, count: n)
                        }
                        return Vector(payload: .booleans(codes.map { $0 == statusBlank }), status: .allValid, count: n)
                    default:
                        return Vector(payload: .booleans((0..<v.count).map { f(v.value($0)) }), status: .allValid, count: v.count)
                    }
                })
            }
            return Elementwise.map(args, type: .boolean, span: call.span, compiler: c) { .boolean(f($0[0])) }
        }
    }
}
