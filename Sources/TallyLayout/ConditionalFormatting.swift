import TallyGraphics

/// Resolves what a cell shows: its column's number format, then the first conditional rule that matches.
enum ConditionalFormatting {
    /// The cell as drawn: text filled from the value when empty, rule colour, emphasis and symbol applied.
    static func resolve(_ cell: TableModel.Cell, column index: Int, in table: TableModel) -> TableModel.Cell {
        var resolved = cell
        guard index < table.columns.count else { return resolved }
        let column = table.columns[index]
        if resolved.text.isEmpty, let value = cell.value { resolved.text = column.formatted(value) }
        guard let value = cell.value, let rule = table.rules.first(where: { $0.column == index && $0.condition.matches(value) }) else {
            return resolved
        }
        resolved.color = rule.color
        resolved.bold = resolved.bold || rule.bold
        if let fill = rule.fill { resolved.fill = fill }
        if let symbol = rule.symbol, !symbol.isEmpty { resolved.text = symbol + "\u{2009}" + resolved.text }
        return resolved
    }

    /// The key to the rules that have a label, e.g. "▲ variance above +5%   ▼ variance below −5%", symbols in
    /// their rule's colour; nil when no rule has a label.
    static func legend(_ rules: [ConditionalRule]) -> StyledText? {
        var seen: Set<String> = []
        var runs: [TextRun] = []
        for rule in rules {
            guard let label = rule.label, !label.isEmpty else { continue }
            let symbol = rule.symbol ?? ""
            guard seen.insert(symbol + label).inserted else { continue }
            if !runs.isEmpty { runs.append(TextRun("   ")) }
            if !symbol.isEmpty { runs.append(TextRun(symbol + " ", bold: true, color: rule.color)) }
            runs.append(TextRun(label))
        }
        return runs.isEmpty ? nil : StyledText(runs)
    }
}
