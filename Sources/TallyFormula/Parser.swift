import TallyCore

/// Parses tokens into an `Expression` with Excel's precedence; errors point into the formula.
public struct Parser {
    private let source: FormulaSource
    private var tokens: [Token] = []
    private var position = 0
    /// Open parentheses, innermost last, for "missing `)`" messages.
    private var openParens: [(offset: Int, function: String?)] = []

    /// Parses a whole formula (with or without its leading `=`).
    public static func parse(_ source: FormulaSource) -> Result<Expression, Diagnostic> {
        var lexer = Lexer(source: source)
        switch lexer.tokenize() {
        case .failure(let d): return .failure(d)
        case .success(let tokens):
            var parser = Parser(source: source)
            parser.tokens = tokens
            return parser.parseFormula()
        }
    }

    private init(source: FormulaSource) { self.source = source }

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func parseFormula() -> Result<Expression, Diagnostic> {
        if case .end = current.kind {
            return .failure(source.error(at: current.span.start, "the formula is empty",
                                         hint: "write an expression after `=`, e.g. =AVERAGE(csat)"))
        }
        let expression: Expression
        switch parseBinary(minimum: 1) {
        case .failure(let d): return .failure(d)
        case .success(let e): expression = e
        }
        switch current.kind {
        case .end: return .success(expression)
        case .rightParen:
            return .failure(source.error(at: current.span.start, "unmatched `)`",
                                         hint: "remove it or add the `(` it closes"))
        case .comma:
            return .failure(source.error(at: current.span.start, "unexpected `,` outside a function call"))
        default:
            return .failure(source.error(at: current.span.start, "expected an operator before \(describe(current))",
                                         hint: "join values with an operator such as + or &"))
        }
    }

    private func binaryOperator(_ kind: Token.Kind) -> BinaryOperator? {
        switch kind {
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        case .caret: return .power
        case .ampersand: return .concatenate
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .greater: return .greater
        case .lessEqual: return .lessEqual
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    private mutating func parseBinary(minimum: Int) -> Result<Expression, Diagnostic> {
        var left: Expression
        switch parseUnary() {
        case .failure(let d): return .failure(d)
        case .success(let e): left = e
        }
        while let op = binaryOperator(current.kind), op.precedence >= minimum {
            let opToken = advance()
            switch parseBinary(minimum: op.precedence + 1) {
            case .failure(let d): return .failure(d)
            case .success(let right): left = .binary(op, left, right, operatorSpan: opToken.span)
            }
        }
        return .success(left)
    }

    private mutating func parseUnary() -> Result<Expression, Diagnostic> {
        switch current.kind {
        case .minus, .plus:
            let token = advance()
            let op: UnaryOperator = token.kind == .minus ? .negate : .plus
            switch parseUnary() {
            case .failure(let d): return .failure(d)
            case .success(let operand): return .success(.unary(op, operand, token.span.to(operand.span)))
            }
        default:
            return parsePostfix()
        }
    }

    private mutating func parsePostfix() -> Result<Expression, Diagnostic> {
        var expression: Expression
        switch parsePrimary() {
        case .failure(let d): return .failure(d)
        case .success(let e): expression = e
        }
        while case .percent = current.kind {
            let token = advance()
            expression = .percent(expression, expression.span.to(token.span))
        }
        return .success(expression)
    }

    private mutating func parsePrimary() -> Result<Expression, Diagnostic> {
        let token = current
        switch token.kind {
        case .number(let v): _ = advance(); return .success(.number(v, token.span))
        case .string(let s): _ = advance(); return .success(.text(s, token.span))
        case .errorLiteral(let e): _ = advance(); return .success(.error(e, token.span))
        case .bracketName(let n): _ = advance(); return .success(.name(n, token.span, bracketed: true))
        case .name(let n):
            _ = advance()
            if case .leftParen = current.kind { return parseCall(name: n, nameSpan: token.span) }
            switch n.uppercased() {
            case "TRUE": return .success(.boolean(true, token.span))
            case "FALSE": return .success(.boolean(false, token.span))
            default: return .success(.name(n, token.span, bracketed: false))
            }
        case .leftParen:
            _ = advance()
            openParens.append((token.span.start, nil))
            let inner: Expression
            switch parseBinary(minimum: 1) {
            case .failure(let d): return .failure(d)
            case .success(let e): inner = e
            }
            guard case .rightParen = current.kind else { return .failure(missingParen()) }
            openParens.removeLast()
            _ = advance()
            return .success(inner)
        case .end:
            return .failure(source.error(at: token.span.start, "the formula ends where a value was expected",
                                         hint: previousOperatorHint()))
        case .rightParen:
            return .failure(source.error(at: token.span.start, "expected a value before `)`"))
        case .comma:
            return .failure(source.error(at: token.span.start, "expected a value before `,`"))
        default:
            return .failure(source.error(at: token.span.start, "expected a value, found \(describe(token))"))
        }
    }

    private mutating func parseCall(name: String, nameSpan: Span) -> Result<Expression, Diagnostic> {
        let open = advance()  // (
        openParens.append((open.span.start, name))
        var arguments: [Expression] = []
        if case .rightParen = current.kind {
            let close = advance()
            openParens.removeLast()
            return .success(.call(name, [], nameSpan: nameSpan, span: nameSpan.to(close.span)))
        }
        while true {
            // An omitted argument: `IF(x,,1)` or `IF(x,1,)`.
            switch current.kind {
            case .comma, .rightParen:
                arguments.append(.empty(Span(current.span.start, current.span.start)))
            default:
                switch parseBinary(minimum: 1) {
                case .failure(let d): return .failure(d)
                case .success(let e): arguments.append(e)
                }
            }
            switch current.kind {
            case .comma: _ = advance()
            case .rightParen:
                let close = advance()
                openParens.removeLast()
                return .success(.call(name, arguments, nameSpan: nameSpan, span: nameSpan.to(close.span)))
            default:
                return .failure(missingParen(insideCall: true))
            }
        }
    }

    private func missingParen(insideCall: Bool = false) -> Diagnostic {
        let open = openParens.last
        let opened = open.map { source.location(ofOffset: $0.offset).column.map { " (opened at column \($0))" } ?? "" } ?? ""
        let what = open?.function.map { "missing `)` to close \($0.uppercased())(" } ?? "missing `)`"
        if case .end = current.kind {
            return source.error(at: current.span.start, what, hint: "add `)` at the end\(opened)")
        }
        let hint = insideCall ? "separate arguments with `,` or close the call with `)`\(opened)" : "add `)`\(opened)"
        return source.error(at: current.span.start, "\(what); found \(describe(current))", hint: hint)
    }

    private func previousOperatorHint() -> String? {
        guard position > 0 else { return nil }
        let previous = tokens[position - 1]
        if binaryOperator(previous.kind) != nil { return "add a value after the operator" }
        return nil
    }

    private func describe(_ token: Token) -> String {
        let characters = Array(source.text)
        let text = String(characters[max(0, min(token.span.start, characters.count))..<max(0, min(token.span.end, characters.count))])
        switch token.kind {
        case .end: return "the end of the formula"
        case .number: return "the number `\(text)`"
        case .string: return "the text \(text)"
        case .name, .bracketName: return "the name `\(text)`"
        default: return "`\(text)`"
        }
    }
}
