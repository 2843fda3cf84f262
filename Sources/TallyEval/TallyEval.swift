// TallyEval: Spec + Tables → Results. Every number the report shows is computed here, before drawing.
//
// Steps of `Evaluator.evaluate`:
// 1. Parameters: spec defaults, then `--param` overrides, type-checked.
// 2. The report date: `--as-of`, the spec's `as_of`, the latest date in the data, or the build date.
// 3. Datasets: computed columns (row formulas), then the row filter.
// 4. Phases: resolved to dates (fixed or relative to as-of), rows assigned by the time column in the
//    report's time zone; excluded ranges removed with their reason.
// 5. KPIs: formulas (built-ins expanded) compiled once and evaluated per phase in one pass; per-phase
//    intervals and comparisons with the baseline (`TallyStats`), Holm adjustment across KPIs.
// 6. Variance against target and expected; warnings for small samples and unequal periods.
