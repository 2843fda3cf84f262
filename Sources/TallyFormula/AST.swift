/// A parsed formula: one node per literal, name, operator and call, each with its span in the text.
public indirect enum Expression: Sendable, Hashable {
    /// A number literal (`%` literals are parsed as `.percent`).
    case number(Double, Span)
    /// A text literal.
    case text(String, Span)
    /// TRUE or FALSE.
    case boolean(Bool, Span)
    /// An error literal such as `#N/A`.
    case error(FormulaError, Span)
    /// A column, parameter or KPI name; `bracketed` for the `[Column Name]` form.
    case name(String, Span, bracketed: Bool)
    /// An omitted argument, as in `IF(x,,1)`.
    case empty(Span)
    /// `-x` or `+x`.
    case unary(UnaryOperator, Expression, Span)
    /// `x%`.
    case percent(Expression, Span)
    /// `x op y`; the span is the operator's.
    case binary(BinaryOperator, Expression, Expression, operatorSpan: Span)
    /// `NAME(args…)`; the first span is the name's, the second the whole call's.
    case call(String, [Expression], nameSpan: Span, span: Span)

    /// The characters this node covers.
    public var span: Span {
        switch self {
        case .number(_, let s), .text(_, let s), .boolean(_, let s), .error(_, let s), .name(_, let s, _),
             .empty(let s), .unary(_, _, let s), .percent(_, let s):
            return s
        case .binary(_, let l, let r, _): return l.span.to(r.span)
        case .call(_, _, _, let s): return s
        }
    }

    /// A compact Lisp-like dump, for tests: `(+ 1 (* 2 3))`.
    public var dump: String {
        switch self {
        case .number(let v, _): return GeneralFormat.format(v)
        case .text(let s, _): return "\"\(s)\""
        case .boolean(let b, _): return b ? "TRUE" : "FALSE"
        case .error(let e, _): return e.rawValue
        case .name(let n, _, let bracketed): return bracketed ? "[\(n)]" : n
        case .empty: return "_"
        case .unary(let op, let e, _): return "(\(op.rawValue) \(e.dump))"
        case .percent(let e, _): return "(% \(e.dump))"
        case .binary(let op, let l, let r, _): return "(\(op.rawValue) \(l.dump) \(r.dump))"
        case .call(let name, let args, _, _): return "(\(name)" + args.map { " " + $0.dump }.joined() + ")"
        }
    }
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case plus = "+"
}

/// Infix operators, with Excel's precedence.
public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", concatenate = "&"
    case equal = "=", notEqual = "<>", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="

    /// Binding strength: comparisons 1, `&` 2, `+ -` 3, `* /` 4, `^` 5 (all left-associative, as in Excel).
    var precedence: Int {
        switch self {
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual: return 1
        case .concatenate: return 2
        case .add, .subtract: return 3
        case .multiply, .divide: return 4
        case .power: return 5
        }
    }

    /// True for `= <> < > <= >=`.
    var isComparison: Bool { precedence == 1 }
}
