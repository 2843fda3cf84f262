import TallyGraphics

/// A measured piece of content the paginator places as a whole.
struct LayoutUnit: Sendable {
    /// The drawing, `contentWidth` wide, origin at its top-left.
    var frame: Frame
    /// Space to leave after the unit.
    var spaceAfter: Double
    /// Keep this unit on the same page as the next one (headings, table captions and headers).
    var keepWithNext: Bool = false
    /// Start a new page before this unit.
    var pageBreak: Bool = false
    /// Drawn first when this unit opens a page in the middle of a table (the repeated header row).
    var continuationHeader: Frame? = nil
    /// Bookmarks and link destinations that start at this unit.
    var outline: [OutlineEntry] = []

    /// Height of the drawing.
    var height: Double { frame.size.height }

    /// A zero-height unit that only forces a page break.
    static var pageBreakMarker: LayoutUnit {
        LayoutUnit(frame: Frame(size: Size(0, 0)), spaceAfter: 0, pageBreak: true)
    }
}
