// Tally: the library facade — one call from a spec path to files on disk, usable without the CLI.
//
// Steps of `ReportBuilder.build` (each stage a plain function from one value to the next):
// 1. Load: read the spec through the `World`, decode and check it (`TallySpec`) — all problems at once.
// 2. Read: each dataset's CSV into a typed `Table` (`TallyData`), located errors on bad input.
// 3. Evaluate: phases, KPIs, comparisons, SPC → `Results` (`TallyEval`); results.json is its encoding.
// 4. Compose: `Results` + `Spec` → `Document` with chart models (`TallyCompose`).
// 5. Layout: `Document` → `[Page]` (`TallyLayout`, charts drawn by `TallyCharts`).
// 6. Export: pages → PDF, charts → PNG/SVG (`TallyCairo`), all in memory.
// 7. Write: every file to a temporary name beside its destination, then renamed — nothing half-written.
