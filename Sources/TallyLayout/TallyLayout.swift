// TallyLayout: a `Document` (what to show) → `[Page]` (where everything goes).
//
// Steps (`DocumentLayout.layout`):
// 1. `PageGeometry` fixes paper (A4, US Letter), orientation and margins; the content area is a 12-column
//    grid (`gridWidth(columns:)`, 12 pt gutters).
// 2. `References.registry` collects every heading (including those the contents, evidence and audit blocks
//    emit), numbers the sections when `Document.numbersSections` is set, and records what each anchor is
//    called (headings, "chart-<id>", table anchors).
// 3. `BlockContext.units` measures each block into `LayoutUnit`s (a frame, its height, keep rules):
//    cover (Cover.swift), contents (Contents.swift), text and the Markdown subset (InlineMarkdown.swift;
//    paragraphs over four lines split between lines via TextLines.swift, two lines minimum either side),
//    charts side by side on the grid, tables (TableLayout.swift: auto-fit widths, number formats,
//    zebra, totals, ConditionalFormatting.swift), evidence (Evidence.swift), signatures (Signatures.swift)
//    and the audit appendix (AuditAppendix.swift). Tables become one unit per row so they split between rows.
// 4. `Paginator` flows units down pages: headings and captions stay with what follows, kept-together
//    groups move as a whole when they fit, tables repeat caption "(continued)" and header after a break,
//    explicit page breaks are honoured, nothing is cut.
// 5. Page numbers: pass 1 runs with unknown numbers; the anchors' pages are read off the frames and the
//    blocks that print page numbers (contents, evidence) are re-measured until the numbers are stable
//    (number columns have fixed widths, so the second pass normally settles it; at most four passes).
// 6. `RunningHeader` adds title, organisation, as-of date, data fingerprint and "Page n of N" to every page
//    but the cover; headings' bookmarks travel on `Page.outline` for the PDF outline.
// 7. `PageTags` hoists links and anchors out of nested groups into page coordinates (the PDF backend places
//    link rectangles and destinations in page space).
