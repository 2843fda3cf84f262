import TallyCore
import TallyData
import TallyFormula
import TallySpec

/// Applies a dataset's computed columns and row filter (both spreadsheet formulas) to its table.
enum DatasetPreparation {
    /// The table with computed columns appended (in spec order) and the filter applied.
    static func prepare(_ table: Table, dataset: DatasetSpec, parameters: [String: FormulaValue], diagnostics: inout [Diagnostic]) -> Table {
        var table = table
        for computed in dataset.computed {
            let compiler = FormulaCompiler(schema: FormulaSchema(table: table, parameters: parameters))
            let source = FormulaSource(computed.formula.value, at: computed.formula.location)
            switch compiler.compileRow(source) {
            case .success(let program):
                var column = program.evaluate(table: table, name: computed.name.value).column
                column.name = computed.name.value
                if let existing = table.columnIndex(named: column.name) {
                    diagnostics.append(.error(
                        .spec, "computed column '\(column.name)' has the same name as column '\(table.columns[existing].name)' of \(dataset.file.value)",
                        at: computed.name.location, hint: "give the computed column a new name"))
                    continue
                }
                table.columns.append(column)
            case .failure(let error):
                diagnostics += error.diagnostics
            }
        }
        if let filter = dataset.filter {
            let compiler = FormulaCompiler(schema: FormulaSchema(table: table, parameters: parameters))
            switch compiler.compileRow(FormulaSource(filter.value, at: filter.location)) {
            case .success(let program):
                let values = program.values(table: table)
                let mask = values.map { value -> Bool in
                    if case .boolean(let keep) = value { return keep }
                    return false
                }
                if program.resultType != .boolean {
                    diagnostics.append(.error(
                        .spec, "the filter of dataset '\(dataset.name.value)' must be TRUE or FALSE for each row, but it gives a \(program.resultType.rawValue)",
                        at: filter.location, hint: "write a comparison, e.g. '=channel<>\"test\"'"))
                } else {
                    table = table.filtered(by: mask)
                }
            case .failure(let error):
                diagnostics += error.diagnostics
            }
        }
        return table
    }
}
