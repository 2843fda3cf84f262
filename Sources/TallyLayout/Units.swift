import TallyGraphics

/// A measured piece of content the paginator places as a whole.
struct LayoutUnit: Sendable {
    /// The drawing, `contentWidth` wide, origin at its top-left.
    var frame: Frame
    /// Space to leave after the unit.
    var spaceAfter: Double
    /// Extra space above the unit, dropped at the top of a page (headings).
    var spaceBefore: Double = 0
    /// Keep this unit on the same page as the next one (headings, table captions and headers).
    var keepWithNext: Bool = false
    /// Start a new page before this unit.
    var pageBreak: Bool = false
    /// Drawn first when this unit opens a page in the middle of a table (the repeated header row).
    var continuationHeader: Frame? = nil
    /// Bookmarks and link destinations that start at this unit.
    var outline: [OutlineEntry] = []
    /// The page holding this unit is the cover: no running header or footer.
    var isCover: Bool = false

    /// Height of the drawing.
    var height: Double { frame.size.height }

    /// A zero-height unit that only forces a page break.
    static var pageBreakMarker: LayoutUnit {
        LayoutUnit(frame: Frame(size: Size(0, 0)), spaceAfter: 0, pageBreak: true)
    }
}

/// Pages as the paginator left them, with the facts the finishing passes need.
struct Pagination: Sendable {
    /// Pages without running header and footer.
    var pages: [Page]
    /// Indices of cover pages (no header or footer).
    var coverPages: Set<Int>

    /// The 1-based page number on which each named destination landed (first occurrence wins).
    var anchorPages: [String: Int] {
        var result: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            for name in Self.anchors(in: page.frame) where result[name] == nil { result[name] = index + 1 }
        }
        return result
    }

    /// Every anchor name in a frame, nested groups included, in painting order.
    static func anchors(in frame: Frame) -> [String] {
        var names: [String] = []
        for item in frame.items {
            switch item {
            case .anchor(let name, _): names.append(name)
            case .group(let inner, _, _): names += anchors(in: inner)
            default: break
            }
        }
        return names
    }
}
