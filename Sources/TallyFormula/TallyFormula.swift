// TallyFormula: spreadsheet formulas for KPIs and computed columns, with Excel's semantics.
//
// Steps:
// 1. Lex (`Lexer`): formula text → tokens with character offsets; the leading `=` is optional.
// 2. Parse (`Parser`): tokens → `Expression`, with Excel's precedence (unary minus > % > ^ > * / > + - > & >
//    comparisons, all left-associative). Every error is a `Diagnostic` pointing into the formula (`FormulaSource`).
// 3. Type-check and compile (`Compiler`, `Operators`, `Functions/*`): names resolve to columns, parameters
//    (constants, folded) or other KPIs; every node gets a static type and a level (constant, per group, per row).
//    Type errors (`=AVERAGE(team)` on text) are reported here. The result is a tree of vector operations:
//    each runs once per evaluation over whole columns, never once per row.
// 4. Evaluate (`AggregateProgram`, `RowProgram`, `KPISet`): aggregates reduce rows to groups in one pass
//    (`Aggregation`); element-wise operations run over per-row or per-group vectors (`Vector`).
//
// Semantics worth knowing (details in `docs` of each function file):
// - Dates are Excel serial numbers (days since 1899-12-30, time as the fraction); durations are days.
// - In a KPI formula a column must sit inside an aggregate; inside an aggregate's argument (and in computed
//   columns) a column name means "this row's value", like Excel's `[@Column]`.
// - Boolean columns count as 1/0 in SUM, AVERAGE, COUNT (Excel would ignore logicals in ranges); criteria and
//   comparisons accept the reader's tokens ("Y", "no", "true", 1/0) for them.
