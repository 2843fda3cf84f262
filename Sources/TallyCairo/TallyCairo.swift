// TallyCairo: the only module that calls C — Cairo for drawing, Pango for text.
//
// Steps:
// 1. `PangoText` owns one Pango font map at 72 dpi with hinting off, so text measures the same on every
//    surface and at every scale; `PangoTextMeasurer` answers layout's `TextMeasurer` questions with it.
// 2. `FontCheck` refuses fonts that fontconfig does not have (no silent substitution).
// 3. `CairoPainter` walks a `Frame` onto any cairo_t: paths, Pango text, links and destinations.
// 4. Exporters, siblings that never import each other: `PDFExporter` (pages, metadata, bookmarks, fixed
//    creation date), `PNGExporter` (frame at a DPI, with tEXt metadata), `SVGExporter`.
// All Pango/Cairo calls are serialised by `CairoLock`: Pango font maps are not thread-safe.
