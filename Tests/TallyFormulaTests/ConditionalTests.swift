import Testing
import TallyCore
import TallyData
@testable import TallyFormula

@Suite struct ConditionalTests {
    // Excel's COUNTIF documentation sample.
    static let fruit = T.table(T.texts("fruit", ["apples", "oranges", "peaches", "apples"]), T.numbers("n", [32, 54, 75, 86]))

    @Test func countIfMatchesExcelDocumentation() {
        #expect(T.kpi("=COUNTIF(fruit,\"apples\")", Self.fruit) == .number(2))
        #expect(T.kpi("=COUNTIF(n,\">55\")", Self.fruit) == .number(2))
        #expect(T.kpi("=COUNTIF(n,\"<>\"&75)", Self.fruit) == .number(3))
        #expect(T.kpi("=COUNTIF(n,\">=32\")-COUNTIF(n,\">85\")", Self.fruit) == .number(3))
        #expect(T.kpi("=COUNTIF(fruit,\"*\")", Self.fruit) == .number(4))
        #expect(T.kpi("=COUNTIF(fruit,\"?????es\")", Self.fruit) == .number(2))
        #expect(T.kpi("=COUNTIF(fruit,\"APPLES\")", Self.fruit) == .number(2))       // case-insensitive
        #expect(T.kpi("=COUNTIF(fruit,\"*es\")", Self.fruit) == .number(4))
        #expect(T.kpi("=COUNTIF(fruit,\"<>apples\")", Self.fruit) == .number(2))
        #expect(T.kpi("=COUNTIF(n,75)", Self.fruit) == .number(1))
    }

    @Test func sumIfAverageIfMatchExcelDocumentation() {
        let t = T.table(T.numbers("value", [100_000, 200_000, 300_000, 400_000]), T.numbers("commission", [7000, 14000, 21000, 28000]))
        #expect(T.kpi("=SUMIF(value,\">160000\",commission)", t) == .number(63000))
        #expect(T.kpi("=SUMIF(value,\">160000\")", t) == .number(900_000))
        #expect(T.kpi("=SUMIF(value,300000,commission)", t) == .number(21000))
        #expect(T.kpi("=AVERAGEIF(commission,\"<23000\")", t) == .number(14000))
        #expect(T.kpi("=AVERAGEIF(value,\"<95000\")", t) == .error(.divisionByZero))
        #expect(T.kpi("=AVERAGEIF(value,\">250000\",commission)", t) == .number(24500))
    }

    @Test func multipleCriteria() {
        let t = T.table(T.categories("team", ["A", "B", "A", "A", nil]), T.numbers("csat", [5, 4, 2, nil, 5]),
                        T.booleans("fcr", [true, true, false, true, true]))
        #expect(T.kpi("=COUNTIFS(team,\"A\",csat,\">=4\")", t) == .number(1))
        #expect(T.kpi("=COUNTIFS(team,\"A\",fcr,TRUE)", t) == .number(2))
        #expect(T.kpi("=SUMIFS(csat,team,\"A\")", t) == .number(7))
        #expect(T.kpi("=AVERAGEIFS(csat,team,\"A\",fcr,\"Y\")", t) == .number(5))
        #expect(T.kpi("=MAXIFS(csat,team,\"A\")", t) == .number(5))
        #expect(T.kpi("=MINIFS(csat,team,\"A\")", t) == .number(2))
        #expect(T.kpi("=MAXIFS(csat,team,\"Z\")", t) == .number(0))
        #expect(T.kpi("=AVERAGEIFS(csat,team,\"Z\")", t) == .error(.divisionByZero))
        #expect(T.kpi("=COUNTIF(team,\"\")", t) == .number(1))          // "" matches blank cells
        #expect(T.kpi("=COUNTIF(team,\"<>\")", t) == .number(4))        // "<>" matches non-blank
        #expect(T.kpi("=COUNTIF(team,\"=\")", t) == .number(1))
        #expect(T.kpi("=COUNTIF(csat,\"<>5\")", t) == .number(3))       // includes the blank
        #expect(T.kpi("=COUNTIF(csat,\"<5\")", t) == .number(2))        // blanks never compare as numbers
    }

    @Test func booleanColumnsAcceptReaderTokens() {
        let t = T.table(T.booleans("fcr", [true, false, true, nil]))
        #expect(T.kpi("=COUNTIF(fcr,TRUE)", t) == .number(2))
        #expect(T.kpi("=COUNTIF(fcr,\"Y\")", t) == .number(2))
        #expect(T.kpi("=COUNTIF(fcr,\"no\")", t) == .number(1))
        #expect(T.kpi("=COUNTIF(fcr,\"TRUE\")", t) == .number(2))
        #expect(T.kpi("=COUNTIF(fcr,1)", t) == .number(2))
        #expect(T.kpi("=SUM(IF(fcr=\"Y\",1,0))", t) == .number(2))
    }

