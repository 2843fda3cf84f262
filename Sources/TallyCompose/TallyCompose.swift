// TallyCompose: Results + Spec → Document — what the report says and shows, still without geometry.
//
// Steps of `Composer.compose`:
// 1. Front matter: the title block from the spec's report facts and the resolved report date.
// 2. Sections in spec order: a heading (anchor + bookmark), then each block:
//    text (templates resolved against Results, inline Markdown), charts (chart models with captions that
//    name source, period and n), tables (variance table, KPI tables), findings in plain English.
// 3. Every chart model is also returned on its own, so the exporter can write one PNG per chart.
