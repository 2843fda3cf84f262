// TallyCharts: chart models → frames. Pure Swift: geometry and text boxes, measured through `TextMeasurer`.
//
// Steps:
// 1. A `ChartModel` says what to show (title, subtitle, caption, alt text and one `ChartContent`). Each chart type
//    has a plain, Codable model of already-computed numbers (`PrePostBars`, `TimeSeriesData`, `ControlChartData`
//    for control and run charts, `ParetoData`, `HistogramData`, `BoxPlotData`, `LikertData`, `DumbbellData`,
//    `KPITileData`, `SmallMultiplesData`, `ServqualData`); `ChartContent.altText(subject:)` words each for screen readers.
// 2. `ChartChrome` places title, subtitle, legend (optional entries dropped on small charts) and caption and hands
//    back the plot area.
// 3. Scales map data to the plot: `LinearScale` with `NiceTicks` (extended Wilkinson; clock steps for durations),
//    `BandScale`, and `TimeAxis` (calendar ticks — days, "w/c 3 Mar" weeks, months over years, quarters, years —
//    the finest set whose measured labels do not overlap). `ValueAxis`/`HorizontalAxis` draw gridlines and labels,
//    `CategoryAxis` and `RowLabels` wrap, rotate or shorten category names; `LabelLayout` thins, spreads and truncates.
// 4. One renderer per chart type draws marks and direct labels into a `Frame`; `TimePlot` is the shared frame of
//    charts over time (phase band, shading, change annotations, right-hand labels); `Marks` and `NHSIcons` hold
//    markers, the "No data for this period" panel and the Making Data Count icons.
// 5. `ChartRenderer.render` is the single entry point; `ChartRenderer.textOutsideBounds` checks no text leaves
//    the chart (tests run it over every chart type, size and theme).
