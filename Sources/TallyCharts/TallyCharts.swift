// TallyCharts: chart models → frames. Pure Swift: geometry and text boxes, measured through `TextMeasurer`.
//
// Steps:
// 1. A `ChartModel` says what to show (title, subtitle, caption, alt text and one `ChartContent`).
// 2. `ChartChrome` places title, subtitle, legend and caption and hands back the plot area.
// 3. Scales map data to the plot (`LinearScale` with `NiceTicks` — extended Wilkinson —, `BandScale`).
// 4. One renderer per chart type draws marks, axes and direct labels into a `Frame`.
// 5. `ChartRenderer.render` is the single entry point; it also checks no text leaves the chart's bounds.
