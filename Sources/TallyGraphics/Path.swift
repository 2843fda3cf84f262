/// One step of a vector path.
public enum PathElement: Sendable, Hashable, Codable {
    /// Start a new subpath at a point.
    case move(Point)
    /// Straight line to a point.
    case line(Point)
    /// Cubic Bézier curve through two control points to a point.
    case curve(Point, Point, Point)
    /// Close the current subpath.
    case close
}

/// A vector outline in frame coordinates.
public struct VectorPath: Sendable, Hashable, Codable {
    /// The path's steps in order.
    public var elements: [PathElement]

    /// Creates a path from steps.
    public init(_ elements: [PathElement] = []) { self.elements = elements }

    /// A rectangle.
    public static func rect(_ r: Rect) -> VectorPath {
        VectorPath([
            .move(Point(r.minX, r.minY)), .line(Point(r.maxX, r.minY)), .line(Point(r.maxX, r.maxY)),
            .line(Point(r.minX, r.maxY)), .close,
        ])
    }

    /// A straight segment.
    public static func line(from a: Point, to b: Point) -> VectorPath { VectorPath([.move(a), .line(b)]) }

    /// An open polyline through the points (empty for fewer than two points).
    public static func polyline(_ points: [Point]) -> VectorPath {
        guard let first = points.first, points.count >= 2 else { return VectorPath() }
        return VectorPath([.move(first)] + points.dropFirst().map { .line($0) })
    }

    /// A closed polygon.
    public static func polygon(_ points: [Point]) -> VectorPath {
        var path = polyline(points)
        if !path.elements.isEmpty { path.elements.append(.close) }
        return path
    }

    /// A circle approximated by four Bézier arcs.
    public static func circle(center c: Point, radius r: Double) -> VectorPath {
        let k = 0.552_284_749_831 * r
        return VectorPath([
            .move(Point(c.x + r, c.y)),
            .curve(Point(c.x + r, c.y + k), Point(c.x + k, c.y + r), Point(c.x, c.y + r)),
            .curve(Point(c.x - k, c.y + r), Point(c.x - r, c.y + k), Point(c.x - r, c.y)),
            .curve(Point(c.x - r, c.y - k), Point(c.x - k, c.y - r), Point(c.x, c.y - r)),
            .curve(Point(c.x + k, c.y - r), Point(c.x + r, c.y - k), Point(c.x + r, c.y)),
            .close,
        ])
    }

    /// The smallest rectangle holding every point of the path (control points included).
    public var bounds: Rect? {
        var xs: [Double] = [], ys: [Double] = []
        for element in elements {
            switch element {
            case .move(let p), .line(let p):
                xs.append(p.x); ys.append(p.y)
            case .curve(let a, let b, let p):
                xs += [a.x, b.x, p.x]; ys += [a.y, b.y, p.y]
            case .close: break
            }
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

/// How an outline is stroked.
public struct Stroke: Sendable, Hashable, Codable {
    /// Line colour.
    public var color: Color
    /// Line width in points.
    public var width: Double
    /// Dash pattern in points (empty = solid).
    public var dash: [Double]

    /// Creates a stroke.
    public init(color: Color, width: Double = 1, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}
