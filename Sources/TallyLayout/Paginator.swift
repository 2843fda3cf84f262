import TallyGraphics

/// Flows measured units down pages, keeping headings with what follows and repeating table headers.
struct Paginator {
    let geometry: PageGeometry

    /// Places every unit; returns pages without header/footer.
    func paginate(_ units: [LayoutUnit]) -> Pagination {
        let content = geometry.content
        var pages: [Page] = []
        var covers: Set<Int> = []
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
            // Height this unit needs on this page: itself plus the chain it must stay with. A chain taller
            // than a whole page cannot stay together, so it only asks for what fits on an empty page.
            let before = pageHasContent ? unit.spaceBefore : 0
            var needed = before + unit.height
            var next = index
            while units[next].keepWithNext, next + 1 < units.count, !units[next + 1].pageBreak {
                let more = units[next].spaceAfter + units[next + 1].spaceBefore + units[next + 1].height
                if needed + more > content.height { break }
                next += 1
                needed += more
            }
            if pageHasContent && y + needed > content.maxY + 0.01 { newPage() }
            if pageHasContent { y += unit.spaceBefore }
            if !pageHasContent, let header = unit.continuationHeader {
                current.frame.place(header, at: Point(content.minX, y))
                y += header.size.height
            }
            current.frame.place(unit.frame, at: Point(content.minX, y))
            current.outline += unit.outline
            if unit.isCover { covers.insert(pages.count) }
            y += unit.height + unit.spaceAfter
            pageHasContent = true
        }
        if pageHasContent || pages.isEmpty { pages.append(current) }
        return Pagination(pages: pages, coverPages: covers)
    }
}
