// TallyGraphics: the drawing vocabulary between layout and export — no C, no files.
//
// Steps:
// 1. Geometry and style values: `Point`, `Size`, `Rect`, `Color`, `Stroke`, `FontSpec`, `Path`.
// 2. Text as values: `StyledText` (runs with bold/italic/colour), measured through the `TextMeasurer`
//    protocol (Pango in TallyCairo, a fixed-width fake in tests) so layout never imports C.
// 3. `Frame`: positioned `FrameItem`s (paths, text boxes, links, anchors, nested frames) — the IR that
//    exporters walk. `Page` is a frame with a page size and outline entries.
// 4. `FrameDump`: a stable text form of a frame, the golden format of layout and chart tests.
