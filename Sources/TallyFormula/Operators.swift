#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiles `-x`, `x%`, arithmetic, `&` and comparisons with Excel's coercions and type checks.
enum Operators {
    /// `-x` / `+x`.
    static func unary(_ op: UnaryOperator, _ node: Node, span: Span, compiler: inout Compiler) -> Node? {
        guard requireNumeric(node, what: op == .negate ? "negation" : "unary plus", compiler: &compiler) else { return nil }
        if op == .plus { return node }
        return Elementwise.mapNumber(node, span: span, compiler: compiler) { .number(-$0) }
    }

    /// `x%` divides by 100.
    static func percent(_ node: Node, span: Span, compiler: inout Compiler) -> Node? {
        guard requireNumeric(node, what: "`%`", compiler: &compiler) else { return nil }
        return Elementwise.mapNumber(node, span: span, compiler: compiler) { .number($0 / 100) }
    }

    /// Reports text-typed (non-constant) operands of arithmetic at compile time, as `#VALUE!` would at run time.
    static func requireNumeric(_ node: Node, what: String, compiler: inout Compiler) -> Bool {
        guard node.type == .text else { return true }
        if let constant = node.constant, case .text(let s) = constant {
            if Coercion.number(fromText: s) != nil { return true }
            compiler.error(node.span, "\(what) needs a number, but \"\(s)\" is text")
            return false
        }
        // Text computed per row (LEFT(code, 2)) converts at run time as in Excel ("12" → 12, else #VALUE!);
        // a text column in arithmetic is a type error.
        guard let column = node.columnName else { return true }
        compiler.error(node.span, "\(what) needs numbers, but column `\(column)` is text",
                       hint: "use a numeric column, or VALUE(…) to convert text that holds numbers")
        return false
    }

    /// Binary operators.
    static func binary(_ op: BinaryOperator, _ l: Node, _ r: Node, span: Span, compiler: inout Compiler) -> Node? {
        if op == .concatenate {
            return Elementwise.map([l, r], type: .text, span: span, compiler: compiler) { args in
                switch (Coercion.text(args[0]), Coercion.text(args[1])) {
                case (.failure(let e), _), (_, .failure(let e)): return .error(e)
                case (.success(let a), .success(let b)): return .text(a + b)
                }
            }
        }
        if op.isComparison { return comparison(op, l, r, span: span, compiler: compiler) }
        let okL = requireNumeric(l, what: "`\(op.rawValue)`", compiler: &compiler)
        let okR = requireNumeric(r, what: "`\(op.rawValue)`", compiler: &compiler)
        guard okL, okR else { return nil }
        // Dates: date ± number stays a date; date − date is a number of days.
        var type = FormulaType.number
        if op == .add, l.type == .date || r.type == .date, !(l.type == .date && r.type == .date) { type = .date }
        if op == .subtract, l.type == .date, r.type != .date { type = .date }
        let f: @Sendable (Double, Double) -> FormulaValue
        let kind: ArithmeticKind?
        switch op {
        case .add: kind = .add
        case .subtract: kind = .subtract
        case .multiply: kind = .multiply
        case .divide: kind = .divide
        default: kind = nil
        }
        switch op {
        case .add: f = { Elementwise.finite($0 + $1) }
        case .subtract: f = { Elementwise.finite($0 - $1) }
        case .multiply: f = { Elementwise.finite($0 * $1) }
        case .divide: f = { $1 == 0 ? .error(.divisionByZero) : Elementwise.finite($0 / $1) }
        default: f = power
        }
        return arithmetic(l, r, type: type, span: span, compiler: compiler, kind: kind, f)
    }

    /// The four operators with a closure-free vector loop.
    enum ArithmeticKind: Sendable { case add, subtract, multiply, divide }

