import TallyCore

/// One lexical unit of a formula with its position.
struct Token: Sendable, Equatable {
    /// What kind of token it is, with its payload.
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        /// A bare name: column, parameter, KPI, function or TRUE/FALSE.
        case name(String)
        /// `[Column Name]`.
        case bracketName(String)
        /// An error literal such as `#N/A`.
        case errorLiteral(FormulaError)
        case plus, minus, star, slash, caret, ampersand, percent
        case equal, notEqual, less, greater, lessEqual, greaterEqual
        case leftParen, rightParen, comma
        case end
    }

    /// The token kind.
    var kind: Kind
    /// Where it is.
    var span: Span
}

/// Turns formula text into tokens, reporting the first lexical error with its position.
struct Lexer {
    private let characters: [Character]
    private let source: FormulaSource
    private var index = 0

    /// Creates a lexer over the whole formula text (offsets count from its first character).
    init(source: FormulaSource) {
        self.source = source
        self.characters = Array(source.text)
    }

    /// All tokens, ending with `.end`, or the diagnostic for the first character that cannot start one.
    mutating func tokenize() -> Result<[Token], Diagnostic> {
        var tokens: [Token] = []
        // The leading `=` (optional) is not a token.
        skipSpace()
        if index < characters.count, characters[index] == "=" { index += 1 }
        while true {
            skipSpace()
            guard index < characters.count else {
                tokens.append(Token(kind: .end, span: Span(characters.count, characters.count)))
                return .success(tokens)
            }
            switch next() {
            case .success(let token): tokens.append(token)
            case .failure(let diagnostic): return .failure(diagnostic)
            }
        }
    }

    private mutating func skipSpace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private mutating func next() -> Result<Token, Diagnostic> {
        let start = index
        let c = characters[index]
        func single(_ kind: Token.Kind) -> Result<Token, Diagnostic> {
            index += 1
            return .success(Token(kind: kind, span: Span(start, index)))
        }
        switch c {
        case "+": return single(.plus)
        case "-", "\u{2212}": return single(.minus)
        case "*": return single(.star)
        case "/": return single(.slash)
        case "^": return single(.caret)
        case "&": return single(.ampersand)
        case "%": return single(.percent)
        case "(": return single(.leftParen)
        case ")": return single(.rightParen)
        case ",": return single(.comma)
        case ";":
            return .failure(source.error(at: start, "unexpected `;`",
                                         hint: "separate function arguments with `,` (as in English Excel)"))
        case "=": return single(.equal)
        case "<":
            if peek(1) == "=" { index += 2; return .success(Token(kind: .lessEqual, span: Span(start, index))) }
            if peek(1) == ">" { index += 2; return .success(Token(kind: .notEqual, span: Span(start, index))) }
            return single(.less)
        case ">":
            if peek(1) == "=" { index += 2; return .success(Token(kind: .greaterEqual, span: Span(start, index))) }
            return single(.greater)
        case "\"", "\u{201C}", "\u{201D}": return string(start: start)
        case "[": return bracketName(start: start)
        case "#": return errorLiteral(start: start)
        default:
            if c.isASCII, c.isNumber || (c == "." && (peek(1)?.isNumber ?? false)) { return number(start: start) }
            if c.isLetter || c == "_" || c == "\\" { return name(start: start) }
            if c == "'" {
                return .failure(source.error(at: start, "unexpected `'`",
                                             hint: "write text in double quotes and column names with spaces as [Column Name]"))
            }
            return .failure(source.error(at: start, "unexpected character `\(c)`"))
        }
    }

    private func peek(_ ahead: Int) -> Character? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    private mutating func number(start: Int) -> Result<Token, Diagnostic> {
        var text = ""
        while index < characters.count, characters[index].isASCII, characters[index].isNumber {
            text.append(characters[index]); index += 1
        }
        if index < characters.count, characters[index] == "." {
            text.append("."); index += 1
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                text.append(characters[index]); index += 1
            }
        }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var lookahead = index + 1
            if lookahead < characters.count, characters[lookahead] == "+" || characters[lookahead] == "-" { lookahead += 1 }
            if lookahead < characters.count, characters[lookahead].isASCII, characters[lookahead].isNumber {
                text.append("e")
                if characters[index + 1] == "-" { text.append("-") }
                index = lookahead
                while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                    text.append(characters[index]); index += 1
                }
            }
        }
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasSuffix(".") { text += "0" }
        guard let value = Double(text), value.isFinite else {
            return .failure(source.error(at: start, "`\(text)` is not a number this formula can hold"))
        }
        if index < characters.count, characters[index].isLetter || characters[index] == "_" {
            return .failure(source.error(at: start, "a name cannot start with a digit",
                                         hint: "write a column whose name starts with a digit as [\(text)…]"))
        }
        return .success(Token(kind: .number(value), span: Span(start, index)))
    }

    private mutating func string(start: Int) -> Result<Token, Diagnostic> {
        let open = characters[index]
        let closers: Set<Character> = open == "\"" ? ["\""] : ["\u{201C}", "\u{201D}", "\""]
        index += 1
        var text = ""
        while index < characters.count {
            let c = characters[index]
            if closers.contains(c) {
                if c == "\"", peek(1) == "\"" { text.append("\""); index += 2; continue }
                index += 1
                return .success(Token(kind: .string(text), span: Span(start, index)))
            }
            text.append(c); index += 1
        }
        return .failure(source.error(at: characters.count, "missing closing `\"` of the text that starts here",
                                     hint: "text started at column \(source.location(ofOffset: start).column ?? 0); write a quote inside text as \"\""))
    }

    private mutating func bracketName(start: Int) -> Result<Token, Diagnostic> {
        index += 1
        var text = ""
        while index < characters.count {
            let c = characters[index]
            if c == "]" {
                index += 1
                let trimmed = text.trimmingSpaces
                guard !trimmed.isEmpty else { return .failure(source.error(at: start, "empty column name `[]`")) }
                return .success(Token(kind: .bracketName(trimmed), span: Span(start, index)))
            }
            if c == "'" , index + 1 < characters.count { text.append(characters[index + 1]); index += 2; continue }
            text.append(c); index += 1
        }
        return .failure(source.error(at: characters.count, "missing `]` to close the column name",
                                     hint: "the name starts with `[` at column \(source.location(ofOffset: start).column ?? 0)"))
    }

    private mutating func errorLiteral(start: Int) -> Result<Token, Diagnostic> {
        let rest = String(characters[index...]).uppercased()
        for error in FormulaError.allCases where rest.hasPrefix(error.rawValue) {
            index += error.rawValue.count
            return .success(Token(kind: .errorLiteral(error), span: Span(start, index)))
        }
        return .failure(source.error(at: start, "unknown error value",
                                     hint: "error literals are #DIV/0!, #VALUE!, #N/A, #NUM!, #NAME? and #REF!"))
    }

    private mutating func name(start: Int) -> Result<Token, Diagnostic> {
        var text = ""
        while index < characters.count {
            let c = characters[index]
            if c.isLetter || c.isNumber || c == "_" || c == "." || c == "\\" {
                text.append(c); index += 1
            } else {
                break
            }
        }
        return .success(Token(kind: .name(text), span: Span(start, index)))
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
