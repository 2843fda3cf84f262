#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ROUND, ROUNDUP, ROUNDDOWN, ABS, SQRT, LN, EXP and a few companions (INT, MOD, POWER, LOG10, VALUE).
enum MathFunctions {
    static let specs: [FunctionSpec] = [
        rounding("ROUND") { x, d in NumberText.roundHalfAwayFromZero(x, decimals: d) },
        rounding("ROUNDUP") { x, d in NumberText.roundDirected(x, decimals: d, awayFromZero: true) },
        rounding("ROUNDDOWN") { x, d in NumberText.roundDirected(x, decimals: d, awayFromZero: false) },
        unary("ABS") { .number(abs($0)) },
        unary("SQRT") { $0 < 0 ? .error(.num) : .number($0.squareRoot()) },
        unary("LN") { $0 <= 0 ? .error(.num) : Elementwise.finite(log($0)) },
        unary("LOG10") { $0 <= 0 ? .error(.num) : Elementwise.finite(log10($0)) },
        unary("EXP") { Elementwise.finite(exp($0)) },
        unary("INT") { .number($0.rounded(.down)) },
        unary("SIGN") { .number($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) },
        binary("MOD") { n, d in
            guard d != 0 else { return .error(.divisionByZero) }
            return Elementwise.finite(n - d * (n / d).rounded(.down))
        },
        binary("POWER") { Operators.power($0, $1) },
        FunctionSpec(name: "VALUE", minArguments: 1, maxArguments: 1, usage: "VALUE(text)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .number, span: call.span, compiler: c) { v in
                switch v[0] {
                case .number(let x), .date(let x): return .number(x)
                case .blank: return .number(0)
                case .text(let s): return Coercion.number(fromText: s).map { .number($0) } ?? .error(.value)
                case .boolean: return .error(.value)
                case .error(let e): return .error(e)
                }
            }
        },
    ]

    /// A one-argument numeric function.
    static func unary(_ name: String, _ f: @escaping @Sendable (Double) -> FormulaValue) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: 1, usage: "\(name)(number)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope),
                  Operators.requireNumeric(args[0], what: name, compiler: &c) else { return nil }
            return Elementwise.mapNumber(args[0], span: call.span, compiler: c, f)
        }
    }

    /// A two-argument numeric function.
    static func binary(_ name: String, _ f: @escaping @Sendable (Double, Double) -> FormulaValue) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 2, maxArguments: 2, usage: "\(name)(number, number)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            let ok0 = Operators.requireNumeric(args[0], what: name, compiler: &c)
            let ok1 = Operators.requireNumeric(args[1], what: name, compiler: &c)
            guard ok0, ok1 else { return nil }
            return Operators.arithmetic(args[0], args[1], type: .number, span: call.span, compiler: c, f)
        }
    }

    /// ROUND-like: digits truncated toward zero, as Excel does.
    static func rounding(_ name: String, _ f: @escaping @Sendable (Double, Int) -> Double) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: 2, usage: "\(name)(number, num_digits)") { call, c in
            guard var args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            if args.count == 1 { args.append(.constant(.number(0), span: call.span)) }
            let ok0 = Operators.requireNumeric(args[0], what: name, compiler: &c)
            let ok1 = Operators.requireNumeric(args[1], what: name, compiler: &c)
            guard ok0, ok1 else { return nil }
            let type: FormulaType = args[0].type == .date ? .date : .number
            return Operators.arithmetic(args[0], args[1], type: type, span: call.span, compiler: c) { x, d in
                let digits = d.rounded(.towardZero)
                guard abs(digits) <= 308 else { return .number(digits > 0 ? x : 0) }
                return Elementwise.finite(f(x, Int(digits)))
            }
        }
    }
}