    /// `+ - * /` over number vectors (or a scalar number) with status codes: blanks are 0, errors propagate
    /// left first, "" is #VALUE!, division by zero is #DIV/0! and overflow #NUM! — without a call per element.
    static func kernelArithmetic(_ kind: ArithmeticKind, _ a: Vector, _ b: Vector, n: Int, isDate: Bool) -> Vector? {
        func operand(_ v: Vector) -> (xs: [Double], scalar: Double, isScalar: Bool)? {
            switch v.payload {
            case .numbers(let xs, _): return xs.count >= n ? (xs, 0, false) : nil
            case .scalar(let value):
                if let x = value.number { return ([], x, true) }
                if case .blank = value { return ([], 0, true) }
                return nil
            default: return nil
            }
        }
        guard let pa = operand(a), let pb = operand(b) else { return nil }
        let ca = a.isScalar ? [] : (a.status.materialized(n) ?? []), cb = b.isScalar ? [] : (b.status.materialized(n) ?? [])
        let useA = !ca.isEmpty, useB = !cb.isEmpty
        var out = [Double](repeating: 0, count: n)
        var codes = [UInt8](repeating: 0, count: n)
        var gaps = false
        let valueError = FormulaError.value.statusCode, divError = FormulaError.divisionByZero.statusCode
        let numError = FormulaError.num.statusCode
        pa.xs.withUnsafeBufferPointer { xp in
            pb.xs.withUnsafeBufferPointer { yp in
                ca.withUnsafeBufferPointer { cap in
                    cb.withUnsafeBufferPointer { cbp in
                        out.withUnsafeMutableBufferPointer { op in
                            codes.withUnsafeMutableBufferPointer { kp in
                                for i in 0..<n {
                                    var x = pa.isScalar ? pa.scalar : xp[i]
                                    var y = pb.isScalar ? pb.scalar : yp[i]
                                    if useA || useB {
                                        let c1 = useA ? cap[i] : 0, c2 = useB ? cbp[i] : 0
                                        if c1 != 0 || c2 != 0 {
                                            let e1 = Aggregation.isError(c1) ? c1 : (c1 == statusEmptyText ? valueError : 0)
                                            let e2 = Aggregation.isError(c2) ? c2 : (c2 == statusEmptyText ? valueError : 0)
                                            if e1 != 0 || e2 != 0 { kp[i] = e1 != 0 ? e1 : e2; gaps = true; continue }
                                            if c1 != 0 { x = 0 }
                                            if c2 != 0 { y = 0 }
                                        }
                                    }
                                    let r: Double
                                    switch kind {
                                    case .add: r = x + y
                                    case .subtract: r = x - y
                                    case .multiply: r = x * y
                                    case .divide:
                                        if y == 0 { kp[i] = divError; gaps = true; continue }
                                        r = x / y
                                    }
                                    if r.isFinite { op[i] = r } else { kp[i] = numError; gaps = true }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Vector(payload: .numbers(out, isDate: isDate), status: gaps ? .codes(codes) : .allValid, count: n)
    }

    /// Excel's `^`: 0^0 and 0^negative are errors, as are fractional powers of negatives.
    @Sendable static func power(_ base: Double, _ exponent: Double) -> FormulaValue {
        if base == 0 && exponent == 0 { return .error(.num) }
        if base == 0 && exponent < 0 { return .error(.divisionByZero) }
        if base < 0 && exponent != exponent.rounded() {
            // Odd roots of negatives (x^(1/3)) work in Excel; other fractional powers do not.
            // The parity test stays in Double: a tiny exponent's reciprocal can exceed Int (or be infinite).
            let reciprocal = 1 / exponent
            if abs(reciprocal.truncatingRemainder(dividingBy: 2)) == 1 { return Elementwise.finite(-pow(-base, exponent)) }
            return .error(.num)
        }
        return Elementwise.finite(pow(base, exponent))
    }

    /// A two-operand numeric node with a fast path over plain number vectors.
    static func arithmetic(_ l: Node, _ r: Node, type: FormulaType, span: Span, compiler: Compiler,
                           kind: ArithmeticKind? = nil,
                           _ f: @escaping @Sendable (Double, Double) -> FormulaValue) -> Node {
        let level = max(l.level, r.level)
        let lrun = l.run, rrun = r.run
        let node = Node(type: type, level: level, span: span, run: { ctx in
            let a = lrun(ctx), b = rrun(ctx)
            let n = ctx.count(level)
            if a.isScalar && b.isScalar { return .scalar(combine(a.value(0), b.value(0), f).typed(type), count: n) }
            if let kind, let fast = kernelArithmetic(kind, a, b, n: n, isDate: type == .date) { return fast }
            if let fast = fastArithmetic(a, b, n: n, isDate: type == .date, f) { return fast }
            var builder = VectorBuilder(type: type, count: n)
            for i in 0..<n { builder.append(combine(a.value(i), b.value(i), f)) }
            return builder.build()
        })
        return compiler.folded(node)
    }

    /// Applies `f` after coercing both values; the left operand's error wins, as in Excel.
    static func combine(_ a: FormulaValue, _ b: FormulaValue, _ f: (Double, Double) -> FormulaValue) -> FormulaValue {
        switch (Coercion.arithmetic(a), Coercion.arithmetic(b)) {
        case (.failure(let e), _), (_, .failure(let e)): return .error(e)
        case (.success(let x), .success(let y)): return f(x, y)
        }
    }

    /// Numbers (or a scalar number) on both sides: one tight loop, blanks as 0, errors from the left first.
    static func fastArithmetic(_ a: Vector, _ b: Vector, n: Int, isDate: Bool,
                               _ f: (Double, Double) -> FormulaValue) -> Vector? {
        func numbers(_ v: Vector) -> (xs: [Double]?, scalar: Double?)? {
            switch v.payload {
            case .numbers(let xs, _): return (xs, nil)
            case .scalar(let value):
                if let x = value.number { return (nil, x) }
                if case .blank = value { return (nil, 0) }
                return nil
            default: return nil
            }
        }
        guard let na = numbers(a), let nb = numbers(b) else { return nil }
        var out = [Double](repeating: 0, count: n)
        var codes: [UInt8]?
        let codesA = a.status.materialized(n) ?? [], codesB = b.status.materialized(n) ?? []
        let gapsA = !codesA.isEmpty, gapsB = !codesB.isEmpty
        let xsA = na.xs ?? [], xsB = nb.xs ?? []
        let sA = na.scalar, sB = nb.scalar
        // Plain numbers on both sides: the common case gets a loop without branches on status.
        if !gapsA && !gapsB {
            var failed = false
            xsA.withUnsafeBufferPointer { ap in
                xsB.withUnsafeBufferPointer { bp in
                    out.withUnsafeMutableBufferPointer { op in
                        for i in 0..<n {
                            switch f(sA ?? ap[i], sB ?? bp[i]) {
                            case .number(let r), .date(let r): op[i] = r
                            default: failed = true
                            }
                            if failed { break }
                        }
                    }
                }
            }
            if !failed { return Vector(payload: .numbers(out, isDate: isDate), status: .allValid, count: n) }
        }
        for i in 0..<n {
            var x = sA ?? xsA[i]
            var y = sB ?? xsB[i]
            if gapsA || gapsB {
                let ca = gapsA ? codesA[i] : 0, cb = gapsB ? codesB[i] : 0
                let ea = Aggregation.isError(ca) ? ca : (ca == statusEmptyText ? FormulaError.value.statusCode : 0)
                let eb = Aggregation.isError(cb) ? cb : (cb == statusEmptyText ? FormulaError.value.statusCode : 0)
                if ea != 0 || eb != 0 {
                    if codes == nil { codes = [UInt8](repeating: 0, count: n) }
                    codes?[i] = ea != 0 ? ea : eb
                    continue
                }
                if ca != 0 { x = 0 }
                if cb != 0 { y = 0 }
            }
            switch f(x, y) {
            case .number(let r), .date(let r): out[i] = r
            case .error(let e):
                if codes == nil { codes = [UInt8](repeating: 0, count: n) }
                codes?[i] = e.statusCode
            default: break
            }
        }
        return Vector(payload: .numbers(out, isDate: isDate), status: codes.map { .codes($0) } ?? .allValid, count: n)
    }

    /// Comparisons with Excel's ordering: numbers < text < logicals; text compares case-insensitively.
    static func comparison(_ op: BinaryOperator, _ l: Node, _ r: Node, span: Span, compiler: Compiler) -> Node {
        // A boolean column compared with "Y"/"yes"/"true"/… compares as a logical (tokens are gone after reading).
        let l2 = booleanTokenConstant(l, other: r), r2 = booleanTokenConstant(r, other: l)
        let test: @Sendable (Int) -> Bool
        switch op {
        case .equal: test = { $0 == 0 }
        case .notEqual: test = { $0 != 0 }
        case .less: test = { $0 < 0 }
        case .greater: test = { $0 > 0 }
        case .lessEqual: test = { $0 <= 0 }
        default: test = { $0 >= 0 }
        }
        let level = max(l2.level, r2.level)
        let lrun = l2.run, rrun = r2.run
        let node = Node(type: .boolean, level: level, span: span, run: { ctx in
            let a = lrun(ctx), b = rrun(ctx)
            let n = ctx.count(level)
            if a.isScalar && b.isScalar {
                let (x, y) = (a.value(0), b.value(0))
                if let e = x.error ?? y.error { return .scalar(.error(e), count: n) }
                return .scalar(.boolean(test(compare(x, y))), count: n)
            }
            // Fast path: a category column against one text: compare each level once.
            if case .categories(let codes, let levels) = a.payload, case .scalar(let s) = b.payload, s.error == nil {
                let perLevel = levels.map { test(compare(.text($0), s)) }
                let blankResult = test(compare(.blank, s))
                var out = [Bool](repeating: false, count: n)
                let status = a.status.materialized(n) ?? []
                let gaps = !status.isEmpty
                for i in 0..<n {
                    let c = Int(codes[i])
                    out[i] = (!gaps || status[i] == 0) && c >= 0 && c < perLevel.count ? perLevel[c] : blankResult
                }
                return Vector(payload: .booleans(out), status: .allValid, count: n)
            }
            var out = [Bool](repeating: false, count: n)
            var codes: [UInt8]?
            for i in 0..<n {
                let (x, y) = (a.value(i), b.value(i))
                if let e = x.error ?? y.error {
                    if codes == nil { codes = [UInt8](repeating: 0, count: n) }
                    codes?[i] = e.statusCode
                    continue
                }
                out[i] = test(compare(x, y))
            }
            return Vector(payload: .booleans(out), status: codes.map { .codes($0) } ?? .allValid, count: n)
        })
        return compiler.folded(node)
    }

    /// If `node` is a text constant that names a logical ("Y", "no", "true", …) and `other` is boolean-typed,
    /// the constant as a logical; otherwise `node` unchanged.
    static func booleanTokenConstant(_ node: Node, other: Node) -> Node {
        guard other.type == .boolean, case .text(let s)? = node.constant, let b = BooleanTokens.value(of: s) else {
            return node
        }
        return .constant(.boolean(b), span: node.span)
    }

    /// −1, 0 or 1 in Excel's comparison order (blank equals 0, "" and FALSE).
    static func compare(_ a: FormulaValue, _ b: FormulaValue) -> Int {
        func rank(_ v: FormulaValue) -> Int {
            switch v {
            case .number, .date: return 0
            case .text: return 1
            case .boolean: return 2
            default: return 0
            }
        }
        var x = a, y = b
        // Blank takes the type of the other side.
        if case .blank = x {
            switch y {
            case .text: x = .text("")
            case .boolean: x = .boolean(false)
            default: x = .number(0)
            }
        }
        if case .blank = y {
            switch x {
            case .text: y = .text("")
            case .boolean: y = .boolean(false)
            default: y = .number(0)
            }
        }
        let (rx, ry) = (rank(x), rank(y))
        if rx != ry { return rx < ry ? -1 : 1 }
        switch (x, y) {
        case (.text(let s), .text(let t)):
            let (p, q) = (TextCompare.fold(s), TextCompare.fold(t))
            return p == q ? 0 : (p < q ? -1 : 1)
        case (.boolean(let p), .boolean(let q)): return p == q ? 0 : (!p ? -1 : 1)
        default:
            let (p, q) = (x.number ?? 0, y.number ?? 0)
            return p == q ? 0 : (p < q ? -1 : 1)
        }
    }
}

/// Case-insensitive text comparison helpers.
enum TextCompare {
    /// The text folded for case-insensitive comparison.
    static func fold(_ s: String) -> String { s.lowercased() }
}

/// Words a CSV reader turns into logicals; formulas accept them as spellings of TRUE and FALSE for boolean columns.
public enum BooleanTokens {
    /// Spellings of TRUE (case-insensitive).
    public static let trueTokens: Set<String> = ["true", "t", "yes", "y", "1", "ja", "oui", "si", "wahr"]
    /// Spellings of FALSE (case-insensitive).
    public static let falseTokens: Set<String> = ["false", "f", "no", "n", "0", "nein", "non", "falsch"]

    /// The logical a token spells, or nil.
    public static func value(of token: String) -> Bool? {
        let t = token.trimmingSpaces.lowercased()
        if trueTokens.contains(t) { return true }
        if falseTokens.contains(t) { return false }
        return nil
    }
}
