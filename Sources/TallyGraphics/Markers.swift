/// Point-marker shapes for charts: each meaning gets its own shape so it survives greyscale printing.
public enum MarkerShape: String, Sendable, Hashable, Codable, CaseIterable {
    case circle, square, diamond, triangleUp, triangleDown, cross

    /// The marker's outline centred on `center`, fitting a box `size` points across.
    public func path(center c: Point, size: Double) -> VectorPath {
        let r = size / 2
        switch self {
        case .circle:
            return .circle(center: c, radius: r)
        case .square:
            let s = r * 0.88
            return .rect(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        case .diamond:
            let s = r * 1.15
            return .polygon([Point(c.x, c.y - s), Point(c.x + s, c.y), Point(c.x, c.y + s), Point(c.x - s, c.y)])
        case .triangleUp:
            let s = r * 1.15
            return .polygon([Point(c.x, c.y - s), Point(c.x + s, c.y + s * 0.8), Point(c.x - s, c.y + s * 0.8)])
        case .triangleDown:
            let s = r * 1.15
            return .polygon([Point(c.x, c.y + s), Point(c.x - s, c.y - s * 0.8), Point(c.x + s, c.y - s * 0.8)])
        case .cross:
            // A plus sign as a filled outline (so it reads at small sizes).
            let a = r, b = r * 0.34
            return .polygon([
                Point(c.x - b, c.y - a), Point(c.x + b, c.y - a), Point(c.x + b, c.y - b), Point(c.x + a, c.y - b),
                Point(c.x + a, c.y + b), Point(c.x + b, c.y + b), Point(c.x + b, c.y + a), Point(c.x - b, c.y + a),
                Point(c.x - b, c.y + b), Point(c.x - a, c.y + b), Point(c.x - a, c.y - b), Point(c.x - b, c.y - b),
            ])
        }
    }
}
