// TallyFormula: spreadsheet formulas for KPIs and computed columns, with Excel's semantics.
//
// Steps:
// 1. Lex (`Lexer`): formula text → tokens with character offsets; the leading `=` is optional.
// 2. Parse (`Parser`): tokens → `Expression`, with Excel's precedence (unary minus > % > ^ > * / > + - > & >
//    comparisons, all left-associative, so `=-2^2` is 4 and `=2^3^2` is 64). Every error is a `Diagnostic`
//    (category `.spec`) pointing into the formula via `FormulaSource` (file, line, column of the formula's
//    first character; `sourceLine` shows the formula at its column so the caret lands under the problem).
// 3. Type-check and compile (`Compiler`, `Operators`, `Functions/*`, `Criteria`): names resolve to columns,
//    parameters (constants, folded at compile time) or other KPIs; every node gets a static type
//    (`FormulaType`) and a level (constant, per group, per row). Type errors (`=AVERAGE(team)` on a text
//    column, a bare column in a KPI, non-constant criteria, unknown names with "did you mean") are all
//    reported here, together. The result is a tree of vector operations that runs once per evaluation over
//    whole columns — never once per row.
// 4. Evaluate (`AggregateProgram`, `RowProgram`, `KPISet`): aggregates reduce rows to groups in one pass
//    (`Aggregation`: group ids, −1 = excluded); element-wise operations run over per-row or per-group
//    `Vector`s whose status codes carry blanks and errors without boxing. Aggregates over a bare numeric
//    column read its storage in place (`NumberSource`, `TypedKernels`), and SUM/AVERAGE/MIN/MAX of a row
//    expression evaluate it a block of rows at a time (`RowChunks`); both give bit-identical results.
//
// Semantic choices (where Excel and LibreOffice Calc agree we follow them; otherwise the choice is named):
// - Values: number, text, logical, date (Excel serial: days since 1899-12-30, time as the fraction), blank,
//   error (#DIV/0!, #VALUE!, #N/A, #NUM!, #NAME?, #REF!). Errors propagate (left operand first), never trap.
// - Column types: integer/decimal/percent → numbers (percent as fraction); duration → days (so ×24 gives
//   hours, ×1440 minutes); date/datetime → serials; category → text; boolean → logical.
// - Blanks: skipped by aggregates, counted by COUNTBLANK (which also counts ""), 0 in arithmetic, "" in
//   text, equal to 0 / "" / FALSE in comparisons; `IF(c, blank)` returns 0 — all as in Excel.
// - Scope: in a KPI formula a column must sit inside an aggregate (`=AVERAGE(csat)`), KPIs and parameters
//   stand alone (`=fcr - target`). Inside an aggregate's argument, and in computed-column formulas, a column
//   name means "this row's value" (Excel's `[@col]`): `=AVERAGE((closed_at-opened_at)*24)`, and in a
//   computed column `=MAX(a, b)` is the larger of this row's a and b. Array expressions inside aggregates
//   behave like Excel's dynamic arrays: text and the FALSE of an else-less IF are skipped.
// - Logical columns (user-friendly rule, a documented divergence): a logical-typed argument counts as 1/0 in
//   SUM, AVERAGE, COUNT and friends, so `=AVERAGE(fcr)` is the FCR rate and `=COUNTIF(fcr,TRUE)/COUNT(fcr)`
//   works (Excel ignores logicals in ranges and would give #DIV/0! / 0 there). Criteria and comparisons on a
//   logical column also accept the reader's tokens: "Y"/"N", "yes"/"no", "true"/"false", 1/0
//   (`=COUNTIF(fcr,"Y")` counts TRUE rows, matching a workbook whose cells still say "Y").
// - Criteria (COUNTIF family): `">=4"`, `"<>N"`, `"="` (blank only), `""` (blank or empty text), `"<>"`
//   (non-blank), numbers, dates (`">=2026-01-01"` or `">="&DATE(…)`), TRUE/FALSE, error literals, wildcards
//   `*` `?` with `~` escapes, case-insensitive. Criteria must be fixed when the spec loads (literals,
//   parameters, TODAY(), expressions of them); errors in ranges never match.
// - Rounding: ROUND is half away from zero after snapping to 15 significant digits, as Excel displays
//   (ROUND(2.675, 2) = 2.68); digits are truncated toward zero.
// - Text compares case-insensitively; numbers < text < logicals in comparisons, as in Excel.
// - Dates before 1900-03-01 differ from Excel by one day (Excel's fictitious 1900-02-29); DATE rejects them.
// - TODAY() is the report's `as_of` date (compile error when the spec has none); there is no NOW().
