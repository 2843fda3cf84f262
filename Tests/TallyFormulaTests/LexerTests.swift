import Testing
import TallyCore
@testable import TallyFormula

@Suite struct LexerTests {
    func kinds(_ text: String) -> [Token.Kind] {
        var lexer = Lexer(source: FormulaSource(text))
        guard case .success(let tokens) = lexer.tokenize() else { return [] }
        return tokens.map(\.kind)
    }

    @Test func numbersStringsNamesAndOperators() {
        #expect(kinds("=1.5e3+.5") == [.number(1500), .plus, .number(0.5), .end])
        #expect(kinds("=\"say \"\"hi\"\"\"&x") == [.string("say \"hi\""), .ampersand, .name("x"), .end])
        #expect(kinds("=[First Contact]<>STDEV.S") == [.bracketName("First Contact"), .notEqual, .name("STDEV.S"), .end])
        #expect(kinds("a<=b>=c<d>e=f") == [.name("a"), .lessEqual, .name("b"), .greaterEqual, .name("c"), .less, .name("d"),
                                           .greater, .name("e"), .equal, .name("f"), .end])
        #expect(kinds("=50%") == [.number(50), .percent, .end])
        #expect(kinds("=#N/A") == [.errorLiteral(.notAvailable), .end])
        #expect(kinds("=#div/0!") == [.errorLiteral(.divisionByZero), .end])
    }

    @Test func spansCountCharactersNotBytes() {
        var lexer = Lexer(source: FormulaSource("=\"é\"+ñ"))
        guard case .success(let tokens) = lexer.tokenize() else { Issue.record("lex failed"); return }
        #expect(tokens.map(\.span) == [Span(1, 4), Span(4, 5), Span(5, 6), Span(6, 6)])
    }

    @Test func unterminatedStringPointsAtTheEnd() {
        var lexer = Lexer(source: FormulaSource("=COUNTIF(a,\">4)"))
        guard case .failure(let d) = lexer.tokenize() else { Issue.record("expected failure"); return }
        #expect(d.message.contains("missing closing `\"`"))
        #expect(d.location?.column == 16)
    }

    @Test func semicolonGetsAHint() {
        var lexer = Lexer(source: FormulaSource("=ROUND(x;2)"))
        guard case .failure(let d) = lexer.tokenize() else { Issue.record("expected failure"); return }
        #expect(d.location?.column == 9)
        #expect(d.hint?.contains("`,`") == true)
    }
}
