import Testing
import TallyGraphics
@testable import TallyLayout

@Suite struct ConditionalFormattingTests {
    @Test func numberFormatsAndConditionalRulesAddSymbolAndColour() {
        let table = Fixtures.callTable(rows: 3)
        let up = ConditionalFormatting.resolve(TableModel.Cell(value: 0.061), column: 4, in: table)
        #expect(up.text == "▲\u{2009}+6.1%")
        #expect(up.color == Theme.standard.improvement)
        #expect(up.bold)
        let down = ConditionalFormatting.resolve(TableModel.Cell(value: -0.07), column: 4, in: table)
        #expect(down.text == "▼\u{2009}−7.0%")
        #expect(down.color == Theme.standard.concern)
        let inside = ConditionalFormatting.resolve(TableModel.Cell(value: 0.05), column: 4, in: table)
        #expect(inside.text == "+5.0%" && inside.color == nil)
        let legend = ConditionalFormatting.legend(table.rules)
        #expect(legend?.plainText == "▲ variance above +5%   ▼ variance below −5%")
        #expect(legend?.runs.first { $0.text.hasPrefix("▲") }?.color == Theme.standard.improvement)
        #expect(legend?.runs.first { $0.text.hasPrefix("▼") }?.color == Theme.standard.concern)
        #expect(ConditionalRule.Condition.outside(-0.05, 0.05).matches(0.051))
        #expect(!ConditionalRule.Condition.outside(-0.05, 0.05).matches(-0.05))
        #expect(!ConditionalRule.Condition.above(0).matches(.nan))
    }

    @Test func firstMatchingRuleWinsAndTextOverridesFormat() {
        var table = Fixtures.callTable(rows: 1)
        table.rules.insert(ConditionalRule(column: 4, condition: .outside(-0.2, 0.2), color: .black, symbol: "!!", fill: Theme.standard.shade), at: 0)
        let extreme = ConditionalFormatting.resolve(TableModel.Cell(value: 0.25), column: 4, in: table)
        #expect(extreme.text == "!!\u{2009}+25.0%" && extreme.fill == Theme.standard.shade)
        let given = ConditionalFormatting.resolve(TableModel.Cell(value: 0.07, text: "seven"), column: 4, in: table)
        #expect(given.text == "▲\u{2009}seven")
    }
}
