import TallyGraphics

/// Flows measured units down pages, keeping headings with what follows and repeating table headers.
struct Paginator {
    let geometry: PageGeometry

    /// Places every unit; returns pages without header/footer.
    func paginate(_ units: [LayoutUnit]) -> [Page] {
        let content = geometry.content
        var pages: [Page] = []
        var current = Page(frame: Frame(size: geometry.size))
        var y = content.minY
        var pageHasContent = false

        func newPage() {
            pages.append(current)
            current = Page(frame: Frame(size: geometry.size))
            y = content.minY
            pageHasContent = false
        }

        for (index, unit) in units.enumerated() {
            if unit.pageBreak {
                if pageHasContent { newPage() }
                continue
            }
            // Height this unit needs on this page: itself plus any chain it must stay with.
            var needed = unit.height
            var next = index
            while units[next].keepWithNext, next + 1 < units.count, !units[next + 1].pageBreak {
                next += 1
                needed += units[next - 1].spaceAfter + units[next].height
            }
            if pageHasContent && y + needed > content.maxY { newPage() }
            if !pageHasContent, let header = unit.continuationHeader {
                current.frame.place(header, at: Point(content.minX, y))
                y += header.size.height
            }
            current.frame.place(unit.frame, at: Point(content.minX, y))
            current.outline += unit.outline
            y += unit.height + unit.spaceAfter
            pageHasContent = true
        }
        pages.append(current)
        return pages
    }
}
