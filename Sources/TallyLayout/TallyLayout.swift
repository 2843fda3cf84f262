// TallyLayout: a `Document` (what to show) → `[Page]` (where everything goes).
//
// Steps:
// 1. `PageGeometry` fixes paper, orientation and margins; the content area is a 12-column grid.
// 2. Each `DocumentBlock` is measured into a `Placed` unit (a frame and its height); tables and long
//    paragraphs become several units so they can split between rows or lines.
// 3. `Paginator` flows units down the pages: headings stay with what follows, units are kept whole
//    when they fit, tables repeat their header row after a break, explicit page breaks are honoured.
// 4. Running header and footer ("Page n of N", title, data fingerprint) are added once the page count
//    is known; section anchors and bookmarks are recorded for the PDF outline.
