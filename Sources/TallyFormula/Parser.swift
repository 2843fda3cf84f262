import TallyCore

/// Parses tokens into an `Expression` with Excel's precedence; errors point into the formula.
///
/// Bounded by `Limits.standard`: a formula longer than `maxFormulaLength` characters, or one whose tree would be
/// deeper than `maxFormulaDepth`, is refused before anything deep is built, so neither this parser nor the
/// compiler and evaluator (which recurse over the tree) can run out of stack.
public struct Parser {
    private let source: FormulaSource
    private var tokens: [Token] = []
    private var position = 0
    /// Open parentheses, innermost last, for "missing `)`" messages.
    private var openParens: [(offset: Int, function: String?)] = []
    /// Signs being parsed, outermost first (they nest like parentheses).
    private var openSigns = 0
    /// Height of the expression the last successful parse step returned (a leaf is 1).
    private var height = 0
    /// Deepest tree (and deepest nesting) allowed.
    private let maxDepth: Int

    /// Parses a whole formula (with or without its leading `=`).
    public static func parse(_ source: FormulaSource) -> Result<Expression, Diagnostic> {
        parse(source, limits: .standard)
    }

    /// Parses a whole formula within `limits` (length and depth).
    public static func parse(_ source: FormulaSource, limits: Limits) -> Result<Expression, Diagnostic> {
        let length = source.text.count
        if length > limits.maxFormulaLength {
            return .failure(source.error(
                at: 0, "the formula is \(length) characters long, more than the limit of \(limits.maxFormulaLength)",
                hint: "split it into several KPIs or computed columns that refer to each other by name"))
        }
        var lexer = Lexer(source: source)
        switch lexer.tokenize() {
        case .failure(let d): return .failure(d)
        case .success(let tokens):
            var parser = Parser(source: source, maxDepth: limits.maxFormulaDepth)
            parser.tokens = tokens
            return parser.parseFormula()
        }
    }

    private init(source: FormulaSource, maxDepth: Int) {
        self.source = source
        self.maxDepth = maxDepth
    }

    /// Records that the expression just built is `newHeight` tall; an error when that is deeper than allowed.
    private mutating func grow(to newHeight: Int, at offset: Int) -> Diagnostic? {
        height = newHeight
        return newHeight > maxDepth || openParens.count + openSigns > maxDepth ? tooDeep(at: offset) : nil
    }

    /// The diagnostic for a formula nested deeper than `maxDepth`.
    private func tooDeep(at offset: Int) -> Diagnostic {
        source.error(
            at: offset, "the formula nests more than \(maxDepth) levels deep",
            hint: "parentheses, function calls, signs and chained operators each add a level; split the formula into "
                + "several KPIs or computed columns that refer to each other by name")
    }

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
        var leftHeight = height
        while let op = binaryOperator(current.kind), op.precedence >= minimum {
            let opToken = advance()
            switch parseBinary(minimum: op.precedence + 1) {
            case .failure(let d): return .failure(d)
            case .success(let right): left = .binary(op, left, right, operatorSpan: opToken.span)
            }
            if let problem = grow(to: max(leftHeight, height) + 1, at: opToken.span.start) { return .failure(problem) }
            leftHeight = height
        }
        height = leftHeight
        return .success(left)
    }

    private mutating func parseUnary() -> Result<Expression, Diagnostic> {
        switch current.kind {
        case .minus, .plus:
            let token = advance()
            let op: UnaryOperator = token.kind == .minus ? .negate : .plus
            openSigns += 1
            defer { openSigns -= 1 }
            if openParens.count + openSigns > maxDepth { return .failure(tooDeep(at: token.span.start)) }
            switch parseUnary() {
            case .failure(let d): return .failure(d)
            case .success(let operand):
                if let problem = grow(to: height + 1, at: token.span.start) { return .failure(problem) }
                return .success(.unary(op, operand, token.span.to(operand.span)))
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
            if let problem = grow(to: height + 1, at: token.span.start) { return .failure(problem) }
            expression = .percent(expression, expression.span.to(token.span))
        }
        return .success(expression)
    }

    private mutating func parsePrimary() -> Result<Expression, Diagnostic> {
        let token = current
        height = 1
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
            if openParens.count + openSigns > maxDepth { return .failure(tooDeep(at: token.span.start)) }
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
        if openParens.count + openSigns > maxDepth { return .failure(tooDeep(at: open.span.start)) }
        var arguments: [Expression] = []
        var argumentsHeight = 0
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
                case .success(let e):
                    arguments.append(e)
                    argumentsHeight = max(argumentsHeight, height)
                }
            }
            switch current.kind {
            case .comma: _ = advance()
            case .rightParen:
                let close = advance()
                if let problem = grow(to: argumentsHeight + 1, at: nameSpan.start) { return .failure(problem) }
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
