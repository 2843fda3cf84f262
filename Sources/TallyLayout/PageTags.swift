import TallyGraphics

/// Moves links and anchors out of nested groups onto the page itself, in page coordinates. The PDF backend
/// places link rectangles and destinations in page space (Cairo ignores the group's translation for tags),
/// so the page-level form is the one every exporter reads the same way.
enum PageTags {
    /// The page with every `.link` and `.anchor` hoisted to the top level, offsets applied, order kept.
    static func hoisted(_ page: Page) -> Page {
        var tags: [FrameItem] = []
        var result = page
        result.frame = strip(page.frame, offset: .zero, into: &tags)
        result.frame.items += tags
        return result
    }

    private static func strip(_ frame: Frame, offset: Point, into tags: inout [FrameItem]) -> Frame {
        var kept = Frame(size: frame.size)
        for item in frame.items {
            switch item {
            case .link(let rect, let target):
                tags.append(.link(rect.offsetBy(offset.x, offset.y), target: target))
            case .anchor(let name, let point):
                tags.append(.anchor(name, at: Point(point.x + offset.x, point.y + offset.y)))
            case .group(let inner, let at, let clip):
                kept.items.append(.group(strip(inner, offset: Point(offset.x + at.x, offset.y + at.y), into: &tags), at: at, clip: clip))
            case .shape, .text:
                kept.items.append(item)
            }
        }
        return kept
    }
}