    @Test func wildcardsAndEscapes() {
        let p = WildcardPattern("a*c?")
        #expect(p.matches("abcd"))
        #expect(p.matches("ACx"))
        #expect(!p.matches("abc"))
        #expect(WildcardPattern("~*").matches("*"))
        #expect(!WildcardPattern("~*").matches("a"))
        #expect(WildcardPattern("what~?").matches("What?"))
        #expect(!WildcardPattern("what~?").matches("whats"))
        #expect(WildcardPattern("*").matches(""))
        #expect(WildcardPattern("a**b").matches("ab"))
        let t = T.table(T.texts("q", ["why?", "who", "what?", "*star"]))
        #expect(T.kpi("=COUNTIF(q,\"*~?\")", t) == .number(2))
        #expect(T.kpi("=COUNTIF(q,\"~**\")", t) == .number(1))
    }

    @Test func criteriaOnDatesAndComparisons() {
        let t = T.table(T.dates("d", ["2026-01-01", "2026-02-15", "2026-03-01"]))
        #expect(T.kpi("=COUNTIF(d,\">=2026-02-01\")", t) == .number(2))
        #expect(T.kpi("=COUNTIF(d,\">=\"&DATE(2026,3,1))", t) == .number(1))
        let s = T.table(T.texts("name", ["apple", "Banana", "cherry"]))
        #expect(T.kpi("=COUNTIF(name,\">b\")", s) == .number(2))
    }

    @Test func errorsInRangesAndCriteria() {
        let t = T.table(T.numbers("x", [1, 0, 2]), T.numbers("y", [1, 1, 1]))
        #expect(T.kpi("=COUNTIF(y/x,\">0\")", t) == .number(2))                 // errors never match
        #expect(T.kpi("=COUNTIF(y/x,\"#DIV/0!\")", t) == .number(1))
        #expect(T.kpi("=SUMIF(x,\">=0\",y/x)", t) == .error(.divisionByZero))  // a matched error propagates
        #expect(T.kpi("=SUMIF(x,\">0\",y/x)", t) == .number(1.5))
    }

    @Test func nonConstantCriteriaAreRejected() {
        let t = T.table(T.numbers("x", [1, 2]), T.numbers("y", [1, 2]))
        let d = T.errors("=COUNTIF(x,y)", t)
        #expect(d.first?.message == "criteria must be fixed when the report is built")
        #expect(d.first?.location?.column == 12)
        #expect(T.errors("=COUNTIFS(x,1,y)", t).first?.message.contains("pairs") == true)
    }

    @Test func groupedCountIfMatchesAHandCount() throws {
        let x: [Double?] = [5, nil, 3, 5, 7, nil, 1, 5]
        let flag: [Bool?] = [true, false, nil, true, true, false, true, nil]
        let team: [String?] = ["A", "B", nil, "A", "b", "C", nil, "a"]
        let ids: [Int32] = [0, 0, 1, 1, -1, 2, 2, 2]
        let t = T.table(T.numbers("x", x), T.booleans("flag", flag), T.categories("team", team))
        let compiler = FormulaCompiler(schema: T.schema(t))
        func grouped(_ formula: String) throws -> [FormulaValue] {
            try compiler.compileAggregate(FormulaSource(formula)).get().evaluate(table: t, groupIds: ids, groupCount: 3)
        }
        func hand<V>(_ values: [V?], _ hit: (V?) -> Bool) -> [FormulaValue] {
            var counts = [0.0, 0, 0]
            for i in values.indices where ids[i] >= 0 && hit(values[i]) { counts[Int(ids[i])] += 1 }
            return counts.map { .number($0) }
        }
        #expect(try grouped("=COUNTIF(x,\"<>5\")") == hand(x) { $0 != 5 })
        #expect(try grouped("=COUNTIF(x,\"\")") == hand(x) { $0 == nil })
        #expect(try grouped("=COUNTIF(x,\">=3\")") == hand(x) { ($0 ?? -1) >= 3 })
        #expect(try grouped("=COUNTIF(flag,\"N\")") == hand(flag) { $0 == false })
        #expect(try grouped("=COUNTIF(flag,\"<>\")") == hand(flag) { $0 != nil })
        #expect(try grouped("=COUNTIF(team,\"a\")") == hand(team) { $0?.lowercased() == "a" })
        #expect(try grouped("=COUNTIF(team,\"<>a\")") == hand(team) { $0?.lowercased() != "a" })
    }

    @Test func parametersWorkInCriteria() {
        let t = T.table(T.numbers("csat", [5, 4, 3, 2]))
        #expect(T.kpi("=COUNTIF(csat,\">=\"&top)/COUNT(csat)", t, parameters: ["top": .number(4)]) == .number(0.5))
    }
}
