/// A block of text placed in a frame: the exporter lays it out with the same measurer layout used.
public struct TextBox: Sendable, Hashable, Codable {
    /// The text.
    public var text: StyledText
    /// Top-left of the layout box.
    public var origin: Point
    /// Wrap width; nil = one unwrapped line per `\n`.
    public var width: Double?
    /// Base font.
    public var font: FontSpec
    /// Base colour.
    public var color: Color
    /// Alignment within `width` (or around `origin.x` for unwrapped centred/right text — see `anchorWidth`).
    public var alignment: TextAlignment
    /// Line-height multiplier.
    public var lineSpacing: Double
    /// Rotation in degrees about `origin` (e.g. -90 for a vertical axis title).
    public var rotation: Double
    /// The measured extent, recorded at layout time (used for bounds checks and dumps).
    public var measured: Size

    /// Creates a text box.
    public init(
        text: StyledText, origin: Point, width: Double?, font: FontSpec, color: Color,
        alignment: TextAlignment = .left, lineSpacing: Double = 1, rotation: Double = 0, measured: Size
    ) {
        self.text = text
        self.origin = origin
        self.width = width
        self.font = font
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
        self.rotation = rotation
        self.measured = measured
    }

    /// The area the text occupies (before rotation is applied, a rotated box reports its rotated extent).
    public var bounds: Rect {
        let w = width ?? measured.width
        if rotation == -90 || rotation == 270 {
            return Rect(x: origin.x, y: origin.y - w, width: measured.height, height: w)
        }
        if rotation == 90 { return Rect(x: origin.x - measured.height, y: origin.y, width: measured.height, height: w) }
        return Rect(x: origin.x, y: origin.y, width: w, height: measured.height)
    }
}

/// One positioned thing to draw.
public enum FrameItem: Sendable, Hashable, Codable {
    /// A vector path, filled and/or stroked.
    case shape(VectorPath, fill: Color?, stroke: Stroke?)
    /// A text block.
    case text(TextBox)
    /// A clickable area pointing at a named destination in the document (or a URL when it has a scheme).
    case link(Rect, target: String)
    /// A named destination (link target) at a point.
    case anchor(String, at: Point)
    /// A nested frame drawn with its origin at `at`, clipped to its size when `clip` is true.
    case group(Frame, at: Point, clip: Bool)
}

/// A fixed-size canvas of positioned items: what layout produces and exporters draw.
public struct Frame: Sendable, Hashable, Codable {
    /// Extent of the frame.
    public var size: Size
    /// Items in painting order.
    public var items: [FrameItem]

    /// Creates a frame.
    public init(size: Size, items: [FrameItem] = []) {
        self.size = size
        self.items = items
    }

    /// Appends an item.
    public mutating func add(_ item: FrameItem) { items.append(item) }

    /// Fills a rectangle.
    public mutating func fill(_ rect: Rect, _ color: Color) { items.append(.shape(.rect(rect), fill: color, stroke: nil)) }

    /// Strokes a path.
    public mutating func stroke(_ path: VectorPath, _ stroke: Stroke) { items.append(.shape(path, fill: nil, stroke: stroke)) }

    /// Places a nested frame.
    public mutating func place(_ frame: Frame, at point: Point, clip: Bool = false) {
        items.append(.group(frame, at: point, clip: clip))
    }

    /// Every text box with its origin moved into this frame's coordinates (nested groups flattened).
    public var allTextBoxes: [TextBox] {
        var result: [TextBox] = []
        collectText(offset: .zero, into: &result)
        return result
    }

    private func collectText(offset: Point, into result: inout [TextBox]) {
        for item in items {
            switch item {
            case .text(var box):
                box.origin = Point(box.origin.x + offset.x, box.origin.y + offset.y)
                result.append(box)
            case .group(let frame, let at, _):
                frame.collectText(offset: Point(offset.x + at.x, offset.y + at.y), into: &result)
            default: break
            }
        }
    }

    /// Bounds of every drawn item in this frame's coordinates (nested groups flattened).
    public var allItemBounds: [Rect] {
        var result: [Rect] = []
        collectBounds(offset: .zero, into: &result)
        return result
    }

    private func collectBounds(offset: Point, into result: inout [Rect]) {
        for item in items {
            switch item {
            case .shape(let path, _, let stroke):
                if let b = path.bounds {
                    let half = (stroke?.width ?? 0) / 2
                    result.append(Rect(x: b.minX - half + offset.x, y: b.minY - half + offset.y, width: b.width + 2 * half, height: b.height + 2 * half))
                }
            case .text(let box): result.append(box.bounds.offsetBy(offset.x, offset.y))
            case .link(let r, _): result.append(r.offsetBy(offset.x, offset.y))
            case .anchor: break
            case .group(let frame, let at, _):
                frame.collectBounds(offset: Point(offset.x + at.x, offset.y + at.y), into: &result)
            }
        }
    }
}

/// An entry of the PDF outline (bookmarks).
public struct OutlineEntry: Sendable, Hashable, Codable {
    /// Text shown in the viewer's sidebar.
    public var title: String
    /// Named destination it opens.
    public var destination: String
    /// Nesting level, 0 = top.
    public var level: Int

    /// Creates an entry.
    public init(title: String, destination: String, level: Int) {
        self.title = title
        self.destination = destination
        self.level = level
    }
}

/// A finished page: its size and everything on it.
public struct Page: Sendable, Hashable, Codable {
    /// The page content; `frame.size` is the paper size.
    public var frame: Frame
    /// Bookmarks that start on this page.
    public var outline: [OutlineEntry]

    /// Creates a page.
    public init(frame: Frame, outline: [OutlineEntry] = []) {
        self.frame = frame
        self.outline = outline
    }
}
